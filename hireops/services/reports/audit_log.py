"""Reading the audit log: filtered, paged and exported (the writing side is services.platform.audit)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session, select

from hireops.models import Event
from hireops.services.reports.audit_sentences import ChangeRow, EventWords, describe_events, kind_label
from hireops.services.platform.clock import day_bounds, format_local
from hireops.services.candidates.export import table_csv
from hireops.services.privacy.hidden_events import ShownEvent, shown_events
from hireops.services.platform.labels import actor_label, entity_label

_EXPORT_SLICE = 500
CSV_HEADERS = ["When", "Who", "What happened", "Event kind", "Record", "Record id", "Before",
               "After", "Note"]


@dataclass(frozen=True)
class AuditFilter:
    """Which events to show; empty fields do not filter."""

    # Exact action, e.g. "decision.overridden".
    action: str = ""
    # Part of the actor's label (an email, "system", "scheduler"), any case.
    actor: str = ""
    entity_type: str = ""
    entity_id: int | None = None
    # First and last day (in the company's time zone), inclusive.
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    # "7 Dec 2026, 14:05 CET" (services.platform.clock).
    at: str
    # Who did it, in words ("HireOps", "The inbox", a user's email).
    actor: str
    # The event kind as stored ("application.stage_changed") and in words.
    action: str
    action_label: str
    # The sentence: lead + link_text (to link_href, "" for no page) + tail.
    lead: str
    link_text: str
    link_href: str
    tail: str
    # What changed, field by field, in words; has_before is False for an event that only
    # records new values (a creation), shown as one value column.
    changes: list[ChangeRow]
    has_before: bool
    entity_type: str
    # "" when the event is about no single record.
    entity_id: str
    # The before and after values as compact JSON (the CSV export keeps them exact).
    before: str
    after: str
    note: str


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    total: int
    page: int
    pages: int


def list_events(*, session: Session, audit: AuditFilter, page: int = 1,
                page_size: int = 50) -> AuditPage:
    """One page of matching events, newest first."""
    conditions = _conditions(audit)
    total = int(session.exec(select(func.count()).select_from(Event).where(*conditions)).one())
    pages = max(1, math.ceil(total / page_size))
    page = min(max(1, page), pages)
    events = list(session.exec(select(Event).where(*conditions).order_by(Event.id.desc())
                               .offset((page - 1) * page_size).limit(page_size)).all())
    return AuditPage(_rows(session, events), total, page, pages)


def export_query(audit: AuditFilter) -> str:
    """`audit` as the audit log export's address takes it (`api/export_routes.py`): its set
    fields, days in ISO form."""
    fields = (("action", audit.action), ("actor", audit.actor),
              ("entity_type", audit.entity_type), ("entity_id", audit.entity_id),
              ("date_from", audit.date_from and audit.date_from.isoformat()),
              ("date_to", audit.date_to and audit.date_to.isoformat()))
    return urlencode({name: value for name, value in fields if value})


def export_events_csv(*, session: Session, audit: AuditFilter) -> bytes:
    """Every matching event as a spreadsheet-safe CSV, newest first."""
    events = list(session.exec(select(Event).where(*_conditions(audit))
                               .order_by(Event.id.desc())).all())
    # In slices, so looking up whom the events concern stays within the database's limits.
    rows = [row for start in range(0, len(events), _EXPORT_SLICE)
            for row in _rows(session, events[start:start + _EXPORT_SLICE])]
    return table_csv(CSV_HEADERS, ([r.at, r.actor, r.lead + r.link_text + r.tail, r.action,
                                    entity_label(r.entity_type), r.entity_id, r.before, r.after,
                                    r.note] for r in rows))


def audit_choices(*, session: Session) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The event kinds and record kinds present in the log, as (code, words) for the filter
    menus, in the order of their words."""
    actions = session.exec(select(Event.action).distinct()).all()
    types = session.exec(select(Event.entity_type).where(Event.entity_type != "")
                         .distinct()).all()
    return (sorted(((a, kind_label(a)) for a in actions), key=lambda pair: pair[1]),
            sorted(((t, entity_label(t)) for t in types), key=lambda pair: pair[1]))


def _conditions(audit: AuditFilter) -> list[sa.ColumnElement[bool]]:
    conditions = []
    if audit.action:
        conditions.append(Event.action == audit.action)
    if audit.actor.strip():
        conditions.append(func.lower(Event.actor_label).contains(audit.actor.strip().lower(),
                                                                 autoescape=True))
    if audit.entity_type:
        conditions.append(Event.entity_type == audit.entity_type)
    if audit.entity_id is not None:
        conditions.append(Event.entity_id == audit.entity_id)
    if audit.date_from is not None:
        conditions.append(Event.at >= day_bounds(audit.date_from)[0])
    if audit.date_to is not None:
        conditions.append(Event.at < day_bounds(audit.date_to)[1])
    return conditions


def _rows(session: Session, events: list[Event]) -> list[AuditRow]:
    # Blind screening hides a candidate's identity here too, until HR reveals it.
    shown = shown_events(session=session, events=events)
    words = describe_events(session=session, events=events, shown=shown)
    return [_row(event, shown[event.id], words[event.id]) for event in events]


def _row(event: Event, shown: ShownEvent, words: EventWords) -> AuditRow:
    return AuditRow(id=event.id, at=format_local(event.at),
                    actor=actor_label(event.actor_label), action=event.action,
                    action_label=kind_label(event.action), lead=words.lead,
                    link_text=words.link_text, link_href=words.link_href, tail=words.tail,
                    changes=words.changes,
                    has_before=any(change.before for change in words.changes),
                    entity_type=event.entity_type,
                    entity_id="" if event.entity_id is None else str(event.entity_id),
                    before=_json(shown.before), after=_json(shown.after), note=shown.note)


def _json(values: dict) -> str:
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=str) if values else ""
