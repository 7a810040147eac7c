"""Flag an interview evaluation as unfair, replace it with a human score, and edit the
invitation template in Settings with its live preview."""

from __future__ import annotations


import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from hireops.models import AIFlag, Application, Decision, Evaluation
from hireops.services.interviews.links import generate_link
from hireops.services.interviews.turns import append_turn
from hireops.services.jobs.records import JobForm, create_job
from tests.browser.conftest import ARTIFACTS
from tests.browser.signing_in import open_signed_in
from tests.factories import make_application, make_candidate

pytestmark = pytest.mark.browser




def _interviewed(session: Session) -> tuple[int, int]:
    """A candidate whose finished interview the engine scored 41; (candidate id, app id)."""
    job = create_job(session=session, actor=None, form=JobForm(
        title="Data Engineer", must_have_skills=["Python", "SQL", "Airflow"]))
    candidate = make_candidate(session, full_name="Priya Natarajan", email="priya.flags@example.com")
    application = make_application(session, candidate=candidate, job=job, resume_score=86.0,
                                            interview_score=41.0,
                                            resume_result={"match": {"score": 86, "gaps": []}})
    link = generate_link(session=session, application_id=application.id, actor=None).link
    link.status = "completed"
    append_turn(session=session, link=link, speaker="interviewer", kind="question",
                text="Walk me through an Airflow pipeline you built.")
    append_turn(session=session, link=link, speaker="candidate", kind="answer",
                text="I, um, built a daily SQL load with retries and alerting.")
    session.add(Evaluation(application_id=application.id, link_id=link.id, status="ok",
                           score=41.0, summary="Hesitant delivery; limited depth."))
    session.commit()
    return candidate.id, application.id


def test_flag_an_evaluation_and_enter_a_human_score(page: Page, running_app, app_db):
    candidate_id, application_id = _interviewed(app_db)
    open_signed_in(page, running_app, f"/candidates/view?id={candidate_id}")
    card = page.locator(".interview-card")
    expect(card.locator(".evaluation")).to_contain_text("41")

    page.locator(".flag-resume-score").click()
    dialog = page.get_by_role("dialog")
    dialog.locator("#flag-note").fill("Counts a course as three years of SQL")
    dialog.locator("#submit-flag").click()
    expect(page.locator("#candidate-applications .ai-flag")).to_contain_text(
        "Flagged: wrong — Counts a course as three years of SQL")

    card.locator(".flag-evaluation").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_text("Unfair", exact=True).click()
    dialog.locator("#flag-note").fill("Marked down for filler words, not for content")
    dialog.locator("#submit-flag").click()
    expect(dialog).to_be_hidden()
    badge = card.locator(".evaluation .ai-flag")
    expect(badge).to_contain_text(
        "Flagged: unfair — Marked down for filler words, not for content — by Hannah Reyes")

    card.get_by_text("Transcript").click()
    card.locator(".flag-question").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_text("Made up", exact=True).click()
    dialog.locator("#flag-note").fill("Airflow is not on the resume")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "flag-dialog.png"))
    dialog.locator("#submit-flag").click()
    expect(card.locator(".transcript .ai-flag")).to_contain_text(
        "Flagged: made up — Airflow is not on the resume")

    card.locator(".human-score").click()
    dialog = page.get_by_role("dialog")
    dialog.locator("#human-score").fill("78")
    dialog.locator("#human-note").fill("Answers were concrete; reviewed the transcript")
    dialog.locator("#submit-human-score").click()
    expect(dialog).to_be_hidden()
    evaluation = card.locator(".evaluation")
    expect(evaluation).to_contain_text("Human score")
    expect(evaluation).to_contain_text("78")
    expect(evaluation.locator(".evaluation-history")).to_contain_text("human score 78")

    app_db.expire_all()
    assert app_db.get(Application, application_id).interview_score == 78.0
    flags = app_db.exec(select(AIFlag).order_by(AIFlag.id)).all()
    assert [(f.target_type, f.resolution) for f in flags] == [
        ("resume_score", ""), ("evaluation", "human score 78"), ("question", "")]
    decision = app_db.exec(select(Decision).where(
        Decision.application_id == application_id)).one()
    assert (decision.interview_score, decision.outcome) == (78.0, "advance")

    # Re-running hands the interview back to the engine: one new run, shown on the card.
    card.locator(".rerun-evaluation").click()
    expect(page.get_by_text("The interview was evaluated again.")).to_be_visible()
    expect(evaluation).not_to_contain_text("Human score")
    expect(evaluation.locator(".evaluation-history")).to_have_count(2)
    app_db.expire_all()
    newest = app_db.exec(select(Evaluation).where(Evaluation.application_id == application_id)
                         .order_by(Evaluation.id.desc())).first()
    assert (newest.source, newest.status) == ("engine", "ok")

    page.goto(running_app.url + "/reports")
    expect(page.locator("#flag-counts")).to_contain_text("Interview evaluation")
    expect(page.locator("#flag-counts")).to_contain_text("Interviewer question")


def test_edit_the_invite_template_with_a_live_preview(page: Page, running_app, app_db):
    open_signed_in(page, running_app, "/settings")
    page.click("#tab-mail")
    expect(page.get_by_text("No SMTP server")).to_be_visible()
    page.click("#tab-templates")
    expect(page.locator("#template-placeholders")).to_contain_text("{interview_link}")
    expect(page.locator("#template-preview-subject")).to_contain_text(
        "Your interview for Senior Backend Engineer")

    page.locator("#template-subject").fill("Next step at {company_name}: {job_title} interview")
    expect(page.locator("#template-preview-subject")).to_contain_text(
        "Senior Backend Engineer interview")
    body = page.locator("#template-body")
    body.fill("Hi {candidate_name}, start here: {interview_link} ({salary})")
    expect(page.locator("#template-error")).to_contain_text("Unknown placeholder {salary}")
    body.fill("Hi {candidate_name},\n\nStart here: {interview_link}\nIt works until "
              "{link_expires}.")
    expect(page.locator("#template-error")).to_have_count(0)
    expect(page.locator("#template-preview-body")).to_contain_text("Hi Alex Example,")
    page.click("#template-save")
    expect(page.get_by_text("Interview invitation template saved.")).to_be_visible()

    page.reload()
    page.click("#tab-templates")
    expect(page.locator("#template-subject")).to_have_value(
        "Next step at {company_name}: {job_title} interview")
    page.click("#tab-mail")
    page.click("#smtp-test")
    expect(page.locator("#smtp-test-result")).to_contain_text("no SMTP server is set")
    page.click("#tab-templates")
    page.click("#template-reset")
    expect(page.locator("#template-subject")).to_have_value(
        "Your interview for {job_title} at {company_name}")
