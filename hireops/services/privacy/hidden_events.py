"""Audit events about a candidate whose identity blind screening hides, shown without it.

The audit log page, its CSV export and the API's /events read the same events; an event about
an application, an email or an interview link is as much about its candidate as one filed
under the candidate (an outbox event keeps the address it sent to in "to", a merge keeps the
merged contact details).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from hireops.models import Application, Candidate, Email, Event, InterviewLink, OutboxMessage
from hireops.services.privacy.blind_screening import hidden_candidate_ids, redact_for
from hireops.services.privacy.redaction import redact_resume

HIDDEN = "[hidden]"
# Keys whose value is the person's identity, whatever it holds.
IDENTITY_KEYS = frozenset({
    "full_name", "name", "candidate_name", "email", "email_normalized", "phone",
    "phone_normalized", "phone_tail", "linkedin_url", "github_url", "location", "to",
    "to_address", "from", "from_address", "from_name", "subject", "detected_name",
})


@dataclass(frozen=True)
class ShownEvent:
    """What may be shown of an event: its values, without a hidden person's identity."""

    before: dict[str, Any]
    after: dict[str, Any]
    note: str
    # The event concerns a candidate whose identity is hidden.
    hides_identity: bool


def shown_events(*, session: Session, events: list[Event],
                 honour_reveals: bool = True) -> dict[int, ShownEvent]:
    """Each event (by id) as it may be shown."""
    about = _candidates_of(session, events)
    hidden_ids = hidden_candidate_ids(session=session, candidate_ids=list(set(about.values())),
                                      honour_reveals=honour_reveals)
    people = {c.id: c for c in session.exec(
        select(Candidate).where(Candidate.id.in_(hidden_ids))).all()} if hidden_ids else {}
    shown = {}
    for event in events:
        person = people.get(about.get(event.id, 0))
        if person is None:
            shown[event.id] = ShownEvent(dict(event.before or {}), dict(event.after or {}),
                                         event.note, False)
        else:
            shown[event.id] = ShownEvent(_scrubbed(person, event.before or {}),
                                         _scrubbed(person, event.after or {}),
                                         redact_for(person, event.note), True)
    return shown


def _candidates_of(session: Session, events: list[Event]) -> dict[int, int]:
    """The candidate each event concerns, by event id (events about no candidate left out)."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for event in events:
        if event.entity_id:
            wanted[event.entity_type].add(event.entity_id)
    owners: dict[str, dict[int, int]] = {"candidate": {i: i for i in wanted["candidate"]}}
    lookups = {
        "application": select(Application.id, Application.candidate_id)
        .where(Application.id.in_(wanted["application"])),
        "email": select(Email.id, Email.candidate_id).where(Email.id.in_(wanted["email"])),
        "interview_link": select(InterviewLink.id, Application.candidate_id)
        .join(Application, Application.id == InterviewLink.application_id)
        .where(InterviewLink.id.in_(wanted["interview_link"])),
        "outbox": select(OutboxMessage.id, Application.candidate_id)
        .join(Application, Application.id == OutboxMessage.application_id)
        .where(OutboxMessage.id.in_(wanted["outbox"])),
    }
    for entity_type, query in lookups.items():
        if wanted[entity_type]:
            owners[entity_type] = {k: v for k, v in session.exec(query).all() if v}
    return {event.id: owners[event.entity_type][event.entity_id] for event in events
            if event.entity_id in owners.get(event.entity_type, {})}


def _scrubbed(person: Candidate, value: Any, key: str = "") -> Any:
    """`value` with identity keys hidden and the person's details taken out of every text."""
    if key in IDENTITY_KEYS and value:
        return HIDDEN if isinstance(value, str) else _scrubbed(person, value)
    if isinstance(value, dict):
        return {k: _scrubbed(person, v, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrubbed(person, item) for item in value]
    if isinstance(value, str):
        return _scrub_text(person, value)
    return value


def _scrub_text(person: Candidate, text: str) -> str:
    # Dates and ids in event values must survive, so only what names the person is replaced.
    lowered = text.lower()
    for detail in (person.email, person.phone, person.full_name, person.linkedin_url,
                   person.github_url):
        if detail and detail.lower() in lowered:
            return redact_for(person, text)
    return redact_resume(text) if "@" in text else text
