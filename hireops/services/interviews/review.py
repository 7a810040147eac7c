"""What the recruiter sees of a candidate's interviews: links, trail, transcript, webcam
summary, integrity flags and the evaluation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, select

from hireops.models import (
    Application, Candidate, Evaluation, Event, InterviewLink, Job, OutboxMessage,
)
from hireops.services.decisions.ai_flags import FlagRow, flag_rows, flags_for_application
from hireops.services.privacy.blind_screening import is_identity_hidden, redact_for
from hireops.services.interviews.links import OPEN_STATUSES, reveal_link_url
from hireops.services.interviews.room import CONSENT_REFUSED_ACTION, VOICE_UNAVAILABLE_ACTION
from hireops.services.interviews.turns import list_turns
from hireops.services.interviews.speech_signals import SIGNALS_LABEL
from hireops.services.interviews.voice.speech_signals import (
    TimedTurn,
    voice_answer_speech,
    voice_signal_line,
)
from hireops.services.interviews.webcam import DECLINED_FLAG_BEFORE
from hireops.services.mail.sender import DELIVERED_TO_FOLDER
from hireops.services.platform.clock import format_local

HIDDEN = "[hidden]"
STATUS_LABELS = {"generated": "Link generated", "sent": "Link sent", "opened": "Opened",
                 "started": "Started", "completed": "Completed", "expired": "Expired",
                 "revoked": "Revoked"}


@dataclass
class TrailRow:
    label: str
    at: str
    by: str
    note: str


@dataclass
class TranscriptRow:
    speaker: str
    text: str
    kind: str
    at: str
    # The InterviewTurn's id: an interviewer turn is a question HR can flag.
    turn_id: int = 0
    flags: list[FlagRow] = field(default_factory=list)


@dataclass
class InterviewCard:
    link_id: int
    application_id: int
    job_title: str
    status: str
    status_label: str
    provider: str
    # The candidate's link while it can still be used ("" afterwards).
    url: str
    expires: str
    is_open: bool
    override_reason: str
    consent: str
    preferred_slot: str
    trail: list[TrailRow] = field(default_factory=list)
    transcript: list[TranscriptRow] = field(default_factory=list)
    # Readable webcam summary lines, e.g. "Face visible 96% of the time".
    webcam_lines: list[str] = field(default_factory=list)
    integrity_flags: list[str] = field(default_factory=list)
    # What happened in the room that HR should act on: the voice interviewer failed and the
    # candidate went on typed, or the candidate did not agree to the AI interview.
    room_notices: list[str] = field(default_factory=list)
    evaluation_status: str = ""
    evaluation_score: str = ""
    evaluation_summary: str = ""
    # The newest evaluation's id (0: none), what made it (engine | human) and HR's flags on it.
    evaluation_id: int = 0
    evaluation_source: str = ""
    evaluation_flags: list[FlagRow] = field(default_factory=list)
    # The evaluation can be run again or replaced by a human score (it is not under way).
    evaluation_actionable: bool = False
    # Earlier evaluations of this interview that were re-run or replaced, newest first, each
    # with the flags that led to it, e.g. "Engine 41 (replaced) · flagged unfair by Rita: ...".
    evaluation_history: list[str] = field(default_factory=list)
    # The recording of a voice interview, played through the app's backend ("" when none).
    audio_url: str = ""
    # Why each rating is what it is ("Technical depth 61: discussed ..."), quoting the answers.
    rating_lines: list[str] = field(default_factory=list)
    # Communication signals from the turns (pace, fillers, answer length) and the bias check of
    # every question asked ("8 questions asked, 0 flagged"), beside the score, not in it.
    communication_notes: list[str] = field(default_factory=list)
    # A voice interview's speech signals per answer from the call's turn times, shown as
    # context beside the transcript (never in a score).
    voice_signal_lines: list[str] = field(default_factory=list)
    voice_signals_label: str = SIGNALS_LABEL
    question_check: str = ""
    flagged_questions: list[str] = field(default_factory=list)


def _when(moment: datetime | None) -> str:
    return format_local(moment)


def _iso_when(value: str) -> str:
    try:
        return _when(datetime.fromisoformat(value))
    except (TypeError, ValueError):
        return value or ""


def _consent(link: InterviewLink) -> str:
    if link.consent_at is None:
        return ""
    camera = "camera analysis declined" if link.webcam_declined else "camera analysis allowed"
    return f"Given {_when(link.consent_at)}; {camera}"


def _room_notices(session: Session, link: InterviewLink) -> list[str]:
    events = session.exec(select(Event).where(
        Event.entity_type == "application", Event.entity_id == link.application_id,
        Event.action.in_([VOICE_UNAVAILABLE_ACTION, CONSENT_REFUSED_ACTION]))
        .order_by(Event.id)).all()
    return [_room_notice(event) for event in events
            if (event.after or {}).get("link_id") == link.id]


def _room_notice(event: Event) -> str:
    if event.action == CONSENT_REFUSED_ACTION:
        return (f"The candidate did not agree to the AI interview ({_when(event.at)}); "
                "contact them about another way to continue.")
    return event.note


def shown_integrity_flags(link: InterviewLink) -> list[str]:
    """The link's integrity warnings, without a declined camera (stored as one by older
    versions): declining is the candidate's right and `webcam_lines` states it neutrally."""
    return [flag for flag in link.integrity_flags if flag != DECLINED_FLAG_BEFORE]


def webcam_lines(summary: dict, declined: bool) -> list[str]:
    """The stored webcam summary in words (nothing when there were no signals)."""
    if declined:
        return ["The candidate declined camera analysis."]
    lines = []
    if summary.get("face_present_pct") is not None:
        lines.append(f"Face visible {summary['face_present_pct']:.0f}% of the time")
    if summary.get("attention") is not None:
        lines.append(f"Attention {summary['attention']:.0f}/100")
    if summary.get("server_compared"):
        lines.append(f"{summary.get('server_agreed', 0)} of {summary['server_compared']} server "
                     "frame checks agreed with the browser")
    elif summary.get("server_checks"):
        lines.append(f"{summary['server_checks']} server frame checks")
    if summary.get("video_width"):
        lines.append(f"Camera {summary['video_width']}x{summary['video_height']}")
    return lines


def _evaluations(session: Session, link_id: int) -> list[Evaluation]:
    """The interview's evaluations, newest (the current one) first."""
    return list(session.exec(select(Evaluation).where(Evaluation.link_id == link_id)
                             .order_by(Evaluation.id.desc())).all())


def _history_line(evaluation: Evaluation, flags: list[FlagRow]) -> str:
    score = f"{evaluation.score:.0f}" if evaluation.score is not None else evaluation.status
    line = f"{evaluation.source.capitalize()} {score} of {_when(evaluation.created_at)}, replaced"
    for flag in flags:
        line += f" · flagged {flag.reason_label} by {flag.by}: {flag.note}"
        if flag.resolution:
            line += f" ({flag.resolution})"
    return line


def _flags_by_target(session: Session, application_id: int) -> dict[tuple[str, int],
                                                                     list[FlagRow]]:
    grouped: dict[tuple[str, int], list[FlagRow]] = {}
    flags = flags_for_application(session=session, application_id=application_id)
    for row in flag_rows(session=session, flags=flags):
        grouped.setdefault((row.target_type, row.target_id), []).append(row)
    return grouped


def _card(session: Session, link: InterviewLink, job: Job,
          quote: Callable[[str], str]) -> InterviewCard:
    evaluations = _evaluations(session, link.id)
    evaluation = evaluations[0] if evaluations else None
    is_open = link.status in OPEN_STATUSES
    flags = _flags_by_target(session, link.application_id)
    turns = list_turns(session=session, link_id=link.id)
    return InterviewCard(
        link_id=link.id, application_id=link.application_id, job_title=job.title,
        status=link.status, status_label=STATUS_LABELS.get(link.status, link.status),
        provider="ElevenLabs voice" if link.provider == "elevenlabs" else "Built-in",
        url=reveal_link_url(link) if is_open else "", expires=_when(link.expires_at),
        is_open=is_open, override_reason=link.threshold_override_reason,
        consent=_consent(link), preferred_slot=quote(link.preferred_slot_text),
        trail=[TrailRow(label=STATUS_LABELS.get(entry.get("status", ""), entry.get("status", "")),
                        at=_iso_when(entry.get("at", "")), by=entry.get("by", ""),
                        note=quote(entry.get("note", ""))) for entry in link.status_trail],
        transcript=[TranscriptRow(speaker=turn.speaker, text=quote(turn.text), kind=turn.kind,
                                  at=_when(turn.ended_at), turn_id=turn.id,
                                  flags=flags.get(("question", turn.id), []))
                    for turn in turns],
        voice_signal_lines=[voice_signal_line(signal) for signal in voice_answer_speech(
            turns=[TimedTurn(turn.speaker, turn.text, turn.started_at)
                   for turn in turns])] if link.conversation_id else [],
        webcam_lines=webcam_lines(link.face_summary or {}, link.webcam_declined),
        integrity_flags=shown_integrity_flags(link),
        room_notices=_room_notices(session, link),
        evaluation_status=evaluation.status if evaluation else "",
        evaluation_score=f"{evaluation.score:.0f}" if evaluation and evaluation.score is not None
        else "",
        evaluation_summary=quote(evaluation.summary) if evaluation else "",
        evaluation_id=evaluation.id if evaluation else 0,
        evaluation_source=evaluation.source if evaluation else "",
        evaluation_flags=flags.get(("evaluation", evaluation.id), []) if evaluation else [],
        evaluation_actionable=bool(evaluation) and evaluation.status in ("ok", "failed"),
        evaluation_history=[_history_line(old, flags.get(("evaluation", old.id), []))
                            for old in evaluations[1:] if old.status == "superseded"],
        audio_url=f"/api/v1/interviews/{link.id}/audio"
        if link.provider == "elevenlabs" and link.conversation_id else "",
        **_evaluation_details(evaluation, quote),
    )


RATING_LABELS = {"communication": "Communication", "technical_depth": "Technical depth",
                 "problem_solving": "Problem solving", "cultural_fit": "Cultural fit"}


def _evaluation_details(evaluation: Evaluation | None, quote: Callable[[str], str]) -> dict:
    """The readable parts of a stored evaluation result beyond its score and summary."""
    result = (evaluation.result or {}) if evaluation else {}
    justifications = result.get("justifications") or {}
    audits = result.get("question_audit") or []
    flagged = [f"{a.get('topic_label') or a.get('topic')}: {a.get('text', '')}"
               for a in audits if not a.get("allowed", True)]
    return {
        "rating_lines": [quote(f"{RATING_LABELS[key]}: "
                               f"{justifications[key].removeprefix('Rated ')}")
                         for key in RATING_LABELS if justifications.get(key)],
        "communication_notes": [quote(note) for note in (result.get("communication_signals")
                                                         or {}).get("notes", [])],
        "question_check": (f"{len(audits)} question{'' if len(audits) == 1 else 's'} asked, "
                           f"{len(flagged)} touching a protected characteristic")
        if audits else "",
        "flagged_questions": [quote(question) for question in flagged],
    }


def interview_cards(*, session: Session, candidate_id: int) -> list[InterviewCard]:
    """Every interview link of the candidate's applications, newest first; while blind
    screening hides the candidate, what was said is redacted (the interviewer greets them by
    name)."""
    rows = session.exec(select(InterviewLink, Job)
                        .join(Application, Application.id == InterviewLink.application_id)
                        .join(Job, Job.id == Application.job_id)
                        .where(Application.candidate_id == candidate_id)
                        .order_by(InterviewLink.created_at.desc(), InterviewLink.id.desc())).all()
    quote = _quote_for(session, candidate_id)
    return [_card(session, link, job, quote) for link, job in rows]


def _quote_for(session: Session, candidate_id: int) -> Callable[[str], str]:
    """Text as shown: without the candidate's identity while blind screening hides it."""
    if not is_identity_hidden(session=session, candidate_id=candidate_id):
        return lambda text: text
    candidate = session.get(Candidate, candidate_id)
    return lambda text: redact_for(candidate, text) if text else text


@dataclass
class OutgoingMailRow:
    message_id: int
    kind: str
    to_address: str
    subject: str
    # pending | sending | sent | saved | failed ("saved": written to the local outbox folder
    # because no mail server is set; nobody received it)
    status: str
    # The status as HR reads it.
    status_label: str
    when: str
    attempts: int
    last_error: str
    can_retry: bool


_MAIL_STATUS_LABELS = {
    "pending": "waiting to send", "sending": "sending", "sent": "sent", "failed": "not sent",
    "saved": "saved to the outbox folder (no mail server set)"}


def _mail_status(message: OutboxMessage) -> str:
    if message.status == "sent" and message.delivered_to == DELIVERED_TO_FOLDER:
        return "saved"
    return message.status


def outgoing_mail(*, session: Session, candidate_id: int) -> list[OutgoingMailRow]:
    """Mail sent or waiting for the candidate's applications, newest first, failures with
    their reason so HR can see what did not arrive."""
    messages = session.exec(select(OutboxMessage)
                            .join(Application, Application.id == OutboxMessage.application_id)
                            .where(Application.candidate_id == candidate_id)
                            .order_by(OutboxMessage.created_at.desc(),
                                      OutboxMessage.id.desc())).all()
    quote = _quote_for(session, candidate_id)
    hidden = is_identity_hidden(session=session, candidate_id=candidate_id)
    return [OutgoingMailRow(message_id=m.id, kind=m.kind,
                            to_address=HIDDEN if hidden else m.to_address,
                            subject=quote(m.subject), status=_mail_status(m),
                            status_label=_MAIL_STATUS_LABELS.get(_mail_status(m), m.status),
                            when=_when(m.sent_at or m.created_at), attempts=m.attempts,
                            last_error=m.last_error,
                            can_retry=m.status in ("failed", "pending") and m.attempts > 0)
            for m in messages]
