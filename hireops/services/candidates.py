"""Candidates and applications from the inbox: one person is one candidate, whatever address
they write from, and one candidate has one application per job.

Dedupe order: the normalised email, then the normalised phone (the same number written with or
without its country code counts, see `services.contacts`). A candidate merged into another is
followed to the one that survived. Nothing is committed here: the caller commits the candidate,
the application and their audit events together.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from hireops.models import Application, Candidate, utcnow
from hireops.services.audit import changed_fields, record_event
from hireops.services.contacts import ContactInfo, normalize_email, normalize_phone

MIN_PHONE_SUFFIX = 9  # a national number matches an international one on at least 9 digits
MAX_MERGE_HOPS = 20  # merged_into_id chains are short; a longer one is a cycle
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


def _by_email(*, session: Session, email_normalized: str) -> Candidate | None:
    if not email_normalized:
        return None
    return session.exec(select(Candidate).where(Candidate.email_normalized == email_normalized)
                        .order_by(Candidate.id)).first()


def _by_phone(*, session: Session, phone_normalized: str) -> Candidate | None:
    """Same digits, or one number the national form (a suffix) of the other."""
    if not phone_normalized:
        return None
    exact = session.exec(select(Candidate).where(Candidate.phone_normalized == phone_normalized)
                         .order_by(Candidate.id)).first()
    if exact is not None or len(phone_normalized) < MIN_PHONE_SUFFIX:
        return exact
    # Numbers sharing the last 9 digits (indexed), then the full suffix rule on those few.
    same_tail = session.exec(select(Candidate).where(
        Candidate.phone_tail == phone_tail(phone_normalized)).order_by(Candidate.id)).all()
    for candidate in same_tail:
        stored = candidate.phone_normalized
        if stored.endswith(phone_normalized) or phone_normalized.endswith(stored):
            return candidate
    return None


def phone_tail(phone_normalized: str) -> str:
    """The indexed last digits of a normalised phone ("" when too short to match on)."""
    return phone_normalized[-MIN_PHONE_SUFFIX:] if len(phone_normalized) >= MIN_PHONE_SUFFIX else ""


def find_candidate(*, session: Session, contact: ContactInfo) -> Candidate | None:
    """The surviving candidate with this email, else this phone, or None."""
    found = (_by_email(session=session, email_normalized=normalize_email(contact.email))
             or _by_phone(session=session, phone_normalized=normalize_phone(contact.phone)))
    return _surviving(session=session, candidate=found) if found else None


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
            resume_attachment_id: int | None, actor_label: str) -> Candidate:
    candidate = Candidate(**_contact_fields(contact), resume_text=resume_text,
                          resume_attachment_id=resume_attachment_id, source=source)
    session.add(candidate)
    session.flush()
    record_event(session=session, action="candidate.created", actor_label=actor_label,
                 entity_type="candidate", entity_id=candidate.id,
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
            resume_attachment_id: int | None, actor_label: str) -> None:
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
    record_event(session=session, action="candidate.updated", actor_label=actor_label,
                 entity_type="candidate", entity_id=candidate.id, before=old, after=new,
                 note=note)


def find_or_create_candidate(*, session: Session, contact: ContactInfo, resume_text: str,
                             source: str, resume_attachment_id: int | None = None,
                             actor_label: str = "inbox") -> tuple[Candidate, bool]:
    """The existing candidate for this email or phone, updated, or a new one; True if new."""
    candidate = find_candidate(session=session, contact=contact)
    if candidate is None:
        return _create(session=session, contact=contact, resume_text=resume_text or "",
                       source=source, resume_attachment_id=resume_attachment_id,
                       actor_label=actor_label), True
    _update(session=session, candidate=candidate, contact=contact, resume_text=resume_text,
            resume_attachment_id=resume_attachment_id, actor_label=actor_label)
    session.flush()
    return candidate, False


def _application(*, session: Session, candidate_id: int, job_id: int) -> Application | None:
    return session.exec(select(Application).where(Application.candidate_id == candidate_id,
                                                  Application.job_id == job_id)).first()


def get_or_create_application(*, session: Session, candidate_id: int, job_id: int, source: str,
                              source_email_id: int | None = None,
                              actor_label: str = "inbox") -> tuple[Application, bool]:
    """The candidate's application to the job, created if missing; True if new."""
    existing = _application(session=session, candidate_id=candidate_id, job_id=job_id)
    if existing is not None:
        return existing, False
    application = Application(candidate_id=candidate_id, job_id=job_id, source=source,
                              source_email_id=source_email_id)
    try:
        # A SAVEPOINT, so losing a race with another worker undoes only this insert.
        with session.begin_nested():
            session.add(application)
            session.flush()
    except IntegrityError:
        existing = _application(session=session, candidate_id=candidate_id, job_id=job_id)
        if existing is None:
            raise
        return existing, False
    record_event(session=session, action="application.created", actor_label=actor_label,
                 entity_type="application", entity_id=application.id,
                 after={"candidate_id": candidate_id, "job_id": job_id, "source": source,
                        "source_email_id": source_email_id})
    return application, True
