"""Every route of the app, so links and redirects never spell a path twice."""

LOGIN = "/login"
DASHBOARD = "/"
INBOX = "/inbox"
JOBS = "/jobs"
JOB_NEW = "/jobs/new"
JOB_EDIT = "/jobs/edit"  # ?id=<job id>
CANDIDATES = "/candidates"
REPORTS = "/reports"
SETTINGS = "/settings"
INTERVIEW = "/interview/[token]"
CANDIDATE = "/candidates/view"  # ?id=<candidate id>
JOB_RANKING = "/jobs/ranking"  # ?id=<job id>
