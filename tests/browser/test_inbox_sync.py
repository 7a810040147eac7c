"""HR drops a resume into the inbox folder, presses Sync now, and sees it classified."""

import mailbox
import re

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from hireops.models import Candidate

from tests.browser.signing_in import open_signed_in
from tests.fakes.hostile_files import encrypted_pdf
from tests.fakes.mail_factory import PDF, build_email, resume_pdf

pytestmark = pytest.mark.browser


def test_sync_now_reads_new_mail(page: Page, running_app, app_db):
    box = mailbox.Maildir(running_app.maildir, create=True)
    box.add(build_email(
        sender="ines.garcia@example.es", sender_name="Ines Garcia",
        subject="Application: Backend Engineer", body="Hello, my CV is attached. Ines",
        attachments=[("Ines_Garcia_CV.pdf", PDF, resume_pdf([
            "Ines Garcia", "ines.garcia@example.es", "Backend Engineer",
            "Backend Engineer, Sol Systems (2019 - Present)",
            "Python and PostgreSQL services, Docker, REST APIs."]))]))
    box.add(build_email(
        sender="lee@example.com", sender_name="Lee Park", subject="Application for Designer",
        body="My CV is attached.", attachments=[("Lee_Park_CV.pdf", PDF, encrypted_pdf())]))

    open_signed_in(page, running_app, "/inbox")
    page.click("#sync-now")
    table = page.locator("#inbox-table")
    expect(table).to_contain_text("Application: Backend Engineer", timeout=30_000)
    expect(table).to_contain_text("Ines Garcia")
    # The category badge, in words.
    expect(table.get_by_text("Application", exact=True).first).to_be_visible()
    expect(table).to_contain_text(re.compile(r"encrypted", re.I))
    expect(table).to_contain_text("Lee Park")
    # Other browser tests may have put demo mail in the same folder: at least our two are new.
    expect(page.locator("#last-sync")).to_contain_text(re.compile(r"[2-9]\d* new|\d{2,} new"))

    # The original file can be downloaded from the inbox, byte for byte: a link to the file's
    # route, not bytes sent through the page's websocket.
    file_link = page.get_by_role("link", name=re.compile("Ines_Garcia_CV.pdf"))
    _downloads_from(page, "/files/attachments/", file_link.click)

    # And from her candidate page, as her original resume.
    ines = app_db.exec(select(Candidate)
                       .where(Candidate.email == "ines.garcia@example.es")).one()
    page.goto(f"{running_app.url}/candidates/view?id={ines.id}")
    _downloads_from(page, f"/files/resumes/{ines.id}", lambda: page.click("#download-resume"))


def _downloads_from(page: Page, address: str, click) -> None:
    """`click` downloads Ines's resume, byte for byte and by its name, from `address`."""
    with page.expect_download() as download:
        click()
    assert address in download.value.url, download.value.url
    with open(download.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert download.value.suggested_filename == "Ines_Garcia_CV.pdf"
