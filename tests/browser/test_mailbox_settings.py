"""An admin connects the IMAP mailbox from Settings and tests it against a real Dovecot."""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.signing_in import open_signed_in
from tests.fakes.dovecot import dovecot  # noqa: F401  (fixture)
from tests.fakes.mail_factory import build_email

pytestmark = pytest.mark.browser


def _fill(page: Page, server, password: str) -> None:
    page.fill("#imap-host", server.host)
    page.fill("#imap-port", str(server.port))
    page.get_by_role("combobox").first.click()
    page.get_by_role("option", name="none").click()
    page.fill("#imap-username", server.username)
    page.fill("#imap-password", password)


def test_test_connection_says_what_happened(page: Page, running_app, dovecot):  # noqa: F811
    dovecot.append(build_email(sender="a@example.com", subject="Hello", body="Hi"))
    open_signed_in(page, running_app, "/settings")
    page.click("#tab-mail")

    _fill(page, dovecot, "not-the-password")
    page.click("#imap-test")
    expect(page.locator("#imap-test-result")).to_contain_text("Login rejected", timeout=20_000)

    page.fill("#imap-password", dovecot.password)
    page.click("#imap-test")
    expect(page.locator("#imap-test-result")).to_contain_text("Connected; INBOX has 1 message",
                                                              timeout=20_000)
    page.click("#imap-save")
    expect(page.get_by_text("Mailbox saved")).to_be_visible()
    page.reload()
    page.click("#tab-mail")
    expect(page.locator("#imap-host")).to_have_value(dovecot.host)
    expect(page.locator("#imap-password")).to_have_value("")  # never sent back to the browser

    # Back to the local folder, so the other browser tests read the Maildir again.
    page.click("#imap-disconnect")
    expect(page.get_by_text("Mailbox disconnected")).to_be_visible()
    page.reload()
    page.click("#tab-mail")
    expect(page.locator("#imap-host")).to_have_value("")
