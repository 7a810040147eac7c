"""HR flags on AI output (a resume score, an interview evaluation, an interviewer question, an
email classification) and what HR does about a flagged evaluation: run it again or replace it
with a human score.

A flag always needs a note. It is read later by someone else (whoever re-runs the evaluation,
the reports, an auditor), and "wrong" without saying what is wrong cannot be acted on; for
"unfair" and "made up" the note is the evidence.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlmodel import Session, select

from hireops.models import (
    AIFlag,
    Application,
    Email,
    Evaluation,
    InterviewLink,
    InterviewTurn,
    User,
    utcnow,
)
from hireops.services.platform.audit import record_event
from hireops.services.decisions.rule import DecisionNotReady, record_decision
from hireops.services.platform.clock import format_local

TARGET_TYPES = ("resume_score", "evaluation", "question", "classification")
REASONS = ("wrong", "unfair", "made_up")
REASON_LABELS = {"wrong": "wrong", "unfair": "unfair", "made_up": "made up"}
TARGET_LABELS = {"resume_score": "Resume score", "evaluation": "Interview evaluation",
                 "question": "Interviewer question", "classification": "Email classification"}
MAX_NOTE_CHARS = 2000
FLAG_ACTION = "output.flagged"
T = TypeVar("T")


class FlagRefused(ValueError):
    """The flag, re-run or human score cannot be made; the message says why, for HR."""


@dataclass
class FlagRow:
    """One flag as the candidate page shows it beside the output it flags."""

    flag_id: int
    target_type: str
    target_id: int
    # wrong | unfair | made_up
    reason: str
    # "made up" rather than "made_up".
    reason_label: str
    note: str
    # The flagging user's name, else their email.
    by: str
    at: str
    # How HR dealt with it ("re-run", "human score 62"); "" while open.
    resolution: str


def flag_output(*, session: Session, target_type: str, target_id: int, reason: str, note: str,
                actor: User) -> AIFlag:
    """Flag one AI output as wrong, unfair or made up, with a note (audited)."""
    if actor is None:
        raise FlagRefused("A flag needs the person making it.")
    if target_type not in TARGET_TYPES:
        raise FlagRefused(f"Unknown output type {target_type!r}.")
    if reason not in REASONS:
        raise FlagRefused("Choose why the output is flagged: wrong, unfair or made up.")
    note = (note or "").strip()
    if not note:
        raise FlagRefused("Write a note: what is wrong, unfair or made up?")
    if len(note) > MAX_NOTE_CHARS:
        raise FlagRefused(f"The note is longer than {MAX_NOTE_CHARS} characters.")
    application_id = _target_application(session, target_type, int(target_id))
    flag = AIFlag(target_type=target_type, target_id=int(target_id),
                  application_id=application_id, reason=reason, note=note,
                  created_by_id=actor.id)
    session.add(flag)
    session.flush()
    entity = ("application", application_id) if application_id else ("email", int(target_id))
    record_event(session=session, action=FLAG_ACTION, actor=actor, entity_type=entity[0],
                 entity_id=entity[1],
                 after={"flag_id": flag.id, "target_type": target_type,
                        "target_id": int(target_id), "reason": reason},
                 note=f"{TARGET_LABELS[target_type]} flagged as {REASON_LABELS[reason]}: {note}")
    session.commit()
    return flag


def _target_application(session: Session, target_type: str, target_id: int) -> int | None:
    """The application the flagged output belongs to; FlagRefused when there is no output."""
    if target_type == "resume_score":
        application = _flaggable(session, Application, target_id,
                                 lambda row: row.resume_score is not None,
                                 "That application has no resume score to flag.")
        return application.id
    if target_type == "evaluation":
        evaluation = _flaggable(session, Evaluation, target_id, lambda row: row.status == "ok",
                                "That evaluation does not exist or has no result to flag.")
        if evaluation.source == "human":
            raise FlagRefused("A score entered by a person is not AI output.")
        return evaluation.application_id
    if target_type == "question":
        turn = _flaggable(session, InterviewTurn, target_id,
                          lambda row: row.speaker == "interviewer",
                          "Only the interviewer's questions can be flagged.")
        return session.get(InterviewLink, turn.link_id).application_id
    email = _flaggable(session, Email, target_id, lambda row: bool(row.category),
                       "That email has no classification to flag.")
    return session.exec(select(Application.id)
                        .where(Application.source_email_id == email.id)).first()


def _flaggable(session: Session, table: type[T], target_id: int, has_output: Callable[[T], bool],
               refusal: str) -> T:
    """Row `target_id` of `table` when it holds AI output; FlagRefused(`refusal`) when the row
    is missing or holds none."""
    row = session.get(table, target_id)
    if row is None or not has_output(row):
        raise FlagRefused(refusal)
    return row


def flags_for_application(*, session: Session, application_id: int) -> list[AIFlag]:
    """Every flag on the application's AI output, oldest first."""
    return list(session.exec(select(AIFlag).where(AIFlag.application_id == application_id)
                             .order_by(AIFlag.created_at, AIFlag.id)).all())


def flag_rows(*, session: Session, flags: list[AIFlag]) -> list[FlagRow]:
    """Flags as the page shows them, with who made each one."""
    user_ids = {flag.created_by_id for flag in flags if flag.created_by_id}
    users = {user.id: user for user in session.exec(
        select(User).where(User.id.in_(user_ids))).all()} if user_ids else {}
    return [FlagRow(flag_id=flag.id, target_type=flag.target_type, target_id=flag.target_id,
                    reason=flag.reason, reason_label=REASON_LABELS.get(flag.reason, flag.reason),
                    note=flag.note, by=_name(users.get(flag.created_by_id)),
                    at=_when(flag.created_at), resolution=flag.resolution)
            for flag in flags]


def flag_counts(*, session: Session, since: datetime | None = None) -> dict:
    """Flags made (since `since`), by output type, by reason and by both; every type and
    reason is present, zero when unused, so a report's table never misses a row."""
    statement = select(AIFlag.target_type, AIFlag.reason, AIFlag.resolution)
    if since is not None:
        statement = statement.where(AIFlag.created_at >= since)
    rows = session.exec(statement).all()
    pairs = Counter((target, reason) for target, reason, _ in rows)
    return {
        "total": len(rows),
        "open": sum(1 for *_, resolution in rows if not resolution),
        "by_target": {t: sum(pairs[(t, r)] for r in REASONS) for t in TARGET_TYPES},
        "by_reason": {r: sum(pairs[(t, r)] for t in TARGET_TYPES) for r in REASONS},
        "by_target_and_reason": {t: {r: pairs[(t, r)] for r in REASONS} for t in TARGET_TYPES},
    }


@dataclass
class FlagCountRow:
    """One output type's flags in the reports table."""

    # "Interview evaluation", ...
    output: str
    wrong: int
    unfair: int
    made_up: int
    total: int


def flag_count_rows(counts: dict) -> list[FlagCountRow]:
    """`flag_counts` as one row per output type, for the reports page."""
    return [FlagCountRow(output=TARGET_LABELS[target], **counts["by_target_and_reason"][target],
                         total=counts["by_target"][target]) for target in TARGET_TYPES]


def rerun_evaluation(*, session: Session, evaluation_id: int, actor: User) -> Evaluation:
    """Supersede an evaluation and queue one new engine run of the same interview; its open
    flags are resolved as "re-run". The evaluation queue (or the caller) runs it."""
    old = _current_evaluation_or_raise(session, evaluation_id)
    if old.status in ("queued", "running"):
        raise FlagRefused("This interview is already being evaluated.")
    new = Evaluation(status="queued", link_id=old.link_id, application_id=old.application_id,
                     source="engine")
    old.status = "superseded"
    session.add_all([old, new])
    session.flush()
    resolved = _resolve_evaluation_flags(session, old.link_id, "re-run")
    record_event(session=session, action="evaluation.rerun_requested", actor=actor,
                 entity_type="application", entity_id=old.application_id,
                 before={"evaluation_id": old.id, "score": old.score},
                 after={"evaluation_id": new.id, "status": "queued", "flags_resolved": resolved},
                 note="Evaluation queued to run again")
    session.commit()
    return new


def set_human_score(*, session: Session, evaluation_id: int, score: float, note: str,
                    actor: User) -> Evaluation:
    """Replace an evaluation with a score HR entered (0-100, with why); the application's
    interview score follows, its open flags are resolved and the decision is recomputed."""
    score = _check_score(score)
    note = (note or "").strip()
    if not note:
        raise FlagRefused("Write why you are entering this score.")
    if len(note) > MAX_NOTE_CHARS:
        raise FlagRefused(f"The note is longer than {MAX_NOTE_CHARS} characters.")
    old = _current_evaluation_or_raise(session, evaluation_id)
    if old.status == "running":
        raise FlagRefused("The engine is evaluating this interview right now; try again when "
                          "it has finished.")
    application = session.get(Application, old.application_id)
    before = {"evaluation_id": old.id, "interview_score": application.interview_score}
    # A queued re-run is superseded too, so the queue never overwrites the person's score.
    old.status = "superseded"
    human = Evaluation(status="ok", source="human", score=score, summary=note,
                       link_id=old.link_id, application_id=old.application_id,
                       preferred_slot_text=old.preferred_slot_text,
                       result={"entered_by": actor.email, "replaces_evaluation_id": old.id})
    application.interview_score = score
    application.updated_at = application.last_activity_at = utcnow()
    session.add_all([old, human, application])
    session.flush()
    resolved = _resolve_evaluation_flags(session, old.link_id, f"human score {score:g}")
    record_event(session=session, action="evaluation.human_score", actor=actor,
                 entity_type="application", entity_id=application.id, before=before,
                 after={"evaluation_id": human.id, "interview_score": score,
                        "flags_resolved": resolved}, note=note)
    try:
        record_decision(session=session, application_id=application.id, actor=actor)
    except DecisionNotReady:
        pass  # no resume score yet: the decision is made once there is one
    session.commit()  # the score and the decision it leads to, together
    return human


def _current_evaluation_or_raise(session: Session, evaluation_id: int) -> Evaluation:
    evaluation = session.get(Evaluation, int(evaluation_id))
    if evaluation is None or evaluation.link_id is None:
        raise FlagRefused("That evaluation does not exist.")
    newest = session.exec(select(Evaluation.id).where(Evaluation.link_id == evaluation.link_id)
                          .order_by(Evaluation.id.desc()).limit(1)).first()
    if newest != evaluation.id or evaluation.status == "superseded":
        raise FlagRefused("That evaluation has been replaced; reload the page.")
    return evaluation


def _resolve_evaluation_flags(session: Session, link_id: int, resolution: str) -> int:
    """Close the open flags on every evaluation of the interview; how many were open."""
    evaluation_ids = select(Evaluation.id).where(Evaluation.link_id == link_id)
    flags = session.exec(select(AIFlag).where(AIFlag.target_type == "evaluation",
                                              AIFlag.target_id.in_(evaluation_ids),
                                              AIFlag.resolution == "")).all()
    now = utcnow()
    for flag in flags:
        flag.resolution, flag.resolved_at = resolution, now
        session.add(flag)
    return len(flags)


def _check_score(score: object) -> float:
    try:
        value = float(str(score).strip())
    except (TypeError, ValueError):
        raise FlagRefused("The score must be a number from 0 to 100.") from None
    if not math.isfinite(value) or not 0 <= value <= 100:
        raise FlagRefused("The score must be a number from 0 to 100.")
    return round(value, 1)


def _name(user: User | None) -> str:
    if user is None:
        return "unknown"
    return user.full_name or user.email


def _when(moment: datetime | None) -> str:
    return format_local(moment)
