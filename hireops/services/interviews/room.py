"""The public interview room: what a token opens, consent, and the end of an interview.

The room never shows more than its own link's job title, company, the candidate's first name and
the turns of this interview: nothing of another candidate can be reached through it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from sqlmodel import Session, select

from hireops.config import get_settings
from hireops.models import Application, Candidate, Evaluation, InterviewLink, Job, Stage, utcnow
from hireops.services.platform.audit import record_event
from hireops.services.platform.crypto import hash_token
from hireops.services.interviews.links import OPEN_STATUSES, set_link_status
from hireops.services.interviews.room_texts import room_text
from hireops.services.interviews.turns import list_turns
from hireops.services.interviews.webcam import integrity_flags, summarize_signals
from hireops.services.text.language.supported import SPEECH_LOCALES, supported_language
from hireops.services.platform.rate_limit import register_hit, release_hit
from hireops.services.platform.runtime_settings import current_settings
from hireops.services.candidates.stages import advance_stage

# token_urlsafe(32): 43 characters of the URL-safe alphabet. Anything else is not ours.
TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{43}$")
CONSENT_NOTICE_VERSION = "room-notice-v1"

# What the candidate is told when a token opens nothing: the reasons, each a `problem_<reason>`
# text of the room (services/interviews/room_texts.py).
PROBLEMS = ("unknown", "expired", "revoked", "completed", "rate_limited")
VOICE_UNAVAILABLE_ACTION = "interview.voice_unavailable"
CONSENT_REFUSED_ACTION = "interview.consent_refused"


@dataclass(frozen=True)
class RoomLookup:
    link: InterviewLink | None
    # "" when the room may open; else one of PROBLEMS.
    problem: str = ""
    retry_after_s: int = 0


@dataclass(frozen=True)
class RoomView:
    """Everything the room page may show, and nothing more."""

    link_id: int
    status: str
    provider: str
    company_name: str
    job_title: str
    candidate_first_name: str
    consent_given: bool
    webcam_declined: bool
    # questions | slot | closed (the built-in interviewer's phase)
    phase: str
    turns: list[dict] = field(default_factory=list)
    question_number: int = 0
    question_total: int = 0
    # ISO time the candidate's time budget ends ("" before the start).
    deadline_iso: str = ""
    # The language the browser listens and reads questions aloud in (BCP 47).
    speech_lang: str = "en-US"
    # The language of every text the room shows (en | fr | de | es).
    language: str = "en"


def find_room(*, session: Session, token: str, client_key: str) -> RoomLookup:
    """The link behind `token` if the room may open.

    Only lookups that find no link count against the caller: a candidate reloading a real link
    never uses up the allowance, while guessing stops at the limit. The hit is taken before
    the lookup and handed back when a link is found, so simultaneous guesses cannot all pass
    the check before any of them is counted."""
    settings = get_settings()
    key = f"interview-token:{client_key}"
    verdict = register_hit(session=session, key=key,
                           limit=settings.interview_lookups_per_minute, window_s=60)
    if not verdict.allowed:
        return RoomLookup(None, "rate_limited", verdict.retry_after_s)
    link = None
    if TOKEN_PATTERN.match(token or ""):
        link = session.exec(select(InterviewLink)
                            .where(InterviewLink.token_hash == hash_token(token))).first()
    if link is None:
        return RoomLookup(None, "unknown")
    release_hit(session=session, key=key)
    return check_link_open(session=session, link=link)


def check_link_open(*, session: Session, link: InterviewLink) -> RoomLookup:
    """Refuse a link that is revoked, finished or past its expiry (marking it expired)."""
    if link.status in OPEN_STATUSES and link.expires_at <= utcnow():
        set_link_status(link, "expired", by="candidate-visit")
        session.add(link)
    if link.status in ("expired", "revoked", "completed"):
        return RoomLookup(link, link.status)
    return RoomLookup(link)


def mark_opened(*, session: Session, link: InterviewLink) -> None:
    if set_link_status(link, "opened", by="candidate"):
        session.add(link)
        _touch_application(session, link)


def room_language(*, session: Session, link: InterviewLink) -> str:
    """The language the room speaks: the interview's own once planned, before that the
    candidate's."""
    if link.plan.get("language"):
        return supported_language(link.plan["language"])
    application = session.get(Application, link.application_id)
    candidate = session.get(Candidate, application.candidate_id)
    return supported_language(candidate.language)


def room_view(*, session: Session, link: InterviewLink) -> RoomView:
    application = session.get(Application, link.application_id)
    candidate = session.get(Candidate, application.candidate_id)
    job = session.get(Job, application.job_id)
    questions = link.plan.get("questions", [])
    cursor = link.plan.get("cursor", 0)
    language = room_language(session=session, link=link)
    deadline = ""
    if link.started_at is not None:
        deadline = (link.started_at
                    + timedelta(minutes=current_settings().interview_minutes)).isoformat()
    return RoomView(
        link_id=link.id, status=link.status, provider=link.provider,
        company_name=current_settings().company_name, job_title=job.title,
        candidate_first_name=(candidate.full_name or "").split(" ")[0],
        consent_given=link.consent_at is not None, webcam_declined=link.webcam_declined,
        phase=link.plan.get("phase", "questions"),
        turns=[{"speaker": turn.speaker, "text": turn.text, "kind": turn.kind}
               for turn in list_turns(session=session, link_id=link.id)],
        question_number=min(cursor + 1, len(questions)), question_total=len(questions),
        deadline_iso=deadline,
        speech_lang=SPEECH_LOCALES[language], language=language,
    )


def problem_message(problem: str, language: str) -> str:
    """What the candidate reads when the room cannot open, in `language`."""
    return room_text(language, f"problem_{problem if problem in PROBLEMS else 'unknown'}")


def record_consent(*, session: Session, link: InterviewLink, webcam_analysis: bool,
                   client_key: str) -> None:
    """Store what the candidate agreed to, with the time and the notice they were shown."""
    now = utcnow()
    link.consent_at = now
    link.webcam_declined = not webcam_analysis
    link.consent_record = {
        "notice_version": CONSENT_NOTICE_VERSION, "ai_interviewer": True,
        "transcript_stored": True, "webcam_analysis": webcam_analysis,
        "at": now.isoformat(), "client": client_key,
    }
    session.add(link)
    record_event(session=session, action="interview.consent_given", actor_label="candidate",
                 entity_type="interview_link", entity_id=link.id, after=link.consent_record)


def refuse_consent(*, session: Session, link: InterviewLink, client_key: str) -> None:
    """The candidate does not agree to the AI interview: HR is told (the application's
    timeline and the interview's card) and the link stays open should they change their mind."""
    if link.consent_at is not None:
        return
    note = "The candidate did not agree to the AI interview; contact them about another way " \
           "to continue."
    record_event(session=session, action=CONSENT_REFUSED_ACTION, actor_label="candidate",
                 entity_type="application", entity_id=link.application_id, note=note,
                 after={"link_id": link.id, "notice_version": CONSENT_NOTICE_VERSION,
                        "at": utcnow().isoformat(), "client": client_key})


def fall_back_to_typed(*, session: Session, link: InterviewLink, reason: str) -> None:
    """The voice interviewer could not start: the interview goes on with the built-in, typed
    interviewer, and HR reads why on the interview's card (the candidate never sees `reason`)."""
    if link.provider == "builtin":
        return
    link.provider = "builtin"
    session.add(link)
    record_event(session=session, action=VOICE_UNAVAILABLE_ACTION, actor_label="system",
                 entity_type="application", entity_id=link.application_id,
                 note=f"The voice interviewer could not start ({reason[:300]}); the candidate "
                      "continued with typed answers.",
                 after={"link_id": link.id, "provider": "builtin"})


def decline_webcam(*, session: Session, link: InterviewLink) -> None:
    """Turn camera analysis off after consent; the interview goes on and the report says so."""
    if link.webcam_declined:
        return
    link.webcam_declined = True
    link.consent_record = {**link.consent_record, "webcam_analysis": False,
                           "webcam_declined_at": utcnow().isoformat()}
    session.add(link)
    record_event(session=session, action="interview.webcam_declined", actor_label="candidate",
                 entity_type="interview_link", entity_id=link.id)


def mark_started(*, session: Session, link: InterviewLink) -> None:
    if link.consent_at is None:
        raise PermissionError("The interview starts only after consent.")
    if set_link_status(link, "started", by="candidate"):
        session.add(link)
        _touch_application(session, link)


def complete_interview(*, session: Session, link: InterviewLink, by: str = "candidate") -> bool:
    """Close the interview, summarise the webcam signals and queue the evaluation, once.

    False (and nothing changes) unless the candidate consented and started: a call-ended event
    on a link nobody began would otherwise be scored as an empty interview and rejected.
    """
    if not interview_underway(link) or not set_link_status(link, "completed", by=by):
        return False
    summary = summarize_signals(session=session, link_id=link.id)
    link.face_summary = summary
    link.integrity_flags = integrity_flags(summary)
    session.add(link)
    application = _touch_application(session, link)
    session.add(Evaluation(application_id=link.application_id, link_id=link.id,
                           status="queued"))
    record_event(session=session, action="interview.completed", actor_label=by,
                 entity_type="application", entity_id=link.application_id,
                 after={"link_id": link.id, "turns": len(list_turns(session=session,
                                                                    link_id=link.id)),
                        "integrity_flags": link.integrity_flags})
    # A booked screening call, shortlisted or rejected stays where it is.
    advance_stage(session=session, application=application, stage=Stage.screened,
                  actor_label=by, reason="interview completed", extra_after={"link_id": link.id})
    return True


def interview_underway(link: InterviewLink) -> bool:
    """Whether the candidate consented and started, so the interview may be completed."""
    return (link.consent_at is not None and link.started_at is not None
            and link.status == "started")


def _touch_application(session: Session, link: InterviewLink) -> Application:
    application = session.get(Application, link.application_id)
    application.last_activity_at = application.updated_at = utcnow()
    session.add(application)
    return application
