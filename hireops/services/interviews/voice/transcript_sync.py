"""Voice conversations of an interview link, and their turns stored on the server.

The browser only ever says "conversation X started" or "ended"; the turns come from
`provider.fetch_conversation`, and a conversation is accepted for a link only when it was started
by our agent with that link's `interview_ref` (a dynamic variable the agent receives).

A reloaded page cannot keep its call: it starts a new conversation, a new part of the same
interview. The link's parts are listed in `plan["voice_conversations"]`, its current one is
`conversation_id`, and turn seq = part index * SEQ_STRIDE + position in that conversation + 1,
so syncing is idempotent and can run during a call, at its end, after a reload and again when
the post-call webhook arrives.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from hireops.config import get_settings
from hireops.models import Application, Candidate, InterviewLink, InterviewTurn, Job, utcnow
from hireops.services.interviews.builtin_interviewer import localized_plan
from hireops.services.interviews.links import get_link_or_raise
from hireops.services.interviews.room import complete_interview
from hireops.services.text.language.supported import supported_language
from hireops.services.platform.runtime_settings import current_settings
from hireops.services.interviews.voice.provider import (
    AgentVariables,
    ConnectionType,
    ConversationRecord,
    StartCredentials,
    VoiceInterviewProvider,
    VoiceProviderError,
)

logger = logging.getLogger(__name__)

PROVIDER_NAME = "elevenlabs"
PARTS_KEY = "voice_conversations"
# Room for any one conversation's transcript entries before the next part's seqs begin.
SEQ_STRIDE = 10_000
# The webhook ElevenLabs sends once a call is over and its analysis is done.
TRANSCRIPTION_EVENT = "post_call_transcription"
CLOSED_STATUSES = frozenset({"completed", "expired", "revoked"})
MAX_SCREENING_QUESTIONS = 8
# How much of an interrupted interview the agent is reminded of when it resumes.
RESUME_CONTEXT_TURNS = 12
RESUME_CONTEXT_CHARS = 3000


class VoiceSyncError(Exception):
    """A conversation cannot be started or stored for a link; `reason` is written for people."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ConversationMismatch(VoiceSyncError):
    """The conversation was not started for this link (or not by our agent)."""


@dataclass(frozen=True)
class VoiceStart:
    """Everything the interview room passes to the voice component to start or resume."""

    credentials: StartCredentials
    dynamic_variables: dict[str, str]
    # What was said before an interruption, for the agent; "" on a first start.
    resume_context: str = ""


@dataclass(frozen=True)
class WebhookOutcome:
    """What a post-call webhook changed; a repeated delivery reports `already_completed`."""

    status: Literal["completed", "already_completed", "superseded", "not_finished", "ignored"]
    link_id: int | None = None
    turns_written: int = 0
    note: str = field(default="")


# --- the link's reference ---------------------------------------------------------------------

def interview_ref(link_id: int) -> str:
    """The link's reference for the agent: its id plus a MAC only this server can compute.

    Not a secret (the candidate's browser sends it), but it cannot be made up for another link.
    """
    return f"{link_id}-{_ref_mac(link_id)}"


def link_id_from_ref(ref: str) -> int | None:
    """The link id inside a genuine `interview_ref`, or None for anything else."""
    head, _, mac = (ref or "").strip().partition("-")
    if not head.isdigit() or not hmac.compare_digest(mac, _ref_mac(int(head))):
        return None
    return int(head)


def _ref_mac(link_id: int) -> str:
    key = get_settings().get_secret_key().encode()
    return hmac.new(key, f"interview-ref:{link_id}".encode(), hashlib.sha256).hexdigest()[:16]


# --- starting ---------------------------------------------------------------------------------

def agent_variables(
    *, session: Session, link_id: int, language: str | None = None, timezone: str = "UTC",
) -> AgentVariables:
    """The dynamic variables a conversation for this link is started with; `language` is
    the candidate's own (en, fr, de or es) unless the caller names one."""
    link = get_link_or_raise(session=session, link_id=link_id, missing=VoiceSyncError)
    application = session.get(Application, link.application_id)
    job = session.get(Job, application.job_id) if application else None
    candidate = session.get(Candidate, application.candidate_id) if application else None
    language = supported_language(language or (candidate.language if candidate else None))
    questions = _screening_questions(session, link, application, job, language)
    return AgentVariables(
        candidate_name=candidate.full_name if candidate else "",
        job_title=job.title if job else "",
        company_name=current_settings().company_name,
        screening_questions="\n".join(f"{n}. {q}" for n, q in enumerate(questions, start=1)),
        language=language, timezone=timezone, interview_ref=interview_ref(link.id),
    )


def _screening_questions(session: Session, link: InterviewLink, application: Application | None,
                         job: Job | None, language: str) -> list[str]:
    # The link's prepared plan wins; otherwise the questions the typed room would plan, in the
    # candidate's language (the scorer writes its own in English, for HR).
    planned = [q.get("text", "") for q in (link.plan or {}).get("questions", [])
               if isinstance(q, dict)]
    if not planned and application is not None and job is not None:
        planned = [q.text for q in localized_plan(session=session, application=application,
                                                  language=language).questions]
    seen: list[str] = []
    for question in (str(q).strip() for q in planned):
        if question and question.lower() not in (s.lower() for s in seen):
            seen.append(question)
    return seen[:MAX_SCREENING_QUESTIONS]


def start_conversation(
    *, session: Session, link_id: int, provider: VoiceInterviewProvider,
    connection_type: ConnectionType = "webrtc", language: str | None = None,
    timezone: str = "UTC",
) -> VoiceStart:
    """Mint credentials for a new conversation (a first start or a resume). Commits.

    The previous part is synced first, so its last words are stored before the new call begins.
    """
    link = get_link_or_raise(session=session, link_id=link_id, missing=VoiceSyncError)
    _check_open(link)
    if link.conversation_id:
        _settle_current_part(session=session, link=link, provider=provider)
    variables = agent_variables(session=session, link_id=link_id, language=language,
                                timezone=timezone)
    credentials = provider.start_credentials(connection_type=connection_type,
                                             participant_name=variables.candidate_name)
    if credentials.conversation_id:
        _bind(session=session, link=link, conversation_id=credentials.conversation_id)
    session.commit()
    return VoiceStart(credentials=credentials,
                      dynamic_variables=variables.as_dynamic_variables(),
                      resume_context=_resume_context(session=session, link=link))


def _settle_current_part(*, session: Session, link: InterviewLink,
                         provider: VoiceInterviewProvider) -> None:
    try:
        sync_conversation(session=session, link_id=link.id, provider=provider)
    except VoiceProviderError as problem:
        logger.warning("voice: could not sync the previous part of link %s before a new "
                       "start: %s", link.id, problem.reason)
        # Credentials minted but never used leave a conversation ElevenLabs never created:
        # forget it, so it does not become an empty part of the interview.
        if problem.status_code == 404 and not _has_turns(session=session, link=link,
                                                          part=len(conversation_ids(link)) - 1):
            parts = conversation_ids(link)[:-1]
            link.plan = {**(link.plan or {}), PARTS_KEY: parts}
            link.conversation_id = parts[-1] if parts else ""
            session.add(link)
            session.flush()


def _resume_context(*, session: Session, link: InterviewLink) -> str:
    turns = session.exec(select(InterviewTurn).where(InterviewTurn.link_id == link.id)
                         .order_by(InterviewTurn.seq.desc()).limit(RESUME_CONTEXT_TURNS)).all()
    if not turns:
        return ""
    lines = [f"{t.speaker.capitalize()}: {t.text}" for t in reversed(turns)]
    text = "\n".join(lines)[-RESUME_CONTEXT_CHARS:]
    return ("The connection was lost and the candidate has come back. Continue the interview "
            "where it stopped; do not repeat questions already answered. The last turns were:\n"
            + text)


# --- syncing ----------------------------------------------------------------------------------

def conversation_ids(link: InterviewLink) -> list[str]:
    """The link's conversations in the order they happened; the last is the current one."""
    parts = [str(p) for p in (link.plan or {}).get(PARTS_KEY, [])]
    # A conversation id set directly on the link (not through _bind) is still a part.
    if link.conversation_id and link.conversation_id not in parts:
        parts.append(link.conversation_id)
    return parts


def get_link_for_conversation(*, session: Session, conversation_id: str) -> InterviewLink | None:
    """The interview link whose current conversation this is, if any."""
    if not conversation_id:
        return None
    return session.exec(select(InterviewLink).where(
        InterviewLink.conversation_id == conversation_id)).first()


def sync_conversation(
    *, session: Session, link_id: int, provider: VoiceInterviewProvider,
    conversation_id: str | None = None,
) -> int:
    """Fetch a conversation of the link and store new or changed turns; returns how many.

    Without `conversation_id` the link's current conversation is synced. A conversation id the
    link does not know yet (as a browser reports it) becomes the link's new current part only
    once the fetched conversation proves it was started for this link. Commits.
    """
    written, _ = _sync_with_retry(session=session, link_id=link_id, provider=provider,
                                  conversation_id=conversation_id)
    return written


def _sync_with_retry(*, session: Session, link_id: int, provider: VoiceInterviewProvider,
                     conversation_id: str | None) -> tuple[int, ConversationRecord]:
    # Two syncs at once (webhook and browser) may insert the same seq: the unique
    # (link_id, seq) constraint stops the second, whose retry then sees those rows.
    for attempt in range(2):
        try:
            result = _sync_once(session=session, link_id=link_id, provider=provider,
                                conversation_id=conversation_id)
            session.commit()
            return result
        except IntegrityError:
            session.rollback()
            if attempt:
                raise
    raise AssertionError("unreachable")


def _sync_once(*, session: Session, link_id: int, provider: VoiceInterviewProvider,
               conversation_id: str | None) -> tuple[int, ConversationRecord]:
    link = get_link_or_raise(session=session, link_id=link_id, missing=VoiceSyncError)
    wanted = (conversation_id or "").strip() or link.conversation_id
    if not wanted:
        raise VoiceSyncError(f"Interview link {link_id} has no voice conversation yet.")
    known = wanted in conversation_ids(link)
    if not known:
        _check_open(link)
    record = provider.fetch_conversation(wanted)
    _check_belongs(record=record, link=link, provider=provider)
    if not known:
        _bind(session=session, link=link, conversation_id=wanted)
    part = conversation_ids(link).index(wanted)
    return _upsert_turns(session=session, link=link, record=record, part=part), record


def _check_belongs(*, record: ConversationRecord, link: InterviewLink,
                   provider: VoiceInterviewProvider) -> None:
    if provider.agent_id and record.agent_id != provider.agent_id:
        raise ConversationMismatch(
            f"Conversation {record.conversation_id} belongs to another agent.")
    expected = interview_ref(link.id)
    reported = record.dynamic_variables.get("interview_ref", "")
    if not hmac.compare_digest(reported.encode(), expected.encode()):
        raise ConversationMismatch(
            f"Conversation {record.conversation_id} was not started for interview link "
            f"{link.id}.")


def _bind(*, session: Session, link: InterviewLink, conversation_id: str) -> None:
    parts = conversation_ids(link)
    if conversation_id not in parts:
        parts.append(conversation_id)
    # A new dict: the JSON column only notices assignment, not changes in place.
    link.plan = {**(link.plan or {}), PARTS_KEY: parts}
    link.conversation_id = conversation_id
    link.provider = PROVIDER_NAME
    session.add(link)
    session.flush()


def _upsert_turns(*, session: Session, link: InterviewLink, record: ConversationRecord,
                  part: int) -> int:
    base = part * SEQ_STRIDE
    existing = {turn.seq: turn for turn in session.exec(
        select(InterviewTurn).where(InterviewTurn.link_id == link.id,
                                    InterviewTurn.seq > base,
                                    InterviewTurn.seq <= base + SEQ_STRIDE))}
    written = 0
    for turn in record.turns:
        seq = base + turn.position + 1
        started = (record.started_at + timedelta(seconds=turn.seconds_from_start)
                   if record.started_at else None)
        row = existing.get(seq)
        if row is None:
            row = InterviewTurn(link_id=link.id, seq=seq, speaker=turn.speaker, text=turn.text,
                                started_at=started)
        elif (row.speaker, row.text, row.started_at) != (turn.speaker, turn.text, started):
            # A turn fetched while it was still being spoken grows; the latest text wins.
            row.speaker, row.text, row.started_at = turn.speaker, turn.text, started
        else:
            continue
        session.add(row)
        written += 1
    session.flush()
    return written


def _has_turns(*, session: Session, link: InterviewLink, part: int) -> bool:
    base = part * SEQ_STRIDE
    return session.exec(select(InterviewTurn.id).where(
        InterviewTurn.link_id == link.id, InterviewTurn.seq > base,
        InterviewTurn.seq <= base + SEQ_STRIDE)).first() is not None


# --- the post-call webhook ----------------------------------------------------------------------

def complete_from_webhook(
    *, session: Session, payload: dict[str, Any], provider: VoiceInterviewProvider,
) -> WebhookOutcome:
    """Handle a verified post-call webhook: sync the turns and mark the interview completed.

    Only the conversation id (and the link's ref) is read from the payload; the turns are
    fetched again so every sync shares one path. Repeated deliveries change nothing, and the
    webhook of an earlier part (a call cut off by a reload) does not end the interview.
    """
    event_type = str(payload.get("type", ""))
    if event_type != TRANSCRIPTION_EVENT:
        return WebhookOutcome("ignored", note=f"event type '{event_type}' is not handled")
    data = payload.get("data") if isinstance(payload.get("data"), dict) else {}
    conversation_id = str(data.get("conversation_id") or "")
    if not conversation_id:
        return WebhookOutcome("ignored", note="no conversation id")
    link = get_link_for_conversation(session=session, conversation_id=conversation_id) \
        or _link_from_payload_ref(session=session, data=data)
    if link is None:
        return WebhookOutcome("ignored", note="no interview link has this conversation")
    try:
        written, record = _sync_with_retry(session=session, link_id=link.id, provider=provider,
                                           conversation_id=conversation_id)
    except VoiceSyncError as problem:
        # Not this link's conversation, or a closed link: nothing to store, nothing to retry.
        session.rollback()
        return WebhookOutcome("ignored", link.id, note=problem.reason)
    session.refresh(link)
    if link.status == "completed":
        return WebhookOutcome("already_completed", link.id, written)
    if conversation_id != link.conversation_id:
        return WebhookOutcome("superseded", link.id, written,
                              note="a later conversation continues this interview")
    if record.status == "failed":
        # The call broke; the link stays open so the candidate can resume.
        return WebhookOutcome("not_finished", link.id, written, note="conversation failed")
    if not complete_interview(session=session, link=link, by=PROVIDER_NAME):
        session.commit()  # the synced turns are kept; the link stays as it was
        return WebhookOutcome("not_finished", link.id, written,
                              note="the candidate never consented and started")
    session.commit()
    return WebhookOutcome("completed", link.id, written)


def _link_from_payload_ref(*, session: Session, data: dict[str, Any]) -> InterviewLink | None:
    # The browser may die before it reports the conversation id; the ref still names the link
    # (and the fetched conversation must carry the same ref before anything is stored).
    client_data = data.get("conversation_initiation_client_data")
    variables = (client_data.get("dynamic_variables") or {}) if isinstance(client_data, dict) \
        else {}
    link_id = link_id_from_ref(str(variables.get("interview_ref", "")))
    return session.get(InterviewLink, link_id) if link_id is not None else None


def _check_open(link: InterviewLink) -> None:
    if link.status in CLOSED_STATUSES:
        raise VoiceSyncError(f"Interview link {link.id} is {link.status}.")
    if link.expires_at <= utcnow():
        raise VoiceSyncError(f"Interview link {link.id} has expired.")
