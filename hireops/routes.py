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
# Served by the backend, not pages: the browser posts the sign-in and sign-out forms here, so
# the session cookie is set and cleared by the server (HttpOnly, out of reach of scripts).
SIGN_IN_ENDPOINT = "/auth/sign-in"
SIGN_OUT_ENDPOINT = "/auth/sign-out"


def local_path_or_dashboard(target: str) -> str:
    """`target` when it is a path of this app, else the dashboard: a crafted `?next=` must not
    send a user to another site (or back to sign-in)."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target \
            or target.rstrip("/") == LOGIN:
        return DASHBOARD
    return target
