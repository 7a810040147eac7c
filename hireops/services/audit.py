"""The audit log: one function writes every event, so nothing is recorded two ways."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from hireops.models import Event, User


def record_event(
    *,
    session: Session,
    action: str,
    actor: User | None = None,
    actor_label: str | None = None,
    entity_type: str = "",
    entity_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    note: str = "",
) -> Event:
    """Add an audit event to the session (the caller's commit makes it durable with the change)."""
    event = Event(
        action=action,
        actor_user_id=actor.id if actor else None,
        actor_label=actor_label or (actor.email if actor else "system"),
        entity_type=entity_type,
        entity_id=entity_id,
        before=_jsonable(before or {}),
        after=_jsonable(after or {}),
        note=note,
    )
    session.add(event)
    return event


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict, dict]:
    """Only the keys whose values differ, for a compact before/after pair."""
    keys = [key for key in after if before.get(key) != after.get(key)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        elif hasattr(value, "value") and not isinstance(value, (int, float, str)):
            value = value.value
        out[key] = value
    return out
