"""Open a candidate from the tracker: evidence, highlighted resume, and a team note."""

import re
import subprocess
import sys

import pytest
from playwright.sync_api import Page, expect

from hireops.config import PROJECT_ROOT
from tests.browser.signing_in import open_signed_in
from tests.factories import make_candidate

pytestmark = pytest.mark.browser



def test_open_a_candidate_read_the_evidence_and_add_a_note(page: Page, running_app,
                                                            demo_applications):
    open_signed_in(page, running_app, "/candidates")
    page.locator("#applications-table").get_by_role("link", name="Maya Chen").click()

    expect(page).to_have_url(re.compile(r"/candidates/view\?id=\d+$"))
    expect(page.locator("#candidate-name")).to_have_text("Maya Chen")
    applications = page.locator("#candidate-applications")
    expect(applications).to_contain_text("Evidence")
    expect(applications).to_contain_text("Python")
    expect(page.locator("#resume-text")).to_contain_text("Python")
    expect(page.locator("#resume-text .skill-hit").first).to_be_visible()

    page.fill("#candidate-note", "Strong systems background; fast-track the screen.")
    page.click("#add-note")
    expect(page.locator("#candidate-timeline")).to_contain_text(
        "Strong systems background; fast-track the screen.")
    expect(page.locator("#candidate-note")).to_have_value("")


@pytest.fixture
def maya_blind(running_app, demo_applications):
    """Maya's job screens blind for this test only (the app is shared with other tests)."""
    for value in ("True", "False"):
        done = subprocess.run([sys.executable, "-c", BLIND_JOB.format(value=value)],
                              env=running_app.env, cwd=PROJECT_ROOT, check=True,
                              capture_output=True, text=True)
        if value == "True":
            yield int(done.stdout.strip())


def test_a_blind_candidate_stays_anonymous_until_revealed(page: Page, running_app, maya_blind):
    open_signed_in(page, running_app, f"/candidates/view?id={maya_blind}")
    expect(page.locator("#candidate-name")).to_have_text(f"Candidate #{maya_blind}")
    expect(page.locator("#resume-text")).not_to_contain_text("Maya")
    page.click("#reveal-identity")
    expect(page.locator("#candidate-name")).to_have_text("Maya Chen")
    expect(page.locator("#candidate-timeline")).to_contain_text("Identity revealed")


# Switches blind screening for Maya Chen's job and prints her candidate id.
BLIND_JOB = """
from sqlmodel import select
from hireops.db import session_scope
from hireops.models import Application, Candidate, Job
with session_scope() as session:
    maya = session.exec(select(Candidate).where(Candidate.full_name == "Maya Chen")).one()
    application = session.exec(select(Application)
                               .where(Application.candidate_id == maya.id)).first()
    job = session.get(Job, application.job_id)
    job.blind_screening = {value}
    session.add(job)
    session.commit()
    print(maya.id)
"""


def test_invite_below_the_threshold_with_a_reason_and_send_the_link(page: Page, running_app,
                                                                   demo_applications):
    open_signed_in(page, running_app, "/candidates")
    page.locator("#applications-table").get_by_role("link", name="Daniel Okafor").click()
    expect(page.locator("#candidate-name")).to_have_text("Daniel Okafor")

    page.locator(".generate-link").first.click()
    expect(page.get_by_text("is below this job's threshold")).to_be_visible()
    page.fill("#override-reason", "Referred by the team lead; strong open-source work.")
    page.click("#invite-anyway")
    card = page.locator(".interview-card").first
    expect(card).to_contain_text("Link generated")
    expect(card).to_contain_text("Invited below the resume threshold: Referred by the team lead")
    expect(card.locator(".interview-url")).to_contain_text("/interview/")

    card.locator(".send-link").click()
    page.locator(".confirm-action").click()
    expect(card).to_contain_text("Link sent")
    expect(page.locator(".outgoing-mail").first).to_contain_text("Your interview for")
    expect(page.locator("#candidate-timeline")).to_contain_text("Interview link")


def test_export_and_erase_a_candidates_data(page: Page, running_app, app_db):
    import io
    import json
    import zipfile

    from sqlmodel import select

    from hireops.models import Candidate, Event

    person = make_candidate(app_db, full_name="Rosalind Franklin", email="rosalind@example.com",
                                    resume_text="X-ray crystallography, King's College London.")
    app_db.commit()
    person_id = person.id
    open_signed_in(page, running_app, f"/candidates/view?id={person_id}")
    expect(page.locator("#candidate-name")).to_have_text("Rosalind Franklin")

    with page.expect_download() as download:
        page.click("#export-data")
    # From the export's route (built in a worker thread), not through the page's websocket.
    assert f"/exports/candidate-data/{person_id}.zip" in download.value.url
    archive = zipfile.ZipFile(io.BytesIO(open(download.value.path(), "rb").read()))
    data = json.loads(archive.read("data.json"))
    assert data["candidates"][0]["email"] == "rosalind@example.com"

    page.click("#erase-open")
    page.fill("#erase-reason", "The candidate asked for erasure on 21 November.")
    page.click("#erase-confirm")
    expect(page).to_have_url(re.compile(r"/candidates/?$"))
    app_db.expire_all()
    assert app_db.get(Candidate, person_id) is None
    tombstone = app_db.exec(select(Event).where(Event.action == "candidate.erased",
                                                Event.entity_id == person_id)).one()
    assert tombstone.note.startswith("The candidate asked")


def test_script_in_candidate_fields_is_shown_as_text_never_run(page: Page, running_app, app_db):
    from hireops.models import Application
    from hireops.services.jobs.records import JobForm, create_job

    attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    job = create_job(session=app_db, actor=None, form=JobForm(title="Security Engineer"))
    from hireops.models import Candidate

    person = make_candidate(app_db, full_name=f"Mallory {attack}", email="mallory@example.com",
                                    location=attack, current_title=attack,
                                    resume_text=f"Python. {attack}")
    app_db.add(Application(candidate_id=person.id, job_id=job.id, resume_score=70))
    app_db.commit()
    open_signed_in(page, running_app, f"/candidates/view?id={person.id}")
    expect(page.locator("#candidate-name")).to_contain_text("<img src=x")
    expect(page.locator("#resume-text")).to_contain_text("<script>")
    page.goto(f"{running_app.url}/candidates")
    expect(page.locator("#applications-table")).to_contain_text("Mallory <img")
    assert page.evaluate("window.__pwned") is None
