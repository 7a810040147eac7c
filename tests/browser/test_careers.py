"""The careers page as a job seeker uses it, on a laptop and on a phone: find the job, fill the
apply form with a real DOCX resume, read the thank-you page; the application lands in the
pipeline with source "Careers page" and its acknowledgement in the outbox. A refused file comes
back to the form with the reason, and an unpublished job is no longer offered."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from hireops.models import Application, Candidate, Job, OutboxMessage
from hireops.services.jobs.careers import SOURCE, job_slug, set_job_published
from hireops.services.candidates.equal_opportunities import EXAMPLE_QUESTIONS, save_questions
from tests.browser.conftest import ARTIFACTS
from tests.browser.signing_in import open_signed_in
from tests.jobs.careers.conftest import docx_resume
from tests.factories import make_job

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": 1440, "phone": 390}
# Typed by HR, but shown to strangers: it must read as text, never run.
HOSTILE_DESCRIPTION = ("Build our payment ledger in Go.\n<img src=x onerror=\"window.__xss=1\">"
                       "<script>window.__xss=2</script>")


@pytest.fixture
def published_job(app_db):
    job = make_job(app_db, title="Payments Engineer", location="Lisbon (hybrid)",
                   department="Platform", description=HOSTILE_DESCRIPTION,
                   must_have_skills=["Go", "PostgreSQL", "Kafka"],
                   responsibilities=["Own the ledger service", "Review designs with the team"],
                   published_on_careers=True)
    app_db.commit()
    save_questions(session=app_db, questions=EXAMPLE_QUESTIONS[:1], actor=None)
    yield job
    save_questions(session=app_db, questions=[], actor=None)
    set_job_published(session=app_db, job_id=job.id, published=False, actor=None)


def _resume_on_disk(tmp_path: Path, text: str, name: str) -> Path:
    """`text` as a Word resume in a file named `name`, for the form's file picker."""
    resume = docx_resume(text, name)
    path = tmp_path / resume.filename
    path.write_bytes(resume.payload)
    return path


def _shot(page: Page, name: str, width_name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"careers-{name}-{width_name}.png"), full_page=True)


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_apply_from_the_careers_page(page: Page, running_app, app_db, published_job, tmp_path,
                                     width_name):
    page.set_viewport_size({"width": WIDTHS[width_name], "height": 900})
    email = f"ines.{width_name}@example.com"
    resume_file = _resume_on_disk(tmp_path, f"Ines Duarte\n{email}\nBackend engineer, seven "
                                  "years of Go, PostgreSQL and Kafka at a payments company.",
                                  "ines-duarte.docx")

    page.goto(running_app.url + "/careers")
    card = page.locator(".careers-job", has_text="Payments Engineer")
    expect(card).to_be_visible()
    expect(card).to_contain_text("Lisbon (hybrid)")
    _shot(page, "list", width_name)
    card.get_by_role("link", name="View and apply").click()

    expect(page.locator("#job-title")).to_have_text("Payments Engineer")
    expect(page.locator("#job-description")).to_contain_text('<img src=x onerror=')
    assert page.evaluate("window.__xss") is None
    page.fill("#apply-name", "Inês Duarte")
    page.fill("#apply-email", email)
    page.fill("#apply-phone", "+351 912 345 67" + str(len(width_name)))
    page.set_input_files("#apply-resume", str(resume_file))
    page.fill("#apply-note", "I can start in March.")
    page.select_option("select[name='eo_gender']", "Woman")
    _shot(page, "apply-form", width_name)
    # The browser itself asks for consent before sending.
    page.click("#apply-submit")
    expect(page.locator("#thanks-heading")).not_to_be_visible()
    page.check("#apply-consent")
    page.click("#apply-submit")

    expect(page.locator("#thanks-heading")).to_have_text("Thank you for applying")
    expect(page.locator("#thanks")).to_contain_text("Payments Engineer")
    _shot(page, "thank-you", width_name)

    app_db.expire_all()
    candidate = app_db.exec(select(Candidate).where(
        Candidate.email_normalized == email)).one()
    application = app_db.exec(select(Application).where(
        Application.candidate_id == candidate.id)).one()
    assert (candidate.full_name, application.job_id) == ("Inês Duarte", published_job.id)
    assert application.source == SOURCE and application.resume_score is not None
    assert candidate.self_reported == {"gender": "Woman"}
    mail = app_db.exec(select(OutboxMessage).where(
        OutboxMessage.application_id == application.id)).one()
    assert mail.kind == "acknowledgement" and mail.to_address == email


def test_refused_file_and_unpublished_job(page: Page, running_app, app_db, published_job,
                                          tmp_path):
    page.set_viewport_size({"width": WIDTHS["phone"], "height": 900})
    fake = tmp_path / "resume.exe"
    fake.write_bytes(b"MZ\x90\x00 not a resume")
    page.goto(f"{running_app.url}/careers/{job_slug(published_job)}")
    page.fill("#apply-name", "Sam Spam")
    page.fill("#apply-email", "sam@example.com")
    page.set_input_files("#apply-resume", str(fake))
    page.check("#apply-consent")
    page.click("#apply-submit")
    expect(page.locator("#apply-error")).to_contain_text("PDF, DOCX or TXT")
    _shot(page, "apply-refused", "phone")
    app_db.expire_all()
    assert app_db.exec(select(Candidate).where(
        Candidate.email_normalized == "sam@example.com")).first() is None

    with page.context.expect_page() as opened:  # a new tab: the form keeps what was typed
        page.get_by_role("link", name="privacy notice").click()
    privacy = opened.value
    expect(privacy.locator("#privacy-notice")).to_contain_text("Your rights")
    _shot(privacy, "privacy", "phone")
    privacy.set_viewport_size({"width": WIDTHS["desktop"], "height": 900})
    _shot(privacy, "privacy", "desktop")
    privacy.close()

    set_job_published(session=app_db, job_id=published_job.id, published=False, actor=None)
    page.goto(f"{running_app.url}/careers/{job_slug(published_job)}")
    expect(page.locator("#job-missing")).to_contain_text("This job is not open")
    page.goto(running_app.url + "/careers")
    expect(page.locator(".careers-job", has_text="Payments Engineer")).to_have_count(0)


def test_recruiter_publishes_a_job_from_the_editor(page: Page, running_app, app_db):
    job = make_job(app_db, title="Warehouse Team Lead", location="Lyon",
                   description="Lead the night shift.")
    app_db.commit()
    try:
        open_signed_in(page, running_app, f"/jobs/edit?id={job.id}")
        switch = page.locator("#published-on-careers")
        expect(switch).to_have_attribute("data-state", "unchecked")
        switch.click()
        expect(switch).to_have_attribute("data-state", "checked")
        page.screenshot(path=str(ARTIFACTS / "careers-job-editor-switch.png"), full_page=True)
        page.click("#save-job")
        page.wait_for_url(f"{running_app.url}/jobs")
        app_db.expire_all()
        assert app_db.get(Job, job.id).published_on_careers is True
        page.goto(running_app.url + "/careers")
        expect(page.locator(".careers-job", has_text="Warehouse Team Lead")).to_be_visible()
    finally:
        set_job_published(session=app_db, job_id=job.id, published=False, actor=None)


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_a_french_applicant_is_thanked_and_acknowledged_in_french(
        page: Page, running_app, app_db, published_job, tmp_path, width_name):
    page.set_viewport_size({"width": WIDTHS[width_name], "height": 900})
    email = f"lea.{width_name}@exemple.fr"
    resume_file = _resume_on_disk(tmp_path, f"Léa Fontaine\n{email}\nIngénieure backend : sept "
                                  "ans de Go, PostgreSQL et Kafka dans une société de paiement.",
                                  "lea.docx")
    page.goto(f"{running_app.url}/careers/{job_slug(published_job)}")
    page.fill("#apply-name", "Léa Fontaine")
    page.fill("#apply-email", email)
    page.set_input_files("#apply-resume", str(resume_file))
    page.fill("#apply-note", "Bonjour, je serais ravie de rejoindre votre équipe : je peux "
                             "commencer en mars et je travaille déjà sur un grand livre comptable.")
    page.check("#apply-consent")
    page.click("#apply-submit")

    expect(page.locator("#thanks-heading")).to_have_text("Merci pour votre candidature")
    expect(page.locator("#thanks-received")).to_have_text(
        "Nous avons bien reçu votre candidature au poste de Payments Engineer.")
    expect(page.get_by_role("link", name="Voir les autres postes ouverts")).to_be_visible()
    _shot(page, "thank-you-fr", width_name)
    app_db.expire_all()
    candidate = app_db.exec(select(Candidate).where(Candidate.email_normalized == email)).one()
    assert candidate.language == "fr"
    mail = app_db.exec(select(OutboxMessage).where(OutboxMessage.to_address == email)).one()
    assert mail.subject == "Nous avons bien reçu votre candidature au poste de Payments Engineer"
