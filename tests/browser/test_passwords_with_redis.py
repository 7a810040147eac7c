"""Passwords typed into the app with the Redis state manager (several workers, every event
reading the tab's state from Redis): Save uses what was typed, and what Redis keeps of the tab
never holds it. The CalDAV card on the calendar, the mailbox and a new team member's password in
Settings."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from tests.app_server import WEB_BUILDS, app_env
from tests.browser.conftest import RunningApp, app_database, serving_app
from tests.browser.signing_in import open_signed_in, sign_in
from tests.browser.waiting import wait_for

pytestmark = pytest.mark.browser

# A database of its own on the test Redis (the scale-out test uses 5).
REDIS_URL = "redis://127.0.0.1:6379/9"


def _reachable(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def redis_store():
    if not _reachable(6379):
        pytest.skip("Redis not reachable on 127.0.0.1:6379")
    import redis

    store = redis.Redis.from_url(REDIS_URL)
    store.flushdb()
    yield store
    store.flushdb()
    store.close()


@pytest.fixture(scope="module")
def redis_app(tmp_path_factory, redis_store) -> Iterator[RunningApp]:
    """The production app with Reflex's Redis state manager and two workers; its pages are
    built in a folder of their own (the shared browser app serves from the tests' folder)."""
    workdir = tmp_path_factory.mktemp("redis-app")
    env = app_env(workdir, f"sqlite:///{workdir / 'app.db'}",
                  web_dir=WEB_BUILDS / "tests-redis", REFLEX_REDIS_URL=REDIS_URL,
                  GRANIAN_WORKERS="2")
    with serving_app(workdir, env) as app:
        yield app


@pytest.fixture
def redis_app_db(redis_app: RunningApp) -> Iterator[Session]:
    """A session on the Redis app's database, with its secret key (to read what it stored)."""
    with app_database(redis_app) as session:
        yield session


def _redis_holds(store, text: str) -> bool:
    """Whether any state Redis keeps holds `text`."""
    wanted = text.encode()
    return any(store.type(key) == b"string" and wanted in (store.get(key) or b"")
               for key in store.scan_iter())


def _type_secret(page: Page, store, selector: str, secret: str, marker_selector: str,
                 marker: str) -> None:
    """Type `secret`, then `marker` into another field, and wait until Redis has the marker:
    the tab's events run in order, so by then whatever typing the secret did is in Redis, and
    the secret must not be."""
    page.fill(selector, secret)
    page.fill(marker_selector, marker)
    wait_for(lambda: _redis_holds(store, marker), timeout_s=30,
             what=f"{marker!r} in the tab's state in Redis")
    assert not _redis_holds(store, secret)


def _settings_tab(page: Page, app: RunningApp, tab: str) -> None:
    open_signed_in(page, app, "/settings")
    page.click(f"#tab-{tab}")


def test_the_caldav_password_typed_is_the_one_saved(page: Page, redis_app, redis_store,
                                                   redis_app_db):
    from hireops.models import CaldavAccount, User
    from hireops.services.platform.crypto import decrypt_secret

    secret = "caldav-typed-Zq81"
    open_signed_in(page, redis_app, "/calendar")
    page.fill("#caldav-url", "https://dav.example.com/")
    _type_secret(page, redis_store, "#caldav-password", secret, "#caldav-username",
                 "hannah-on-dav")
    page.click("#caldav-save")
    expect(page.locator("#caldav-message")).to_contain_text("Saved")

    admin = redis_app_db.exec(select(User).where(User.email == redis_app.admin_email)).one()
    account = redis_app_db.exec(select(CaldavAccount)
                                .where(CaldavAccount.user_id == admin.id)).one()
    assert account.password_encrypted, "Save stored no password"
    assert decrypt_secret(account.password_encrypted) == secret
    expect(page.get_by_text("Password (leave empty to keep)")).to_be_visible()
    expect(page.locator("#caldav-password")).to_have_value("")
    assert not _redis_holds(redis_store, secret)


def test_the_mailbox_password_typed_is_the_one_saved(page: Page, redis_app, redis_store,
                                                     redis_app_db):
    from hireops.services.mail.sources import load_imap_config

    secret = "imap-typed-Wr52"
    _settings_tab(page, redis_app, "mail")
    page.fill("#imap-host", "imap.example.com")
    _type_secret(page, redis_store, "#imap-password", secret, "#imap-username",
                 "jobs-at-example")
    page.click("#imap-save")
    expect(page.get_by_text("Mailbox saved")).to_be_visible()

    redis_app_db.expire_all()
    assert load_imap_config(session=redis_app_db).password == secret
    expect(page.locator("#imap-password")).to_have_value("")
    assert not _redis_holds(redis_store, secret)
    page.click("#imap-disconnect")
    expect(page.get_by_text("Mailbox disconnected")).to_be_visible()


def test_a_new_team_members_typed_password_signs_them_in(page: Page, redis_app, redis_store,
                                                        chromium):
    secret = "team-typed-password-Kp73"
    _settings_tab(page, redis_app, "team")
    page.fill("#new-user-email", "rosa.redis@example.com")
    _type_secret(page, redis_store, "#new-user-password", secret, "#new-user-full_name",
                 "Rosa Redis")
    page.click("#add-user")
    expect(page.get_by_text("rosa.redis@example.com added.")).to_be_visible()
    expect(page.locator("#one-time-password")).to_have_count(0)  # the admin chose it
    assert not _redis_holds(redis_store, secret)

    other = chromium.new_context()
    try:
        newcomer = other.new_page()
        sign_in(newcomer, redis_app, email="rosa.redis@example.com", password=secret)
        expect(newcomer.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()
    finally:
        other.close()


def test_the_smtp_password_typed_is_the_one_saved(page: Page, redis_app, redis_store,
                                                  redis_app_db):
    """The general settings' secrets (API keys, the SMTP password) as the mailbox's: Save
    stores what was typed and Redis never holds it, before or after."""
    from hireops.services.platform.runtime_settings import current_settings

    secret = "smtp-typed-Hv40"
    _settings_tab(page, redis_app, "mail")
    _type_secret(page, redis_store, "#setting-smtp_password", secret, "#setting-smtp_user",
                 "jobs-smtp-login")
    page.click("#save-smtp")
    expect(page.get_by_text("Outgoing mail saved.")).to_be_visible()
    expect(page.locator("#mask-smtp_password")).to_have_text("set ••••Hv40")

    redis_app_db.expire_all()
    stored = current_settings(session=redis_app_db)
    assert (stored.smtp_password.get_secret_value(), stored.smtp_user) == (secret,
                                                                           "jobs-smtp-login")
    expect(page.locator("#setting-smtp_password")).to_have_value("")
    assert not _redis_holds(redis_store, secret)
    # Leave the app's outgoing mail as the other tests found it.
    page.click("#clear-smtp_password")
    expect(page.locator("#mask-smtp_password")).to_have_text("not set")
