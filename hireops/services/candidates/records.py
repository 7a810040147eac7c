"""Candidates and applications from the inbox: one person is one candidate, whatever address
they write from, and one candidate has one application per job.

Dedupe order: the normalised email, then the normalised phone (the same number written with or
without its country code counts, see `services.candidates.contacts`). A candidate merged into another is
followed to the one that survived. Nothing is committed here: the caller commits the candidate,
the application and their audit events together.

A batch of messages is deduplicated in memory (`CandidateIndex`, `get_or_create_applications`):
one query loads what the batch can match, one insert writes what it creates, and each message
still sees the candidates and applications the messages before it created or filled in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from hireops.models import Application, Candidate, utcnow
from hireops.services.platform.audit import PendingEvents, changed_fields, record_event
from hireops.services.candidates.contacts import ContactInfo, normalize_email, normalize_phone
from hireops.services.text.language.detection import detect_language

MIN_PHONE_SUFFIX = 9  # a national number matches an international one on at least 9 digits
MAX_MERGE_HOPS = 20  # merged_into_id chains are short; a longer one is a cycle
# The PostgreSQL advisory lock key of candidate dedupe (any number no other code uses).
DEDUPE_LOCK_KEY = 0x4869_7265_4470_6564
# A new resume shorter than this share of the stored one is probably an email body or a cover
# letter, not a newer CV, so the stored text is kept.
KEEP_OLD_RESUME_BELOW = 0.5

_FILLABLE = ("full_name", "email", "email_normalized", "phone", "phone_normalized", "phone_tail",
             "linkedin_url", "github_url", "location")


def _surviving(*, session: Session, candidate: Candidate) -> Candidate:
    """The record `candidate` was merged into, following the chain to its end."""
    seen = {candidate.id}
    for _ in range(MAX_MERGE_HOPS):
        if candidate.merged_into_id is None:
            return candidate
        target = session.get(Candidate, candidate.merged_into_id)
        if target is None or target.id in seen:
            return candidate
        seen.add(target.id)
        candidate = target
    return candidate


def phone_tail(phone_normalized: str) -> str:
    """The indexed last digits of a normalised phone ("" when too short to match on)."""
    return phone_normalized[-MIN_PHONE_SUFFIX:] if len(phone_normalized) >= MIN_PHONE_SUFFIX else ""


def _lock_dedupe(session: Session) -> None:
    """Make a concurrent pass wait, until this transaction ends, before it reads candidates, so
    two passes never both create the same person between their lookup and their insert.

    PostgreSQL: a transaction-level advisory lock. SQLite allows one writer at a time and a
    transaction holds that lock from its first write, so the pending changes are written now.
    """
    session.flush()
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": DEDUPE_LOCK_KEY})


class CandidateIndex:
    """Candidates by normalised email, phone and phone tail, in memory: loaded in one query for
    the contacts of a batch, and kept current as the batch creates candidates and fills in
    their contact details. Lookups follow the stored id order; candidates created here (no id
    until the session is flushed) come after the stored ones, as their ids will."""

    def __init__(self, candidates: Iterable[Candidate] = ()) -> None:
        self._keyed: dict[tuple[str, str], list[Candidate]] = {}
        # id(candidate) -> (its place in id order, the candidate, kept alive so ids stay unique)
        self._order: dict[int, tuple[tuple[int, int], Candidate]] = {}
        for candidate in sorted(candidates, key=lambda c: c.id):
            self.add(candidate)

    @classmethod
    def load(cls, *, session: Session, contacts: Iterable[ContactInfo]) -> CandidateIndex:
        """The stored candidates any of `contacts` can match, read under the dedupe lock."""
        _lock_dedupe(session)
        emails, phones = set(), set()
        for contact in contacts:
            emails.add(normalize_email(contact.email))
            phones.add(normalize_phone(contact.phone))
        tails = {phone_tail(phone) for phone in phones}
        matches = [column.in_(sorted(values - {""})) for column, values in (
            (Candidate.email_normalized, emails), (Candidate.phone_normalized, phones),
            (Candidate.phone_tail, tails)) if values - {""}]
        if not matches:
            return cls()
        return cls(session.exec(select(Candidate).where(or_(*matches))))

    def add(self, candidate: Candidate) -> None:
        """Index a candidate under its current email, phone and tail (again after a change)."""
        place = (0, candidate.id) if candidate.id else (1, len(self._order))
        self._order.setdefault(id(candidate), (place, candidate))
        for kind, value in (("email", candidate.email_normalized),
                            ("phone", candidate.phone_normalized), ("tail", candidate.phone_tail)):
            if not value:
                continue
            same = self._keyed.setdefault((kind, value), [])
            if all(other is not candidate for other in same):
                same.append(candidate)
                same.sort(key=lambda c: self._order[id(c)][0])

    def find(self, *, session: Session, contact: ContactInfo) -> Candidate | None:
        """The surviving candidate with this email, else this phone, or None."""
        found = (self._first("email", normalize_email(contact.email))
                 or self._by_phone(normalize_phone(contact.phone)))
        return _surviving(session=session, candidate=found) if found else None

    def _by_phone(self, phone_normalized: str) -> Candidate | None:
        """Same digits, or one number the national form (a suffix) of the other."""
        exact = self._first("phone", phone_normalized)
        if exact is not None or len(phone_normalized) < MIN_PHONE_SUFFIX:
            return exact
        for candidate in self._keyed.get(("tail", phone_tail(phone_normalized)), ()):
            stored = candidate.phone_normalized
            if stored.endswith(phone_normalized) or phone_normalized.endswith(stored):
                return candidate
        return None

    def _first(self, kind: str, value: str) -> Candidate | None:
        same = self._keyed.get((kind, value)) if value else None
        return same[0] if same else None


def _contact_fields(contact: ContactInfo) -> dict[str, str]:
    return {
        "full_name": contact.name, "email": contact.email,
        "email_normalized": normalize_email(contact.email) if contact.email else "",
        "phone": contact.phone, "phone_normalized": normalize_phone(contact.phone),
        "phone_tail": phone_tail(normalize_phone(contact.phone)),
        "linkedin_url": contact.linkedin_url, "github_url": contact.github_url,
        "location": contact.location,
    }


def _create(*, session: Session, contact: ContactInfo, resume_text: str, source: str,
            resume_attachment_id: int | None, actor_label: str,
            events: PendingEvents, written_text: str = "") -> Candidate:
    # The candidate's own words first: a resume is often in English whatever they speak.
    candidate = Candidate(**_contact_fields(contact), resume_text=resume_text,
                          resume_attachment_id=resume_attachment_id, source=source,
                          language=detect_language(written_text, resume_text))
    session.add(candidate)
    events.add(entity=candidate, action="candidate.created", actor_label=actor_label,
               entity_type="candidate",
               after={"full_name": candidate.full_name, "email": candidate.email,
                      "phone": candidate.phone, "source": source,
                      "resume_chars": len(resume_text)})
    return candidate


def _resume_note(candidate: Candidate, resume_text: str,
                 resume_attachment_id: int | None) -> str:
    """Replace the stored resume with a newer one unless the newer one is much shorter."""
    old, new = candidate.resume_text or "", resume_text or ""
    if not new.strip() or new == old:
        return ""
    if old.strip() and len(new) < KEEP_OLD_RESUME_BELOW * len(old):
        return f"Kept the stored resume ({len(old)} chars); the new text is shorter ({len(new)})."
    candidate.resume_text = new
    if resume_attachment_id is not None:
        candidate.resume_attachment_id = resume_attachment_id
    if not old.strip():
        return f"Added resume text ({len(new)} chars)."
    return f"Replaced the resume with a newer one ({len(old)} -> {len(new)} chars)."


def _update(*, session: Session, candidate: Candidate, contact: ContactInfo, resume_text: str,
            resume_attachment_id: int | None, actor_label: str, events: PendingEvents) -> None:
    """Fill what the record lacks; never blank or overwrite what it has."""
    before = {name: getattr(candidate, name) for name in _FILLABLE}
    for name, value in _contact_fields(contact).items():
        if value and not getattr(candidate, name):
            setattr(candidate, name, value)
    notes = [_resume_note(candidate, resume_text, resume_attachment_id)]
    other_email = normalize_email(contact.email) if contact.email else ""
    if other_email and other_email != candidate.email_normalized:
        notes.append(f"Also writes from {contact.email}.")
    after = {name: getattr(candidate, name) for name in _FILLABLE}
    old, new = changed_fields(before, after)
    note = " ".join(n for n in notes if n)
    if not (old or new or note):
        return
    candidate.updated_at = utcnow()
    session.add(candidate)
    events.add(entity=candidate, action="candidate.updated", actor_label=actor_label,
               entity_type="candidate", before=old, after=new, note=note)


def find_or_create_candidate(*, session: Session, contact: ContactInfo, resume_text: str,
                             source: str, resume_attachment_id: int | None = None,
                             actor_label: str = "inbox",
                             written_text: str = "") -> tuple[Candidate, bool]:
    """The existing candidate for this email or phone, updated, or a new one; True if new.
    `written_text` (a mail body, a form's note) tells a new candidate's language."""
    events = PendingEvents()
    index = CandidateIndex.load(session=session, contacts=[contact])
    found = find_or_create_indexed(
        session=session, index=index, contact=contact, resume_text=resume_text, source=source,
        resume_attachment_id=resume_attachment_id, actor_label=actor_label, events=events,
        written_text=written_text)
    session.flush()
    PendingEvents.write(session=session, pending=[events])
    return found


def find_or_create_indexed(*, session: Session, index: CandidateIndex, contact: ContactInfo,
                           resume_text: str, source: str, resume_attachment_id: int | None,
                           actor_label: str, events: PendingEvents,
                           written_text: str = "") -> tuple[Candidate, bool]:
    """`find_or_create_candidate` for one message of a batch: looked up in `index` and kept
    there; nothing is flushed, and the audit events go to `events` (the caller flushes, then
    writes them)."""
    candidate = index.find(session=session, contact=contact)
    created = candidate is None
    if created:
        candidate = _create(session=session, contact=contact, resume_text=resume_text or "",
                            source=source, resume_attachment_id=resume_attachment_id,
                            actor_label=actor_label, events=events, written_text=written_text)
    else:
        _update(session=session, candidate=candidate, contact=contact, resume_text=resume_text,
                resume_attachment_id=resume_attachment_id, actor_label=actor_label,
                events=events)
    index.add(candidate)  # new, or maybe newly reachable by a filled-in email or phone
    return candidate, created


def _application(*, session: Session, candidate_id: int, job_id: int) -> Application | None:
    return session.exec(select(Application).where(Application.candidate_id == candidate_id,
                                                  Application.job_id == job_id)).first()


@dataclass(frozen=True)
class ApplicationRequest:
    """An application that should exist: candidate `candidate_id` applying to job `job_id`."""

    candidate_id: int
    job_id: int
    source: str
    source_email_id: int | None = None


def get_or_create_application(*, session: Session, candidate_id: int, job_id: int, source: str,
                              source_email_id: int | None = None,
                              actor_label: str = "inbox") -> tuple[Application, bool]:
    """The candidate's application to the job, created if missing; True if new."""
    request = ApplicationRequest(candidate_id, job_id, source, source_email_id)
    application, created = _get_or_create_one(session, request)
    if created:
        record_event(session=session, entity_id=application.id,
                     **application_created_event(application, actor_label))
    return application, created


def _get_or_create_one(session: Session, request: ApplicationRequest) -> tuple[Application, bool]:
    existing = _application(session=session, candidate_id=request.candidate_id,
                            job_id=request.job_id)
    if existing is not None:
        return existing, False
    application = _new_application(request)
    try:
        # A SAVEPOINT, so losing a race with another worker undoes only this insert.
        with session.begin_nested():
            session.add(application)
            session.flush()
    except IntegrityError:
        existing = _application(session=session, candidate_id=request.candidate_id,
                                job_id=request.job_id)
        if existing is None:
            raise
        return existing, False
    return application, True


def get_or_create_applications(*, session: Session, requests: list[ApplicationRequest]
                               ) -> list[tuple[Application, bool]]:
    """`get_or_create_application` for many requests: one query for the existing applications,
    one insert for the new ones; a pair asked for twice is created once (True for the first
    request only). No audit events: the caller records `application_created_event` in its own
    order."""
    found = _applications(session=session, requests=requests)
    results: list[tuple[Application, bool]] = []
    new: list[Application] = []
    for request in requests:
        key = (request.candidate_id, request.job_id)
        created = key not in found
        if created:
            found[key] = _new_application(request)
            new.append(found[key])
        results.append((found[key], created))
    if not new:
        return results
    try:
        # One SAVEPOINT for the batch: a race lost to another worker undoes only these inserts.
        with session.begin_nested():
            session.add_all(new)
            session.flush()
    except IntegrityError:
        # Someone else created one of them meanwhile: one by one, as a single message would.
        return [_get_or_create_one(session, request) for request in requests]
    return results


def _applications(*, session: Session,
                  requests: list[ApplicationRequest]) -> dict[tuple[int, int], Application]:
    """The stored applications among the requested (candidate, job) pairs."""
    keys = {(request.candidate_id, request.job_id) for request in requests}
    if not keys:
        return {}
    query = select(Application).where(
        Application.candidate_id.in_(sorted({candidate for candidate, _ in keys})),
        Application.job_id.in_(sorted({job for _, job in keys})))
    return {(a.candidate_id, a.job_id): a for a in session.exec(query)
            if (a.candidate_id, a.job_id) in keys}


def _new_application(request: ApplicationRequest) -> Application:
    return Application(candidate_id=request.candidate_id, job_id=request.job_id,
                       source=request.source, source_email_id=request.source_email_id)


def application_created_event(application: Application, actor_label: str) -> dict[str, Any]:
    """The audit fields (all but the entity id) of a new application."""
    return {"action": "application.created", "actor_label": actor_label,
            "entity_type": "application",
            "after": {"candidate_id": application.candidate_id, "job_id": application.job_id,
                      "source": application.source,
                      "source_email_id": application.source_email_id}}
