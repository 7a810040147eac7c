"""Six weeks of hiring for the demo, replayed through the real pipeline (`demo/history.json`).

Each demo candidate's story runs on the services the pages and the room use, with the clock set
to the moment each step happened (`models.clock_at`): the application arrives, the local engine
scores the resume, HR invites, the candidate consents and answers the built-in interviewer turn
by turn while the webcam widget's reports come in, the local engine evaluates, the decision
rule decides, and HR approves and books, rejects with an email, overrides or shortlists. So the
scores, decisions, stage history and every chart are the product's own output; the data file
holds only what people would have typed.

A candidate already in the database is skipped, so seeding twice changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import resources

from sqlmodel import Session, select

from hireops.models import (
    Application,
    Candidate,
    Evaluation,
    InterviewLink,
    Job,
    Stage,
    User,
    clock_at,
    utcnow,
)
from hireops.services.decisions.ai_flags import flag_output
from hireops.services.platform.audit import record_event
from hireops.services.candidates.records import get_or_create_application
from hireops.services.decisions.flow import (
    approve_and_schedule,
    reject_with_email,
    rejection_draft,
)
from hireops.services.candidates.equal_opportunities import questions, record_answers, save_questions
from hireops.services.interviews.builtin_interviewer import start_interview, submit_answer
from hireops.services.interviews.evaluation_queue import run_queued_evaluations
from hireops.services.interviews.invitations import send_link
from hireops.services.interviews.links import generate_link
from hireops.services.interviews.room import (
    complete_interview,
    mark_opened,
    mark_started,
    record_consent,
)
from hireops.services.interviews.turns import last_turn
from hireops.services.interviews.webcam import record_browser_report
from hireops.services.jobs.rescoring import rescore_application
from hireops.services.platform.runtime_settings import current_settings
from hireops.services.outreach.bookings import first_free_preferred, suggest_slots
from hireops.services.platform.clock import local_day
from hireops.services.jobs.job_stages import job_stages
from hireops.services.outreach.offers import OfferForm, record_offer_response, send_offer
from hireops.services.candidates.stages import change_stage, is_custom_stage
from hireops.services.candidates.tracker import move_stage

# The stories that reach an invitation, and those that end with a booked screening call
# (the others: new, matched, rejected_at_screen).
INVITED = {"invited", "opened", "waiting", "booked", "booked_by_override", "shortlisted",
           "rejected_after_interview", "offered", "hired", "withdrawn"}
BOOKED = {"booked", "booked_by_override", "shortlisted", "offered", "hired", "withdrawn"}
# The stories that go on past the screening call to the shortlist (and then to an offer).
SHORTLISTED = {"shortlisted", "offered", "hired"}
# The most answers one interview takes: 8 planned questions, each with one follow-up.
MAX_TURNS = 20
# How far in the past the last step of a story may be.
_LATEST = timedelta(minutes=30)


@dataclass
class Story:
    """One candidate's timeline: each step a little after the one before."""

    applied: datetime
    moment: datetime

    def after(self, days: float) -> datetime:
        """The moment `days` after the previous step (never later than just now)."""
        self.moment = min(self.moment + timedelta(days=days), utcnow() - _LATEST)
        return self.moment


class Answers:
    """What one candidate says: the answer written for each question, each given once; the
    others (follow-ups, questions nobody wrote for) from their general answers in turn."""

    def __init__(self, written: dict) -> None:
        self.written = dict(written)
        self.general = list(written.get("*", []))
        self.given: set[str] = set()

    def to(self, question_key: str) -> str:
        key = "resume" if question_key.startswith("resume.") else question_key
        text = self.written.get(key)
        if not isinstance(text, str) or text in self.given:
            spare = [answer for answer in self.general if answer not in self.given]
            # A candidate who has said everything says the shortest thing again.
            text = spare[0] if spare else min(self.general, key=len)
        self.given.add(text)
        return text


def history_data() -> dict:
    text = resources.files("hireops.demo").joinpath("history.json").read_text("utf-8")
    return json.loads(text)


def engines_are_local() -> bool:
    """The history is scored and evaluated by the local engine only (no paid calls, the same
    result on every machine)."""
    settings = current_settings()
    return (settings.resume_scorer_engine == "local"
            and settings.interview_evaluator_engine == "local")


def seed_history(*, session: Session, jobs: dict[str, Job], admin: User) -> int:
    """Replay every story not yet in the database; returns how many candidates were added."""
    data = history_data()
    first_run = not session.exec(select(Candidate.id).where(
        Candidate.email_normalized == _email(data["candidates"][0]["name"]))).first()
    if first_run:
        for job in jobs.values():
            _set_thresholds(session, job, data["job_thresholds"], admin)
    _blind_job(session, jobs[data["blind_job"]], admin)
    if not questions(session=session):
        save_questions(session=session, questions=data["equal_opportunities"], actor=admin)
    # Oldest first, so bookings and stage moves happen in the order they would have.
    entries = sorted(enumerate(data["candidates"]), key=lambda item: -item[1]["days_ago"])
    added = 0
    for index, entry in entries:
        email = _email(entry["name"])
        if session.exec(select(Candidate.id).where(Candidate.email_normalized == email)).first():
            continue
        _replay(session, data, entry, index, jobs[entry["job"]], admin)
        added += 1
    return added


def resume_text(entry: dict, parts: dict, index: int) -> str:
    """A resume from the job's parts at the candidate's level, varied by `index`."""
    level = entry["level"]
    bullets = parts[level]
    # Rotate, so two candidates at one level do not send the same resume.
    shown = (bullets[index % len(bullets):] + bullets[:index % len(bullets)])[:4]
    title = parts["titles"][index % len(parts["titles"])]
    companies = parts["companies"]
    first = companies[index % len(companies)]
    second = companies[(index + 2) % len(companies)]
    years = {"strong": 7, "medium": 4, "weak": 2}[level] + index % 3
    lines = [entry["name"], title, f"{_email(entry['name'])} | +44 20 7946 {1000 + index:04d}",
             "", "EXPERIENCE", f"{title}, {first} (2026 - Present)",
             *(f"- {bullet}" for bullet in shown[:2]),
             f"{title}, {second} ({2025 - years} - 2025)",
             *(f"- {bullet}" for bullet in shown[2:]),
             "", "SKILLS", parts["skills"][level]]
    return "\n".join(lines)


def _replay(session: Session, data: dict, entry: dict, index: int, job: Job,
            admin: User) -> None:
    story_kind = entry["story"]
    applied = (utcnow() - timedelta(days=entry["days_ago"], hours=3 + index % 6))
    story = Story(applied, applied)
    with clock_at(applied):
        application = _apply(session, entry, index, job, data)
    if story_kind == "new":
        return
    with clock_at(story.after(0.1)):
        rescore_application(session=session, application_id=application.id)
        _title_from_resume(session, application)
    if "flag" in entry and entry["flag"]["target"] == "resume_score":
        with clock_at(story.after(1.2)):
            _flag(session, entry["flag"], application.id, admin)
    if story_kind == "rejected_at_screen":
        with clock_at(story.after(1.5)):
            change_stage(session=session, application=application, stage=Stage.rejected,
                         actor=admin, reason=entry["reason"])
            session.commit()
        return
    if story_kind not in INVITED:
        return
    with clock_at(story.after(1)):
        link = _invite(session, application, admin)
    if story_kind == "opened":
        with clock_at(story.after(1.5)):
            mark_opened(session=session, link=link)
            session.commit()
        return
    if story_kind == "invited":
        return
    with clock_at(story.after(1.5)):
        mark_opened(session=session, link=link)
        session.commit()
    _interview(session, data, entry, job, link, story)
    with clock_at(story.after(0.05)):
        run_queued_evaluations(session=session, link_id=link.id)
    if "flag" in entry and entry["flag"]["target"] == "evaluation":
        evaluation = session.exec(select(Evaluation).where(Evaluation.link_id == link.id)).one()
        with clock_at(story.after(1)):
            _flag(session, entry["flag"], evaluation.id, admin)
    if story_kind == "rejected_after_interview":
        with clock_at(story.after(2)):
            subject, body = rejection_draft(session=session, application_id=application.id,
                                            actor=admin, reason="answers too thin for the role")
            reject_with_email(session=session, application_id=application.id,
                              reason="Interview answers too thin for the role",
                              subject=subject, body=body, actor=admin)
    elif story_kind in BOOKED:
        with clock_at(story.after(2)):
            start = _book(session, application.id, admin, story.moment)
        if story_kind == "withdrawn":
            with clock_at(story.after(1)):
                change_stage(session=session, application=application, stage=Stage.withdrawn,
                             actor=admin, reason="Accepted another offer before the call")
                session.commit()
        if story_kind in SHORTLISTED:
            # The screening call took place; HR shortlists the next day.
            with clock_at(story.after(max(1.0, (start - story.moment).total_seconds()
                                          / 86400 + 1))):
                change_stage(session=session, application=application,
                             stage=Stage.shortlisted, actor=admin,
                             reason="Strong screening call")
                session.commit()
        if story_kind in ("offered", "hired"):
            _offer(session, application, job, admin, story, accepted=story_kind == "hired")


def _offer(session: Session, application: Application, job: Job, admin: User, story: Story,
           *, accepted: bool) -> None:
    """Through the job's own steps (a technical interview), then an offer; `accepted`: the
    candidate said yes a few days later."""
    for stage in job_stages(session=session, job_id=job.id):
        if is_custom_stage(stage.key):
            with clock_at(story.after(2)):
                move_stage(session=session, application_ids=[application.id], stage=stage.key,
                           actor=admin)
    with clock_at(story.after(3)):
        start = local_day(utcnow()) + timedelta(days=45)
        offer = send_offer(session=session, application_id=application.id, actor=admin,
                           form=OfferForm(salary_amount="72000", currency="EUR",
                                          salary_period="per year",
                                          start_date=start.isoformat()))
    if accepted:
        with clock_at(story.after(3)):
            record_offer_response(session=session, offer_id=offer.id, accepted=True,
                                  actor=admin)


def _apply(session: Session, entry: dict, index: int, job: Job, data: dict) -> Application:
    email = _email(entry["name"])
    candidate = Candidate(full_name=entry["name"], email=email, email_normalized=email,
                          location=entry.get("location", ""),
                          resume_text=resume_text(entry, data["resume_parts"][job.title], index),
                          source="careers" if index % 3 == 0 else "email")
    session.add(candidate)
    session.flush()
    record_event(session=session, action="candidate.created", actor_label="demo",
                 entity_type="candidate", entity_id=candidate.id, after={"name": entry["name"]})
    application, _ = get_or_create_application(
        session=session, candidate_id=candidate.id, job_id=job.id, source=candidate.source,
        actor_label="careers page" if candidate.source == "careers" else "inbox")
    session.commit()
    return application


def _title_from_resume(session: Session, application: Application) -> None:
    """The current title the scorer read from the resume, shown under the name (as the first
    demo candidates have it)."""
    session.refresh(application)
    summary = (application.resume_result or {}).get("candidate_summary") or {}
    candidate = session.get(Candidate, application.candidate_id)
    candidate.current_title = summary.get("current_title") or ""
    session.add(candidate)
    session.commit()


def _invite(session: Session, application: Application, admin: User) -> InterviewLink:
    session.refresh(application)
    job = session.get(Job, application.job_id)
    # HR invites a promising resume below the bar with a reason, as the page lets them.
    reason = ("" if (application.resume_score or 0) >= job.resume_min
              else "Promising experience; worth a conversation")
    link = generate_link(session=session, application_id=application.id, actor=admin,
                         override_reason=reason).link
    send_link(session=session, link_id=link.id, actor=admin)
    session.commit()
    return link


def _interview(session: Session, data: dict, entry: dict, job: Job, link: InterviewLink,
               story: Story) -> None:
    """The candidate in the room: consent, the webcam widget's reports, every answer typed at
    a reading pace, their preferred time, then completion."""
    webcam = data["webcam"].get(entry.get("webcam", ""), [])
    with clock_at(story.after(0.01)):
        record_consent(session=session, link=link, webcam_analysis=bool(webcam),
                       client_key="demo")
        if entry.get("eo"):
            record_answers(session=session, candidate_id=_candidate_id(session, link),
                           answers=entry["eo"])
        mark_started(session=session, link=link)
        session.commit()
        start_interview(session=session, link=link)
        session.commit()
    answers = Answers(data["answers"][job.title][entry["answers"]])
    for _ in range(MAX_TURNS):
        if link.plan.get("phase") == "slot":
            break
        text = answers.to(last_turn(session=session, link_id=link.id).question_key)
        # About 2.5 words a second when typed or spoken, plus time to think.
        with clock_at(story.after((20 + len(text.split()) / 2.5) / 86400)):
            submit_answer(session=session, link=link, text=text)
            session.commit()
    for report in webcam:
        record_browser_report(session=session, link_id=link.id, report=report)
    with clock_at(story.after(30 / 86400)):
        submit_answer(session=session, link=link, text=entry["slot"])
        complete_interview(session=session, link=link)
        session.commit()


def _book(session: Session, application_id: int, admin: User, now: datetime) -> datetime:
    """HR approves and books the candidate's preferred time, or the first free suggestion."""
    slot, _ = first_free_preferred(session=session, application_id=application_id, now=now)
    if slot is not None:
        start, end, tz, source = slot.start, slot.end, slot.tz, "preferred"
    else:
        start, end = suggest_slots(session=session, now=now, count=1)[0]
        tz, source = "", "suggested"
    approve_and_schedule(session=session, application_id=application_id, start=start, end=end,
                         source=source, actor=admin, candidate_tz=tz, now=now)
    return start


def _flag(session: Session, flag: dict, target_id: int, admin: User) -> None:
    flag_output(session=session, target_type=flag["target"], target_id=target_id,
                reason=flag["reason"], note=flag["note"], actor=admin)


def _set_thresholds(session: Session, job: Job, thresholds: dict, admin: User) -> None:
    """The team's bar for a demo job, set as HR sets it on the job page (audited)."""
    fields = ("resume_min", "interview_min", "reject_below")
    before = {name: getattr(job, name) for name in fields}
    for name in fields:
        setattr(job, name, float(thresholds[name]))
    session.add(job)
    record_event(session=session, action="job.updated", actor=admin, entity_type="job",
                 entity_id=job.id, before=before, after={name: thresholds[name]
                                                         for name in fields},
                 note=thresholds["why"])
    session.commit()


def _blind_job(session: Session, job: Job, admin: User) -> None:
    """One job screens blind, to show names and contacts hidden until HR reveals them."""
    if job.blind_screening:
        return
    job.blind_screening = True
    session.add(job)
    record_event(session=session, action="job.updated", actor=admin, entity_type="job",
                 entity_id=job.id, before={"blind_screening": False},
                 after={"blind_screening": True})
    session.commit()


def _candidate_id(session: Session, link: InterviewLink) -> int:
    return session.get(Application, link.application_id).candidate_id


def _email(name: str) -> str:
    local = "".join(c for c in name.lower().replace(" ", ".") if c.isalnum() or c == ".")
    return f"{local}@example.net"
