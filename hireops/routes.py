"""Every route of the app, so links and redirects never spell a path twice."""

LOGIN = "/login"
DASHBOARD = "/"
INBOX = "/inbox"
JOBS = "/jobs"
JOB_NEW = "/jobs/new"
JOB_EDIT = "/jobs/edit"  # ?id=<job id>
CANDIDATES = "/candidates"
REPORTS = "/reports"
REPORTS_AI = "/reports/ai"
AUDIT = "/audit"
SETTINGS = "/settings"
SETTINGS_API = "/settings/api"
SETTINGS_EQUAL_OPPORTUNITIES = "/settings/equal-opportunities"
INTERVIEW = "/interview/[token]"
CANDIDATE = "/candidates/view"  # ?id=<candidate id>
JOB_RANKING = "/jobs/ranking"  # ?id=<job id>
