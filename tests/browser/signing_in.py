"""Signing in to the running app, as the admin unless a test says otherwise."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def sign_in(page: Page, app, password: str | None = None, email: str | None = None) -> None:
    page.goto(app.url + "/login")
    page.fill("#email", email or app.admin_email)
    page.fill("#password", password or app.admin_password)
    page.click("#sign-in")


def open_signed_in(page: Page, app, path: str) -> None:
    """Sign in as the admin, wait for the dashboard, then open `path` (e.g. "/candidates")."""
    sign_in(page, app)
    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()
    page.goto(app.url + path)
