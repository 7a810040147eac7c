"""Audit events in plain words: a sentence with a link to the record it is about, and a
before/after table of what changed ("Hannah moved Ada Lovelace (Backend Engineer) from Matched
to Interview link sent."). The sentences are data: knowledge/data/event_sentences.json.

A stage reads as the application's job names it (a talent-pool entry: as the company default
does), by the name it has now: the events store the stage keys only, so a stage renamed since
the move reads under its new name. The stages of every job on a page are read once.

Blind screening is respected: a candidate whose identity is hidden is named "Candidate #12"
here too, and the values come from `hidden_events.shown_events`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, select

from hireops import routes
from hireops.knowledge.loading import read_json
from hireops.models import Application, Candidate, Event, InterviewLink, Job, User
from hireops.services.jobs.job_stages import default_label, stage_label_map
from hireops.services.privacy.blind_screening import anonymous_name
from hireops.services.privacy.hidden_events import ShownEvent
from hireops.services.platform.labels import (
    actor_label, entity_label, field_label, stage_label, words_for,
)
from hireops.services.platform.value_words import value_label

SENTENCES_FILE = "event_sentences.json"
_PLACEHOLDER = re.compile(r"\{(who|subject|before\.\w+|after\.\w+)\}")
_MOST_CHANGES = 30
_LONGEST_NAME = 120


@dataclass(frozen=True)
class ChangeRow:
    """One recorded value: its field as the pages name it, before and after, in words."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class EventWords:
    """An event as a sentence around one link, and its values as a table."""

    # The sentence is lead + link_text + tail; link_href is "" when the record has no page.
    lead: str
    link_text: str
    link_href: str
    tail: str
    changes: list[ChangeRow] = field(default_factory=list)

    @property
    def sentence(self) -> str:
        return f"{self.lead}{self.link_text}{self.tail}"


@dataclass(frozen=True)
class _Subject:
    text: str
    href: str = ""
    # The event is about an application that still exists, and its job (None: the talent
    # pool), whose stage names the event's stages take.
    in_application: bool = False
    job_id: int | None = None


# A stage key -> its name for the event's application.
StageNamer = Callable[[str], str]


def sentences() -> dict[str, str]:
    """Every event kind's sentence template, by kind ("application.stage_changed")."""
    return {kind: text for kind, text in read_json(SENTENCES_FILE).items()
            if not kind.startswith("_")}


def kind_label(kind: str) -> str:
    """An event kind for the filter menu: "interview_link.revoked" -> "Interview link:
    revoked"."""
    entity, _, what = kind.partition(".")
    return f"{entity_label(entity) or words_for(entity)}: {words_for(what).lower()}" if what \
        else words_for(kind)


def describe_events(*, session: Session, events: list[Event],
                    shown: dict[int, ShownEvent]) -> dict[int, EventWords]:
    """Each event (by id) in words, as `shown` lets it be shown."""
    subjects = _subjects(session, events, shown)
    names = stage_label_map(session=session, job_ids={
        subject.job_id for subject in subjects.values() if subject.in_application})
    return {event.id: _words(event, shown[event.id], subjects[event.id],
                             _stage_namer(subjects[event.id], names))
            for event in events}


def _stage_namer(subject: _Subject,
                 names: dict[tuple[int | None, str], str]) -> StageNamer:
    if not subject.in_application:
        # The application is gone (erased): no job to ask, the built-in names.
        return stage_label
    # The events keep the stage keys, not the names they had then: a past move reads under
    # the name the stage has now.
    return lambda key: names.get((subject.job_id, key)) or default_label(key)


def _words(event: Event, shown: ShownEvent, subject: _Subject,
           stage_name: StageNamer) -> EventWords:
    template = sentences().get(event.action) or _fallback(event)
    values = {"who": actor_label(event.actor_label[:_LONGEST_NAME])}
    for match in _PLACEHOLDER.finditer(template):
        name = match[1]
        if "." in name:
            side, key = name.split(".", 1)
            source = shown.before if side == "before" else shown.after
            values[name] = _value_words(key, source.get(key), stage_name)
    lead, _, tail = template.partition("{subject}")
    fill = lambda text: _PLACEHOLDER.sub(lambda m: values.get(m[1], ""), text)  # noqa: E731
    return EventWords(lead=fill(lead), link_text=subject.text if "{subject}" in template else "",
                      link_href=subject.href if "{subject}" in template else "",
                      tail=fill(tail), changes=_changes(shown, stage_name))


def _fallback(event: Event) -> str:
    # A kind with no sentence yet (the coverage test stops that for kinds the code records):
    # still words, "Job step 9 (Backend Engineer) by HireOps."
    about = " ({subject})" if event.entity_id is not None else ""
    return f"{words_for(event.action.replace('.', ' '))}{about} by {{who}}."


def _changes(shown: ShownEvent, stage_name: StageNamer) -> list[ChangeRow]:
    keys = list(dict.fromkeys([*shown.before, *shown.after]))
    rows = []
    for key in keys[:_MOST_CHANGES]:
        before = _shown_value(key, shown.before, stage_name) if key in shown.before else ""
        after = _shown_value(key, shown.after, stage_name) if key in shown.after else ""
        rows.append(ChangeRow(field_label(key), before, after))
    return rows


def _shown_value(key: str, values: dict[str, Any], stage_name: StageNamer) -> str:
    value = values.get(key)
    if key.endswith("_id") and isinstance(value, int) and not isinstance(value, bool):
        return f"#{value}"
    return _value_words(key, value, stage_name)


def _value_words(key: str, value: Any, stage_name: StageNamer) -> str:
    if key == "stage" and isinstance(value, str) and value:
        return stage_name(value)
    return value_label(key, value)


# --- what each event is about ---------------------------------------------------------------


def _subjects(session: Session, events: list[Event],
              shown: dict[int, ShownEvent]) -> dict[int, _Subject]:
    wanted: dict[str, set[int]] = defaultdict(set)
    for event in events:
        if event.entity_id is not None:
            wanted[event.entity_type].add(event.entity_id)
    link_apps = {link_id: row[1] for link_id, row in _by_id(
        session, select(InterviewLink.id, InterviewLink.application_id), InterviewLink.id,
        wanted["interview_link"]).items()}
    applications = _applications(session, wanted["application"] | set(link_apps.values()))
    candidates = _by_id(session, select(Candidate.id, Candidate.full_name, Candidate.email),
                        Candidate.id, wanted["candidate"])
    jobs = _by_id(session, select(Job.id, Job.title), Job.id, wanted["job"])
    users = _by_id(session, select(User.id, User.email), User.id, wanted["user"])
    out = {}
    for event in events:
        hidden = shown[event.id].hides_identity
        entity, entity_id = event.entity_type, event.entity_id
        if entity == "interview_link":
            entity, entity_id = "application", link_apps.get(entity_id)
        if entity == "application" and entity_id in applications:
            candidate_id, name, title, job_id = applications[entity_id]
            out[event.id] = _Subject(f"{anonymous_name(candidate_id) if hidden else name} "
                                     f"({title})", f"{routes.CANDIDATE}?id={candidate_id}",
                                     in_application=True, job_id=job_id)
        elif entity == "candidate" and entity_id in candidates:
            _, full_name, email = candidates[entity_id]
            name = anonymous_name(entity_id) if hidden else (full_name or email)
            out[event.id] = _Subject(name[:_LONGEST_NAME], f"{routes.CANDIDATE}?id={entity_id}")
        elif entity == "job" and entity_id in jobs:
            out[event.id] = _Subject(jobs[entity_id][1][:_LONGEST_NAME],
                                     f"{routes.JOB_EDIT}?id={entity_id}")
        else:
            out[event.id] = _other_subject(event, shown[event.id], users)
    return out


def _other_subject(event: Event, shown: ShownEvent, users: dict[int, Any]) -> _Subject:
    entity, entity_id = event.entity_type, event.entity_id
    if entity == "user" and entity_id in users:
        return _Subject(users[entity_id][1], routes.SETTINGS)
    if entity == "setting":
        return _Subject("the settings", routes.SETTINGS)
    if entity == "api_token":
        name = shown.after.get("name") or shown.before.get("name") or f"#{entity_id}"
        return _Subject(str(name)[:_LONGEST_NAME], routes.SETTINGS_API)
    if entity == "email":
        return _Subject(f"received email #{entity_id}", routes.INBOX)
    if entity == "outbox":
        to = shown.after.get("to") or shown.before.get("to")
        return _Subject(str(to)[:_LONGEST_NAME] if to else f"outgoing email #{entity_id}")
    label = entity_label(entity) or "a record"
    # The record is gone (erased) or never had a page.
    return _Subject(f"{label.lower()} #{entity_id}" if entity_id is not None else label.lower())


def _by_id(session: Session, query, column, ids: set[int]) -> dict[int, Any]:
    """The rows of `query` whose `column` is in `ids`, by their first value."""
    if not ids:
        return {}
    return {row[0]: row for row in session.exec(query.where(column.in_(ids))).all()}


def _applications(session: Session,
                  ids: set[int]) -> dict[int, tuple[int, str, str, int | None]]:
    if not ids:
        return {}
    rows = session.exec(
        select(Application.id, Application.candidate_id, Candidate.full_name, Candidate.email,
               Job.title, Application.job_id)
        .join(Candidate, Candidate.id == Application.candidate_id)
        .outerjoin(Job, Job.id == Application.job_id)
        .where(Application.id.in_(ids))).all()
    return {app_id: (candidate_id, (name or email or "")[:_LONGEST_NAME],
                     (title or "Talent pool")[:_LONGEST_NAME], job_id)
            for app_id, candidate_id, name, email, title, job_id in rows}
