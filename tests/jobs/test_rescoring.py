"""Rescoring: stale detection, rescoring with versions and audit, failures, blind redaction."""

from __future__ import annotations

import pytest
from sqlmodel import select

from hireops.models import AICall, Application, Event, Stage
from hireops.services.ai.local.engine import LOCAL_MODEL, LocalEngine
from hireops.services.jobs.records import JobForm, create_job, job_to_form, update_job
from hireops.services.privacy.redaction import redact_resume
from hireops.services.jobs.rescoring import (
    rescore_application,
    rescore_job,
    stale_applications,
)
from hireops.services.candidates.stages import STAGE_CHANGED
from tests.factories import make_application, make_candidate

RESUME = """Ana Silva
ana.silva@example.com · +351 912 345 678 · https://linkedin.com/in/anasilva
Backend engineer, 2018 - 2024. She built Python services on PostgreSQL and ran them on
Kubernetes. Her team shipped REST APIs in Django.
"""


@pytest.fixture
def job(session, actor):
    return create_job(session=session, actor=actor, form=JobForm(
        title="Backend Engineer", must_have_skills=["Python", "PostgreSQL"],
        nice_to_have_skills=["Kubernetes"]))


def _application(session, job, *, name="Ana Silva", resume=RESUME, score=None,
                 job_version=None, prompt_version="") -> Application:
    candidate = make_candidate(session, full_name=name, resume_text=resume,
                               email=f"{name.split()[0].lower()}@example.com")
    application = make_application(session, candidate=candidate, job=job, resume_score=score,
                                   resume_job_version=job_version,
                                   resume_prompt_version=prompt_version)
    session.commit()
    return application


def test_current_scores_are_not_stale_until_the_job_is_edited(session, actor, job):
    fresh = _application(session, job, score=70, job_version=job.version,
                         prompt_version=LOCAL_MODEL)
    _application(session, job, name="Unscored Person")
    assert stale_applications(session=session, job_id=job.id) == []

    form = job_to_form(job).model_copy(update={"must_have_skills": ["Python", "Go"]})
    update_job(session=session, job_id=job.id, form=form, actor=actor)

    assert stale_applications(session=session, job_id=job.id) == [fresh.id]


def test_older_job_or_prompt_version_is_stale(session, job):
    old_job = _application(session, job, score=60, job_version=0,
                           prompt_version=LOCAL_MODEL)
    old_prompt = _application(session, job, name="Bo Berg", score=60,
                              job_version=job.version, prompt_version="resume-scorer-v0")
    assert stale_applications(session=session, job_id=job.id) == [old_job.id, old_prompt.id]


def test_rescore_stores_versions_clears_stale_and_audits(session, actor, job):
    application = _application(session, job, score=12, job_version=0, prompt_version="old")
    application.resume_stale = True
    session.add(application)
    session.commit()

    outcome = rescore_application(session=session, application_id=application.id, actor=actor)

    session.refresh(application)
    assert outcome.status == "rescored" and outcome.before == 12
    assert application.resume_score == outcome.after and application.resume_score > 12
    assert (application.resume_job_version, application.resume_prompt_version) == (
        job.version, LOCAL_MODEL)
    assert application.resume_stale is False
    assert application.resume_result["match"]["evidence"]
    event = session.exec(select(Event).where(Event.action == "application.rescored")).one()
    assert (event.entity_id, event.actor_user_id) == (application.id, actor.id)
    assert event.before == {"resume_score": 12}
    assert event.after["resume_score"] == application.resume_score


def test_a_first_score_moves_a_new_application_to_matched_once(session, actor, job):
    application = _application(session, job)  # its score failed at intake: still "new"
    for _ in range(2):
        rescore_application(session=session, application_id=application.id, actor=actor)

    session.refresh(application)
    assert application.stage == Stage.matched
    [move] = session.exec(select(Event).where(Event.action == STAGE_CHANGED)).all()
    assert (move.entity_id, move.actor_label, move.before["stage"], move.after["stage"]) == (
        application.id, actor.email, "new", "matched")


def test_ai_failure_is_recorded_and_the_old_score_kept(session, job, monkeypatch):
    application = _application(session, job, score=55, job_version=job.version,
                                prompt_version=LOCAL_MODEL)

    def broken(self, job_input, resume_text):
        raise RuntimeError("engine down")

    monkeypatch.setattr(LocalEngine, "score_resume", broken)
    summary = rescore_job(session=session, job_id=job.id)

    session.refresh(application)
    assert (summary.total, summary.rescored) == (1, 0)
    assert summary.failed[0][0] == application.id and "engine down" in summary.failed[0][1]
    assert application.resume_score == 55
    call = session.exec(select(AICall).where(AICall.subject_id == application.id)).one()
    assert (call.status, call.subject_type) == ("failed", "application")
    assert not session.exec(select(Event).where(Event.action == "application.rescored")).all()


def test_rescore_job_reports_progress_and_only_stale(session, actor, job):
    current = _application(session, job, score=70, job_version=job.version,
                           prompt_version=LOCAL_MODEL)
    stale = _application(session, job, name="Bo Berg", score=70, job_version=0,
                         prompt_version=LOCAL_MODEL)
    seen = []

    summary = rescore_job(session=session, job_id=job.id, only_stale=True,
                          progress=lambda done, total: seen.append((done, total)))

    assert (summary.total, summary.rescored, summary.failed) == (1, 1, [])
    assert seen == [(0, 1), (1, 1)]
    session.refresh(current)
    assert current.resume_score == 70  # untouched
    session.refresh(stale)
    assert stale.resume_job_version == job.version


def test_blind_job_scores_a_redacted_resume(session, actor, monkeypatch):
    blind = create_job(session=session, actor=actor, form=JobForm(
        title="Backend Engineer", must_have_skills=["Python"], blind_screening=True))
    application = _application(session, blind)
    seen = []
    original = LocalEngine.score_resume

    def spy(self, job_input, resume_text):
        seen.append(resume_text)
        return original(self, job_input, resume_text)

    monkeypatch.setattr(LocalEngine, "score_resume", spy)
    assert rescore_application(session=session, application_id=application.id).status == "rescored"
    assert "Ana" not in seen[0] and "@" not in seen[0] and "She" not in seen[0]
    assert "Python" in seen[0]


def test_redaction_removes_identity_and_gendered_words():
    text = ("Mrs. Ana Maria Silva\nana.silva@example.com | (415) 555-0134 | +44 20 7946 0958\n"
            "www.anasilva.dev  github.com/anasilva\nDate of birth: 12/03/1990\n"
            "She led payments 2019 - 2023; her work on his old system cut costs. Ana is hers.")

    redacted = redact_resume(text, names=("Ana Maria Silva",))

    for gone in ("Ana", "Maria", "Silva", "@", "555-0134", "7946", "anasilva", "1990", "Mrs",
                 "She ", " her ", " his ", "hers"):
        assert gone not in redacted, (gone, redacted)
    assert "2019 - 2023" in redacted and "payments" in redacted
    assert "they led payments" in redacted.lower()


# --- batches on the Mistral engine (the loopback fake, with latency) -------------------------

MISTRAL_KEY = "rescore-key"


@pytest.fixture
def slow_mistral(monkeypatch):
    """The resume scorer on Mistral via a fake that takes 0.2 s a request; 4 calls at once."""
    from hireops.config import get_settings
    from tests.fakes.mistral_server import SAMPLE_REPLIES, FakeMistralServer

    def reply(body: dict) -> dict:
        if "BROKEN" in body["messages"][-1]["content"]:
            return {"not": "a resume score"}
        return SAMPLE_REPLIES["resume_scorer"]

    with FakeMistralServer(api_key=MISTRAL_KEY, latency_s=0.2) as fake:
        fake.answer_every_request(reply)
        for name, value in {"RESUME_SCORER_ENGINE": "mistral", "MISTRAL_SERVER_URL": fake.url,
                            "MISTRAL_API_KEY": MISTRAL_KEY, "MISTRAL_MAX_RETRIES": "0",
                            "AI_MAX_CONCURRENCY": "4"}.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()
        yield fake


def test_batch_runs_engine_calls_concurrently_up_to_the_limit(session, job, slow_mistral):
    applications = [_application(session, job, name=f"Person{i} Example", score=40,
                                 resume=f"{RESUME}\nProject number {i}.") for i in range(20)]
    seen = []

    summary = rescore_job(session=session, job_id=job.id,
                          progress=lambda done, total: seen.append(done))

    assert (summary.total, summary.rescored, summary.failed) == (20, 20, [])
    assert len(slow_mistral.requests) == 20
    # Sequential would be 1 in flight; the pool keeps exactly the configured 4 busy.
    assert slow_mistral.max_in_flight == 4
    assert seen == list(range(21))
    for application in applications:
        session.refresh(application)
        assert application.resume_score == 82


def test_batch_again_is_answered_from_the_cache(session, job, slow_mistral):
    for i in range(6):
        _application(session, job, name=f"Person{i} Example", score=40,
                     resume=f"{RESUME}\nProject number {i}.")
    rescore_job(session=session, job_id=job.id)

    summary = rescore_job(session=session, job_id=job.id)

    assert summary.rescored == 6 and len(slow_mistral.requests) == 6
    cached = session.exec(select(AICall).where(AICall.cached.is_(True))).all()
    assert len(cached) == 6 and {c.cost_usd for c in cached} == {0.0}


def test_one_failure_does_not_stop_the_batch_and_is_not_cached(session, job, slow_mistral):
    good = [_application(session, job, name=f"Person{i} Example", score=40,
                         resume=f"{RESUME}\nProject number {i}.") for i in range(5)]
    broken = _application(session, job, name="Broken Example", score=33,
                          resume=f"{RESUME}\nBROKEN")

    summary = rescore_job(session=session, job_id=job.id)
    again = rescore_job(session=session, job_id=job.id)

    assert (summary.rescored, [a for a, _ in summary.failed]) == (5, [broken.id])
    assert [a for a, _ in again.failed] == [broken.id]
    # The second batch asked again only for the one that failed.
    assert len(slow_mistral.requests) == len(good) + 2
    session.refresh(broken)
    assert broken.resume_score == 33
