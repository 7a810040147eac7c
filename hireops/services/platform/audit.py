"""The audit log: one function builds every event, so nothing is recorded two ways."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert
from sqlmodel import Session

from hireops.models import Event, User, utcnow


def event_values(
    *,
    action: str,
    actor: User | None = None,
    actor_label: str | None = None,
    entity_type: str = "",
    entity_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    note: str = "",
) -> dict[str, Any]:
    """The columns of one audit event, stamped with the current time."""
    return {
        "at": utcnow(),
        "action": action,
        "actor_user_id": actor.id if actor else None,
        "actor_label": actor_label or (actor.email if actor else "system"),
        "entity_type": entity_type,
        "entity_id": entity_id,
        "before": _jsonable(before or {}),
        "after": _jsonable(after or {}),
        "note": note,
    }


def record_event(*, session: Session, **fields: Any) -> Event:
    """Add an audit event to the session (the caller's commit makes it durable with the change);
    `fields` as `event_values`."""
    event = Event(**event_values(**fields))
    session.add(event)
    return event


class PendingEvents:
    """Audit events about rows that may get their ids only later (a batch inserts its new rows
    together), kept in the order they happened and written in one statement."""

    def __init__(self) -> None:
        # (the row the event is about, its columns); the row's id is read when written
        self._events: list[tuple[Any, dict[str, Any]]] = []

    def add(self, *, entity: Any, **fields: Any) -> None:
        """Queue an event about `entity` (anything with an `id`); `fields` as `event_values`."""
        self._events.append((entity, event_values(**fields)))

    @staticmethod
    def write(*, session: Session, pending: list[PendingEvents]) -> None:
        """Insert the queued events of `pending`, in order (the caller commits)."""
        rows = [{**values, "entity_id": entity.id}
                for events in pending for entity, values in events._events]
        if rows:
            session.execute(insert(Event), rows)
        for events in pending:
            events._events.clear()


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
