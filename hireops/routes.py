"""Every route of the app, so links and redirects never spell a path twice."""

LOGIN = "/login"
DASHBOARD = "/"
INBOX = "/inbox"
JOBS = "/jobs"
JOB_NEW = "/jobs/new"
JOB_EDIT = "/jobs/edit"  # ?id=<job id>
CANDIDATES = "/candidates"
# The week of booked interviews (?week=<any ISO date of that week>) and the user's feed.
CALENDAR = "/calendar"
REPORTS = "/reports"
REPORTS_AI = "/reports/ai"
AUDIT = "/audit"
SETTINGS = "/settings"
SETTINGS_API = "/settings/api"
SETTINGS_EQUAL_OPPORTUNITIES = "/settings/equal-opportunities"
INTERVIEW = "/interview/[token]"
CANDIDATE = "/candidates/view"  # ?id=<candidate id>
JOB_RANKING = "/jobs/ranking"  # ?id=<job id>
# The signed-in user's notifications and how they want them.
NOTIFICATIONS = "/notifications"
JOB_BOARD = "/jobs/board"  # ?id=<job id>
# Public, no sign-in: the open jobs, one job with its apply form, and what follows.
CAREERS = "/careers"
CAREERS_JOB = "/careers/[job]"  # <job id>-<title words>
CAREERS_THANKS = "/careers/thank-you"  # ?job=<job slug>
CAREERS_PRIVACY = "/careers/privacy"
# Served by the backend, not pages: the browser posts the sign-in and sign-out forms here, so
# the session cookie is set and cleared by the server (HttpOnly, out of reach of scripts).
SIGN_IN_ENDPOINT = "/auth/sign-in"
SIGN_OUT_ENDPOINT = "/auth/sign-out"
# The careers apply form posts here (multipart, with the resume).
CAREERS_APPLY_ENDPOINT = "/careers/apply"
# HR's exports, downloaded like files: the tracker's (".csv" or ".xlsx" after it, the grid's
# filter as query) and the audit log's.
EXPORT_CANDIDATES = "/exports/candidates"
EXPORT_AUDIT_LOG = "/exports/audit-log.csv"
# A candidate's privacy export (a zip), and the files HR opens: a mail's attachment and a
# candidate's original resume; each address ends with the id (see the functions below).
EXPORT_CANDIDATE_DATA = "/exports/candidate-data"
ATTACHMENT_FILES = "/files/attachments"
RESUME_FILES = "/files/resumes"
# The reports page's tables (the table's name and ".csv" after it, the page's filter as query)
# and the AI usage page's calls per day.
EXPORT_REPORTS = "/exports/reports"
EXPORT_AI_USAGE = "/exports/ai-usage.csv"


def careers_job(slug: str) -> str:
    """The address of one job on the careers page."""
    return f"{CAREERS}/{slug}"


def candidate_data_export(candidate_id: int) -> str:
    """The address of one candidate's privacy export."""
    return f"{EXPORT_CANDIDATE_DATA}/{candidate_id}.zip"


def report_table(table: str) -> str:
    """The address of one of the reports page's tables as CSV ("funnel", "top-candidates",
    "adverse-impact"), before its query."""
    return f"{EXPORT_REPORTS}/{table}.csv"


def attachment_file(attachment_id: int) -> str:
    """The address of one attachment's file."""
    return f"{ATTACHMENT_FILES}/{attachment_id}"


def candidate_resume(candidate_id: int) -> str:
    """The address of one candidate's original resume file."""
    return f"{RESUME_FILES}/{candidate_id}"


def local_path_or_dashboard(target: str) -> str:
    """`target` when it is a path of this app, else the dashboard: a crafted `?next=` must not
    send a user to another site (or back to sign-in)."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target \
            or target.rstrip("/") == LOGIN:
        return DASHBOARD
    return target
