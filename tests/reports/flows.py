"""Two applications moved through the pipeline by the real services (scoring, invitation,
interview room, evaluation, decision, scheduling or rejection), with the audit clock
(conftest `clock`) set before each step so the stage history has times worked out by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from hireops.models import Application, InterviewLink, InterviewTurn, User
from hireops.services.candidates.records import get_or_create_application
from hireops.services.decisions.flow import reject_with_email
from hireops.services.interviews.builtin_interviewer import start_interview, submit_answer
from hireops.services.interviews.evaluation_queue import run_queued_evaluations
from hireops.services.interviews.invitations import send_link
from hireops.services.interviews.links import generate_link
from hireops.services.interviews.room import complete_interview, mark_started, record_consent
from hireops.services.jobs.records import JobForm, create_job
from hireops.services.jobs.rescoring import rescore_application
from tests.factories import make_candidate, make_user

from .fixtures import at

RESUME = """{name}
{email}
Senior Backend Engineer

EXPERIENCE
Backend Engineer, Acme (2018 - 2024)
- Built Python REST APIs on PostgreSQL with FastAPI, deployed with Docker on Kubernetes.
- Designed the Redis caching layer and cut p95 latency by 80%.

SKILLS
Python, PostgreSQL, REST APIs, FastAPI, Docker, Kubernetes, Redis
"""
# Distinct answers, as a real candidate gives them: the evaluator credits one text pasted under
# every question only once.
ANSWERS = (
    "In my last role I designed a Python REST API on PostgreSQL that served 2 million requests "
    "a day. I profiled the slow endpoints, added indexes and cut p95 latency from 800 ms to "
    "120 ms, and wrote integration tests so the team could change it safely.",
    "When our PostgreSQL primary ran out of connections during a sale, I added PgBouncer in "
    "transaction mode, capped each service's pool at 20 and the error rate fell from 4% to 0.",
    "I moved our deployments to Kubernetes: I wrote the Helm charts, added readiness probes and "
    "rolled out one service per week, so we never had a full outage during the migration.",
    "I disagreed with a product manager about shipping without tests. I showed her the bug "
    "count from the last release, we agreed on a smaller scope, and we shipped a week later "
    "with no incidents.",
    "For a slow report I ran EXPLAIN ANALYZE, found a sequential scan on 40 million rows, added "
    "a partial index and rewrote the join; the report went from 90 seconds to 3 seconds.",
    "I mentor two junior engineers: we pair on code reviews every week, and both now own a "
    "service on their own. I learned to explain trade-offs instead of giving answers.",
    "To make payments idempotent I stored a request key with a unique constraint, so a retried "
    "call returns the first result and a customer is never charged twice.",
    "I would start by reading the on-call notes and the slowest queries, then pick one "
    "measurable goal for the first month, such as halving the p95 of the checkout API.",
)
HR_EMAIL = "hannah@example.com"


class AuditClock:
    """The time audit events are stamped with (the stage history's clock), set per step."""

    def __init__(self) -> None:
        self.now: datetime | None = None

    def __call__(self) -> datetime:
        assert self.now is not None, "set clock.now before the step"
        return self.now


@dataclass(frozen=True)
class Flows:
    job_id: int
    # Interviewed, advanced by the rule and booked by the automation.
    scheduled: int
    # Interviewed without answers, rejected by HR.
    rejected: int


def build_flows(session: Session, clock: AuditClock) -> Flows:
    """Ada: new 0.5 day, matched 0.5, link sent 2, screened 0.5, then scheduled (open).
    Ben: new 1 day, matched 1.5, link sent 1, screened 1, then rejected (open)."""
    hr = make_user(session, email=HR_EMAIL, full_name="Hannah Reyes")
    session.commit()
    clock.now = at(1, 8)
    # Advance from interview 50: the built-in evaluator's score for these answers clears it.
    job = create_job(session=session, actor=hr, form=JobForm(
        title="Backend Engineer", must_have_skills=["Python", "PostgreSQL", "REST APIs"],
        nice_to_have_skills=["Kubernetes"], responsibilities=["Build APIs"],
        interview_min=50))
    job.auto_advance = True
    session.commit()
    ada = _apply(session, clock, job.id, "Ada Lovelace", at(1, 9))
    ben = _apply(session, clock, job.id, "Ben Cole", at(1, 12))

    _score(session, clock, ada, hr, at(1, 21))
    link = _invite(session, clock, ada, hr, at(2, 9))
    clock.now = at(4, 9)
    _interview(session, link, answers=True)
    clock.now = at(4, 21)
    run_queued_evaluations(session=session, link_id=link.id)  # advance: booked by automation

    _score(session, clock, ben, hr, at(2, 12))
    link = _invite(session, clock, ben, hr, at(4, 0))
    clock.now = at(5, 0)
    _interview(session, link, answers=False)
    run_queued_evaluations(session=session, link_id=link.id)  # reject: waits for HR
    clock.now = at(6, 0)
    reject_with_email(session=session, application_id=ben.id, reason="No answers given",
                      subject="Your application", body="Thank you for your time.", actor=hr)
    return Flows(job.id, ada.id, ben.id)


def _apply(session: Session, clock: AuditClock, job_id: int, name: str,
           when: datetime) -> Application:
    email = f"{name.split()[0].lower()}@example.com"
    candidate = make_candidate(session, full_name=name, email=email,
                                        resume_text=RESUME.format(name=name, email=email))
    clock.now = when
    application, _ = get_or_create_application(session=session, candidate_id=candidate.id,
                                               job_id=job_id, source="upload",
                                               actor_label="upload")
    application.created_at = when
    session.commit()
    return application


def _score(session: Session, clock: AuditClock, application: Application, hr: User,
           when: datetime) -> None:
    clock.now = when
    assert rescore_application(session=session, application_id=application.id,
                               actor=hr).status == "rescored"


def _invite(session: Session, clock: AuditClock, application: Application, hr: User,
            when: datetime) -> InterviewLink:
    clock.now = when
    link = generate_link(session=session, application_id=application.id, actor=hr).link
    send_link(session=session, link_id=link.id, actor=hr)
    session.commit()
    return link


def _interview(session: Session, link: InterviewLink, *, answers: bool) -> None:
    """The candidate in the room: consent, the built-in interviewer, then completion."""
    record_consent(session=session, link=link, webcam_analysis=False, client_key="test")
    mark_started(session=session, link=link)
    if answers:
        start_interview(session=session, link=link)
        for turn in range(20):  # the plan has at most 8 questions, each with one follow-up
            if _last_turn(session, link) == "slot_question":
                break
            submit_answer(session=session, link=link, text=ANSWERS[turn % len(ANSWERS)])
        assert submit_answer(session=session, link=link, text="Next Tuesday at 3pm").finished
    complete_interview(session=session, link=link)
    session.commit()


def _last_turn(session: Session, link: InterviewLink) -> str:
    return session.exec(select(InterviewTurn.kind).where(InterviewTurn.link_id == link.id)
                        .order_by(InterviewTurn.seq.desc())).first()
