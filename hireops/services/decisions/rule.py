"""The decision rule: one function turns a resume score and an interview score into advance, hold,
reject or pending. Every report, tracker column and email calls `decide`, so they cannot disagree
(the original weighted 0.4/0.6 in decisions and 0.6/0.4 in reports).

Stored decisions (`record_decision`) keep their inputs, thresholds and rule version, and say
whether a person still has to look at them:

- `Decision.status == "pending_hr"`: a proposal waiting for HR. Every hold, every reject of a job
  without `auto_reject`, and every advance of a job without `auto_advance`.
- `"confirmed"`: applied without a person, because the job allows it (`auto_reject` /
  `auto_advance`).
- `"overridden"`: a person's decision (`override_decision`), with who and why.

The newest `Decision` row of an application is its current one (the dashboard counts those
waiting for HR the same way).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Literal

from sqlmodel import Session, select

from hireops.config import (
    DEFAULT_INTERVIEW_MIN,
    DEFAULT_INTERVIEW_WEIGHT,
    DEFAULT_REJECT_BELOW,
    DEFAULT_RESUME_MIN,
    DEFAULT_RESUME_WEIGHT,
)
from hireops.models import Application, Decision, Job, User, utcnow
from hireops.models import DecisionOutcome as StoredOutcome
from hireops.services.platform.audit import record_event
from hireops.services.interviews.scorecards import scorecard_score

RULE_VERSION = "decision-v1"
# The audit actions of a decision's status changed without a new decision (`flow.py` writes
# them; the reports' data version reads them: time to decision counts only decided ones).
NEEDS_HR_ACTION = "decision.needs_hr"
CONFIRMED_ACTION = "decision.confirmed"
# Weights are typed by people in the job editor; this is what "sums to 1" tolerates.
_WEIGHT_TOLERANCE = 1e-6

Verdict = Literal["advance", "hold", "reject", "pending"]


class InvalidThresholds(ValueError):
    """Thresholds or weights that cannot produce a sensible decision."""


class InvalidScore(ValueError):
    """A score outside 0-100 (or not a number)."""


class ApplicationNotFound(LookupError):
    """No application with the given id."""


class DecisionNotReady(ValueError):
    """The application lacks a score the rule needs, so there is nothing to decide yet."""


@dataclass(frozen=True)
class DecisionThresholds:
    """A job's decision thresholds (scores 0-100) and the weights of the final score."""

    # Advance needs at least this resume score...
    resume_min: float = DEFAULT_RESUME_MIN
    # ...and at least this interview score.
    interview_min: float = DEFAULT_INTERVIEW_MIN
    # A final score below this is a reject (unless both minimums are met).
    reject_below: float = DEFAULT_REJECT_BELOW
    # final = resume_weight * resume + interview_weight * interview; the weights sum to 1.
    resume_weight: float = DEFAULT_RESUME_WEIGHT
    interview_weight: float = DEFAULT_INTERVIEW_WEIGHT
    # Share of the interviewers' mean scorecard rating (0-100) in the final score, blended
    # over the resume-and-interview score; 0 leaves scorecards out.
    scorecard_weight: float = 0.0

    def __post_init__(self) -> None:
        for name in ("resume_min", "interview_min", "reject_below"):
            value = getattr(self, name)
            if not _is_number(value) or not 0 <= value <= 100:
                raise InvalidThresholds(f"{name} must be between 0 and 100, got {value!r}")
        for name in ("resume_weight", "interview_weight", "scorecard_weight"):
            value = getattr(self, name)
            if not _is_number(value) or not 0 <= value <= 1:
                raise InvalidThresholds(f"{name} must be between 0 and 1, got {value!r}")
        total = self.resume_weight + self.interview_weight
        if abs(total - 1) > _WEIGHT_TOLERANCE:
            raise InvalidThresholds(
                f"resume_weight + interview_weight must equal 1, got {self.resume_weight} + "
                f"{self.interview_weight} = {total:g}")


@dataclass(frozen=True)
class DecisionOutcome:
    """What the rule decided, the final score it used and why, in words HR can read."""

    decision: Verdict
    # Rounded to one decimal; None while pending.
    final_score: float | None
    reasons: list[str] = field(default_factory=list)
    version: str = RULE_VERSION


def decide(*, resume_score: float | None, interview_score: float | None,
           thresholds: DecisionThresholds,
           scorecard_score: float | None = None) -> DecisionOutcome:
    """Apply the decision rule; pending when a score is missing. `scorecard_score` (the
    interviewers' mean rating on 0-100) counts only when the job gives scorecards a weight."""
    missing = [label for label, score in (("resume", resume_score),
                                          ("interview", interview_score)) if score is None]
    if missing:
        return DecisionOutcome("pending", None, [f"No {label} score yet" for label in missing])
    _check_score("resume_score", resume_score)
    _check_score("interview_score", interview_score)
    t = thresholds
    final = final_score(resume_score=resume_score, interview_score=interview_score,
                        thresholds=t)
    formula = (f"Final {_num(final)} = {_num(t.resume_weight)} × resume {_num(resume_score)} + "
               f"{_num(t.interview_weight)} × interview {_num(interview_score)}")
    if t.scorecard_weight > 0 and scorecard_score is not None:
        _check_score("scorecard_score", scorecard_score)
        final, formula = blend_scorecards(final, scorecard_score, t.scorecard_weight)
    resume_ok, interview_ok = resume_score >= t.resume_min, interview_score >= t.interview_min
    if resume_ok and interview_ok:
        return DecisionOutcome("advance", final, [
            f"Resume {_num(resume_score)} ≥ {_num(t.resume_min)} and interview "
            f"{_num(interview_score)} ≥ {_num(t.interview_min)}", formula])
    misses = _misses(resume_score, interview_score, t)
    if final < t.reject_below:
        return DecisionOutcome("reject", final, [
            f"Final {_num(final)} < {_num(t.reject_below)} (reject below)", *misses, formula])
    return DecisionOutcome("hold", final, [
        *misses, f"Final {_num(final)} ≥ {_num(t.reject_below)}, so not a reject: HR decides",
        formula])


def final_score(*, resume_score: float, interview_score: float,
                thresholds: DecisionThresholds) -> float:
    """The weighted final score the rule compares (reports rank 50,000 applications by it
    without writing each one's reasons)."""
    # Rounded before comparing, so the number HR sees is the number the rule used
    # (49.96 shows as 50.0 and is not a reject).
    return round(thresholds.resume_weight * resume_score
                 + thresholds.interview_weight * interview_score, 1)


def blend_scorecards(final: float, scorecard_score: float, weight: float) -> tuple[float, str]:
    """The final score with the interviewers' scorecards blended in, and the sum in words."""
    blended = round((1 - weight) * final + weight * scorecard_score, 1)
    return blended, (f"Final {_num(blended)} = {_num(round(1 - weight, 4))} × resume and "
                     f"interview {_num(final)} + {_num(weight)} × interviewer scorecards "
                     f"{_num(scorecard_score)}")


def thresholds_for_job(job: Job) -> DecisionThresholds:
    """The thresholds and weights set on a job."""
    return DecisionThresholds(resume_min=job.resume_min, interview_min=job.interview_min,
                              reject_below=job.reject_below, resume_weight=job.resume_weight,
                              interview_weight=job.interview_weight,
                              scorecard_weight=job.scorecard_weight or 0.0)


def get_application_or_raise(*, session: Session, application_id: int) -> Application:
    """The application, or ApplicationNotFound."""
    application = session.get(Application, application_id)
    if application is None:
        raise ApplicationNotFound(f"no application with id {application_id}")
    return application


def get_current_decision(*, session: Session, application_id: int) -> Decision | None:
    """The application's newest decision row, if any."""
    return session.exec(select(Decision).where(Decision.application_id == application_id)
                        .order_by(Decision.id.desc()).limit(1)).first()


def record_decision(*, session: Session, application_id: int,
                    actor: User | None = None) -> Decision:
    """Decide from the application's scores and its job's thresholds, store and audit it.

    Flushes, does not commit: the caller records the decision with what it acts on (auto-advance,
    auto-reject, a human score) and commits the whole."""
    application = get_application_or_raise(session=session, application_id=application_id)
    job = session.get(Job, application.job_id)
    thresholds = thresholds_for_job(job)
    scorecards = scorecard_score(session=session, application_id=application_id)
    outcome = decide(resume_score=application.resume_score,
                     interview_score=application.interview_score, thresholds=thresholds,
                     scorecard_score=scorecards)
    if outcome.decision == "pending":
        # Decision.outcome has no "pending": a row would claim a decision nobody could make.
        raise DecisionNotReady(f"application {application_id}: {'; '.join(outcome.reasons)}")
    before = _application_snapshot(application)
    decision = Decision(
        application_id=application_id, outcome=StoredOutcome(outcome.decision),
        resume_score=application.resume_score, interview_score=application.interview_score,
        final_score=outcome.final_score, rule_version=outcome.version,
        inputs={"thresholds": asdict(thresholds), "reasons": outcome.reasons,
                "job_id": job.id, "job_version": job.version,
                "scorecard_score": scorecards if thresholds.scorecard_weight > 0 else None},
        status=_initial_status(outcome.decision, job), reason="; ".join(outcome.reasons),
        decided_by_id=actor.id if actor else None)
    application.final_score, application.decision = outcome.final_score, outcome.decision
    return _store_decision(session, application, decision, action="decision.recorded",
                           actor=actor, before=before, note="; ".join(outcome.reasons),
                           audited={"rule_version": RULE_VERSION})


def override_decision(*, session: Session, application_id: int, decision: str, reason: str,
                      actor: User) -> Decision:
    """A person sets the decision (advance, hold or reject); the reason is required.

    Flushes, does not commit: it is one step of HR's action (approve, reject, override), and
    that action's caller commits the whole of it."""
    verdict = _stored_outcome(decision)
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("an override needs a reason")
    if actor is None:
        raise ValueError("an override needs the person making it")
    application = get_application_or_raise(session=session, application_id=application_id)
    current = get_current_decision(session=session, application_id=application_id)
    before = {**_application_snapshot(application),
              "decision_status": current.status if current else ""}
    row = Decision(
        application_id=application_id, outcome=verdict,
        resume_score=application.resume_score, interview_score=application.interview_score,
        final_score=application.final_score, rule_version=RULE_VERSION,
        inputs={"replaces_decision_id": current.id if current else None,
                "computed_outcome": _outcome_value(current) if current else None},
        status="overridden", is_override=True, reason=reason, decided_by_id=actor.id)
    application.decision = verdict.value
    return _store_decision(session, application, row, action="decision.overridden",
                           actor=actor, before=before, note=reason)


def _store_decision(session: Session, application: Application, decision: Decision, *,
                    action: str, actor: User | None, before: dict, note: str,
                    audited: dict | None = None) -> Decision:
    """Add the decision with the application it changed, flush, and audit both; `audited`
    adds to what the event records after the change."""
    application.updated_at = application.last_activity_at = utcnow()
    session.add_all([decision, application])
    session.flush()
    record_event(session=session, action=action, actor=actor, entity_type="application",
                 entity_id=application.id, before=before,
                 after={**_application_snapshot(application), "decision_id": decision.id,
                        "decision_status": decision.status, **(audited or {})},
                 note=note)
    return decision


def _initial_status(verdict: str, job: Job) -> str:
    # Auto-rejection without review was a defect of the original: only a job's opt-in skips HR.
    if verdict == "reject" and job.auto_reject:
        return "confirmed"
    if verdict == "advance" and job.auto_advance:
        return "confirmed"
    return "pending_hr"


def _misses(resume: float, interview: float, t: DecisionThresholds) -> list[str]:
    misses = []
    if resume < t.resume_min:
        misses.append(f"Resume {_num(resume)} < {_num(t.resume_min)}")
    if interview < t.interview_min:
        misses.append(f"Interview {_num(interview)} < {_num(t.interview_min)}")
    return misses


def _stored_outcome(decision: str) -> StoredOutcome:
    try:
        return StoredOutcome(decision)
    except ValueError:
        choices = ", ".join(o.value for o in StoredOutcome)
        raise ValueError(f"decision must be one of {choices}, got {decision!r}") from None


def _outcome_value(decision: Decision) -> str:
    return StoredOutcome(decision.outcome).value


def _application_snapshot(application: Application) -> dict:
    return {"decision": application.decision, "final_score": application.final_score}


def _check_score(name: str, value: float) -> None:
    if not _is_number(value) or not 0 <= value <= 100:
        raise InvalidScore(f"{name} must be between 0 and 100, got {value!r}")


def _is_number(value: object) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)
            and math.isfinite(value))


def _num(value: float) -> str:
    """82.0 -> "82", 79.9 -> "79.9": how HR writes scores."""
    return f"{value:g}"
