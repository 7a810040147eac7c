"""One clock and plain words in the browser, at 1440 and 390 px: the audit log, the tracker and
the dashboard show times in the company's zone with its label, events as sentences with links,
sources as words; the audit log's date filter takes the company's day-first dates. Each page is
photographed (test-artifacts/words-*.png)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from hireops.models import Application, Candidate, Stage, User
from hireops.services.reports.audit_sentences import sentences
from hireops.services.candidates.stages import change_stage
from tests.browser.conftest import ARTIFACTS, app_database
from tests.browser.signing_in import sign_in
from tests.browser.viewports import DESKTOP, PHONE, page_at

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": DESKTOP, "phone": PHONE}
# "7 Dec 2026, 14:05 CET": the demo company's zone is Europe/Paris.
LABELLED = re.compile(r"\b\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} CES?T\b")
# What the pages showed before: ISO days, unlabelled seconds, JSON, codes.
RAW = re.compile(r"\d{4}-\d{2}-\d{2}|\d{2}:\d{2}:\d{2}|\{\"|email:maildir|resume_scorer")


def _raw(text: str) -> list[str]:
    """Codes in `text`: the patterns above and any event kind as stored."""
    return [m.group(0) for m in RAW.finditer(text)] + [kind for kind in sentences()
                                                         if kind in text]


@pytest.fixture(scope="module")
def moved(running_app, demo_applications) -> str:
    """One demo application moved by HR, so the log has a person's stage move to show."""
    with app_database(running_app) as session:
        hr = session.exec(select(User).where(User.email == running_app.admin_email)).one()
        application = session.exec(select(Application).order_by(Application.id)).first()
        change_stage(session=session, application=application, stage=Stage.rejected,
                     actor=hr, reason="Chose a candidate with more Kubernetes")
        session.commit()
        return session.get(Candidate, application.candidate_id).full_name


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"words-{name}.png"), full_page=True)


@contextmanager
def _signed_in_at(chromium, running_app, size: dict) -> Iterator[Page]:
    """A page of its own at `size`, signed in as the admin, on the dashboard."""
    with page_at(chromium, size) as page:
        sign_in(page, running_app)
        expect(page).to_have_url(re.compile(r"/$"), timeout=30_000)
        yield page


def _no_sideways_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= \
        page.evaluate("document.documentElement.clientWidth") + 1


@pytest.mark.parametrize("width", WIDTHS)
def test_audit_log_reads_as_sentences_on_the_company_clock(chromium, running_app, moved, width):
    with _signed_in_at(chromium, running_app, WIDTHS[width]) as page:
        page.goto(running_app.url + "/audit")
        sentence = page.locator(".audit-sentence", has_text=re.compile(r"from .+ to Rejected\.")).first
        expect(sentence).to_contain_text(f"{running_app.admin_email} moved {moved} (")
        link = sentence.get_by_role("link")
        expect(link).to_have_attribute("href", re.compile(r"/candidates/view\?id=\d+"))
        table = page.locator("#audit-table")
        expect(table).to_contain_text("Reason for rejection")
        expect(table).to_contain_text("Chose a candidate with more Kubernetes")
        whens = page.locator(".audit-when").all_inner_texts()
        assert whens and all(LABELLED.fullmatch(w.strip()) for w in whens), whens
        assert _raw(table.inner_text()) == []
        _no_sideways_scroll(page)
        _shot(page, f"audit-{width}")
        # Dates are typed day first; tomorrow on the company's clock has no events yet.
        tomorrow = datetime.now(ZoneInfo("Europe/Paris")).date() + timedelta(days=1)
        expect(page.locator("#audit-from")).to_have_attribute("placeholder", "DD/MM/YYYY")
        page.fill("#audit-from", f"{tomorrow:%d/%m/%Y}")
        expect(page.get_by_text("No events match")).to_be_visible()
        page.fill("#audit-from", f"{tomorrow - timedelta(days=1):%d/%m/%Y}")
        expect(sentence).to_be_visible()


@pytest.mark.parametrize("width", WIDTHS)
def test_tracker_and_dashboard_show_labelled_local_times_and_words(chromium, running_app,
                                                                   moved, width):
    with _signed_in_at(chromium, running_app, WIDTHS[width]) as page:
        activity = page.locator(".activity-when")
        expect(activity.first).to_be_visible()
        assert all(LABELLED.fullmatch(t.strip()) for t in activity.all_inner_texts())
        said = page.locator(".activity-sentence").all_inner_texts()
        assert any(f"moved {moved} (" in s for s in said), said
        assert _raw(" ".join(said)) == []
        _no_sideways_scroll(page)
        _shot(page, f"dashboard-{width}")

        page.goto(running_app.url + "/candidates")
        expect(page.get_by_text(LABELLED).first).to_be_visible()
        body = page.locator("body").inner_text()
        assert not re.search(r"\d{4}-\d{2}-\d{2}", body), "an ISO date on the tracker"
        assert "advance" not in body.split() and "email" not in body.split()
        _no_sideways_scroll(page)
        _shot(page, f"tracker-{width}")
