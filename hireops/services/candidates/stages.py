"""Stage moves: the one place an application's stage changes.

Every move, by a person or by the pipeline itself, leaves one `application.stage_changed`
event with the stage before and after. Those events are the stage history the reports read
(funnel, time in stage), so a move made without one would count a stay against the wrong stage.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from hireops.models import Application, Stage, User, utcnow
from hireops.services.platform.audit import record_event

STAGE_CHANGED = "application.stage_changed"
# A stage HR added to a job has a key with this start (services.jobs.job_stages makes them).
CUSTOM_STAGE_PREFIX = "custom_"
# Where each stage (by value) stands in the flow, the Stage order; the tracker sorts by it.
# "rejected" is last, so nothing moves forward out of it, nor out of "shortlisted" into an
# earlier step.
STAGE_POSITION = {stage.value: position for position, stage in enumerate(Stage)}
# A job's own stages sit in the human part of the flow, after "shortlisted" and before
# "offer", whatever their order within the job; the pipeline never moves anything out of them.
CUSTOM_STAGE_POSITION = STAGE_POSITION[Stage.shortlisted.value] + 0.5


def is_custom_stage(stage: Stage | str) -> bool:
    """True for the key of a stage HR added to a job (not a built-in Stage)."""
    value = stage.value if isinstance(stage, Stage) else str(stage)
    return value.startswith(CUSTOM_STAGE_PREFIX)


def stage_value(stage: Stage | str) -> str:
    """The stored value of `stage`: a Stage value or a custom key; ValueError for anything
    else (a typo must not become a stage nobody can see)."""
    value = stage.value if isinstance(stage, Stage) else str(stage)
    if value in STAGE_POSITION or (is_custom_stage(value) and len(value) <= 30):
        return value
    raise ValueError(f"Unknown stage {value!r}.")


def stage_position(stage: Stage | str) -> float:
    """Where `stage` stands in the flow (custom stages all share one place)."""
    value = stage_value(stage)
    return CUSTOM_STAGE_POSITION if is_custom_stage(value) else STAGE_POSITION[value]


def comes_before(current: Stage | str, target: Stage | str) -> bool:
    """True when `current` is an earlier step of the flow than `target`."""
    return stage_position(current) < stage_position(target)


def move_application(application: Application, stage: Stage | str, *, reason: str = "",
                     extra_after: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """Move `application` to `stage` in memory; the audit fields of the move (all but the
    actor and the entity id), or None when it is in `stage` already."""
    stage = stage_value(stage)
    current = stage_value(application.stage)
    if current == stage:
        return None
    before = {"stage": current, "rejection_reason": application.rejection_reason}
    application.stage = stage
    # The reason belongs to the rejection; a later move keeps it only in the audit log.
    application.rejection_reason = reason if stage == Stage.rejected.value else ""
    now = utcnow()
    # Time to hire counts to the last move into Hired; moving out of it (a mistake undone)
    # takes the application out of the hires.
    application.hired_at = now if stage == Stage.hired.value else None
    application.updated_at = application.last_activity_at = now
    return {"action": STAGE_CHANGED, "entity_type": "application", "before": before,
            "after": {"stage": stage, "rejection_reason": application.rejection_reason,
                      **(extra_after or {})},
            "note": reason}


def change_stage(*, session: Session, application: Application, stage: Stage | str,
                 actor: User | None = None, actor_label: str | None = None, reason: str = "",
                 extra_after: dict[str, Any] | None = None) -> bool:
    """Move `application` to `stage` with one audit event (the caller commits); False, and
    nothing recorded, when it is in `stage` already."""
    fields = move_application(application, stage, reason=reason, extra_after=extra_after)
    if fields is None:
        return False
    session.add(application)
    record_event(session=session, actor=actor, actor_label=actor_label,
                 entity_id=application.id, **fields)
    return True


def advance_stage(*, session: Session, application: Application, stage: Stage,
                  actor: User | None = None, actor_label: str | None = None, reason: str = "",
                  extra_after: dict[str, Any] | None = None) -> bool:
    """`change_stage` for the pipeline's own moves: only forward along the flow, so an
    application already further on (or shortlisted, or rejected) stays where it is."""
    if not comes_before(application.stage, stage):
        return False
    return change_stage(session=session, application=application, stage=stage, actor=actor,
                        actor_label=actor_label, reason=reason, extra_after=extra_after)
