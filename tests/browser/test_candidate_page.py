"""Open a candidate from the tracker: evidence, highlighted resume, and a team note."""

import re
import subprocess
import sys

import pytest
from playwright.sync_api import Page, expect

from hireops.config import PROJECT_ROOT
from tests.browser.test_jobs_flow import sign_in

pytestmark = pytest.mark.browser



def test_open_a_candidate_read_the_evidence_and_add_a_note(page: Page, running_app,
                                                            demo_applications):
    sign_in(page, running_app)
    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()
    page.goto(running_app.url + "/candidates")
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
    sign_in(page, running_app)
    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()
    page.goto(f"{running_app.url}/candidates/view?id={maya_blind}")
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
