"""Sign-in and sign-out as plain form posts: the server sets and clears the session cookie
(HttpOnly, SameSite=Strict, Secure over https), so no script in the page can read it.

The browser then loads the next page afresh, and its new event socket carries the cookie's
digest (hireops.api.security). Both routes refuse posts from other sites.
"""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse, RedirectResponse, Response

from hireops import routes
from hireops.api.auth import request_client_address
from hireops.api.security import app_origin
from hireops.config import get_settings
from hireops.db import session_scope
from hireops.services.platform.auth import SignInResult, sign_in, sign_out
from hireops.services.platform.session_cookie import SESSION_COOKIE

router = APIRouter()
# Form fields are short; anything longer is not a sign-in.
MAX_FIELD_CHARS = 1000
MAX_FORM_BYTES = 16 * 1024


def _same_site_post(request: Request, public_origin: str) -> bool:
    """Whether a form post comes from one of this app's own pages. Browsers name the page's
    origin in Origin (or send "null" under some referrer policies, and then say
    Sec-Fetch-Site: same-origin, which no page can forge)."""
    if request.headers.get("sec-fetch-site") == "same-origin":
        return True
    claimed = request.headers.get("origin", "")
    if claimed in ("", "null"):
        claimed = request.headers.get("referer", "")
    if not claimed:
        return False
    parts = urlsplit(claimed)
    origin = f"{parts.scheme}://{parts.netloc}".lower()
    host = request.headers.get("host", "").lower()
    return origin == public_origin or parts.netloc.lower() == host


def _served_over_https(request: Request, public_origin: str) -> bool:
    # Behind a TLS proxy the request itself is plain http: the public address or the proxy's
    # X-Forwarded-Proto tells. A forged header only makes the sender's own cookie Secure.
    return request.url.scheme == "https" or public_origin.startswith("https://") \
        or request.headers.get("x-forwarded-proto", "").startswith("https")


def _login_again(next_path: str, error: str, wait_s: float = 0.0) -> RedirectResponse:
    query = {"next": next_path, "error": error}
    if wait_s:
        query["wait"] = f"{wait_s:.0f}"
    return RedirectResponse(f"{routes.LOGIN}?{urlencode(query)}", status_code=303)


def _check_password(email: str, password: str, client: str) -> SignInResult:
    with session_scope() as session:
        return sign_in(session=session, email=email, password=password, client=client)


@router.post(routes.SIGN_IN_ENDPOINT, include_in_schema=False)
async def sign_in_form(request: Request) -> Response:
    """Check the sign-in form; on success set the session cookie and go to `next`."""
    public_origin = await run_in_threadpool(app_origin)
    if not _same_site_post(request, public_origin):
        return PlainTextResponse("Sign-in is accepted only from this app's own page.", 403)
    declared = request.headers.get("content-length", "")
    if not declared.isdigit() or int(declared) > MAX_FORM_BYTES:
        return PlainTextResponse("The sign-in form is too large.", 413)
    form = await request.form(max_files=0, max_fields=10)
    email, password, next_field = (str(form.get(name, ""))[:MAX_FIELD_CHARS]
                                   for name in ("email", "password", "next"))
    next_path = routes.local_path_or_dashboard(next_field or routes.DASHBOARD)
    if not email.strip() or not password:
        return _login_again(next_path, "missing")
    # Password hashing is slow on purpose: off the event loop.
    result = await run_in_threadpool(_check_password, email.strip(), password,
                                    request_client_address(request))
    if result.user is None:
        return _login_again(next_path, result.reason or "wrong", result.retry_after_s)
    response = RedirectResponse(next_path, status_code=303)
    response.set_cookie(SESSION_COOKIE, result.token,
                        max_age=int(get_settings().session_hours * 3600), path="/",
                        httponly=True, secure=_served_over_https(request, public_origin),
                        samesite="strict")
    return response


@router.post(routes.SIGN_OUT_ENDPOINT, include_in_schema=False)
async def sign_out_form(request: Request) -> Response:
    """End the session on the server and clear the cookie."""
    public_origin = await run_in_threadpool(app_origin)
    if not _same_site_post(request, public_origin):
        return PlainTextResponse("Sign-out is accepted only from this app's own page.", 403)
    token = request.cookies.get(SESSION_COOKIE, "")
    if token:
        await run_in_threadpool(_end_session, token)
    response = RedirectResponse(routes.LOGIN, status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True,
                           secure=_served_over_https(request, public_origin), samesite="strict")
    return response


def _end_session(token: str) -> None:
    with session_scope() as session:
        sign_out(session=session, token=token)
