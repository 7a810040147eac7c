"""Blind screening: whose identity is hidden right now, how a hidden person is shown, and the
audited reveal, stored so it survives a reload and reaches every page.

A candidate's identity is hidden while any of their applications is for a blind-screening job
and HR has not revealed it. One rule for a person, not per job: a name shown on one job's row
and hidden on another's would give the hidden one away through the shared candidate id.

The integration API passes `honour_reveals=False`: a token belongs to no person, so a reveal
made for one recruiter's eyes does not open the identity to every integration.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, select

from hireops.models import Application, Candidate, Job, User, utcnow
from hireops.services.platform.audit import record_event
from hireops.services.privacy.redaction import redact_resume

REVEAL_ACTION = "candidate.revealed"
_LOOKUP_SLICE = 900


def hidden_candidates(*, honour_reveals: bool = True) -> sa.Select:
    """The ids of candidates whose identity blind screening hides (an uncorrelated subquery)."""
    query = (select(Application.candidate_id).join(Job, Job.id == Application.job_id)
             .where(Job.blind_screening.is_(True)))
    if honour_reveals:
        revealed = select(Candidate.id).where(Candidate.identity_revealed_at.is_not(None))
        query = query.where(Application.candidate_id.not_in(revealed.correlate(None)))
    return query.correlate(None)


def hidden_candidate_ids(*, session: Session, candidate_ids: list[int],
                         honour_reveals: bool = True) -> set[int]:
    """Which of `candidate_ids` have their identity hidden right now."""
    wanted = sorted(set(candidate_ids))
    hidden: set[int] = set()
    # In slices: an export asks about every candidate, past the database's parameter limit.
    for start in range(0, len(wanted), _LOOKUP_SLICE):
        query = hidden_candidates(honour_reveals=honour_reveals).where(
            Application.candidate_id.in_(wanted[start:start + _LOOKUP_SLICE]))
        hidden.update(session.exec(query).all())
    return hidden


def is_identity_hidden(*, session: Session, candidate_id: int,
                       honour_reveals: bool = True) -> bool:
    """Whether blind screening hides this candidate's identity right now."""
    return bool(hidden_candidate_ids(session=session, candidate_ids=[candidate_id],
                                     honour_reveals=honour_reveals))


def anonymous_name(candidate_id: int) -> str:
    """How a hidden candidate is named everywhere."""
    return f"Candidate #{candidate_id}"


def shown_name(candidate: Candidate, *, hidden: bool) -> str:
    """The candidate's name as a page shows it: anonymous while hidden."""
    if hidden:
        return anonymous_name(candidate.id)
    return candidate.full_name or candidate.email or anonymous_name(candidate.id)


def redact_for(candidate: Candidate, text: str) -> str:
    """`text` (a quote from the resume, an evaluation) without this candidate's identity."""
    return redact_resume(text, names=(candidate.full_name,), details=(
        candidate.email, candidate.phone, candidate.location, candidate.linkedin_url,
        candidate.github_url))


def reveal_identity(*, session: Session, candidate_id: int, actor: User | None,
                    where: str = "the candidate page") -> None:
    """Reveal a blind-screened candidate's identity to HR, stored and audited."""
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        raise LookupError(f"Candidate {candidate_id} does not exist.")
    if candidate.identity_revealed_at is None:
        candidate.identity_revealed_at = utcnow()
        session.add(candidate)
    record_event(session=session, action=REVEAL_ACTION, actor=actor, entity_type="candidate",
                 entity_id=candidate_id, note=f"Identity revealed on {where}",
                 after={"identity_revealed_at": candidate.identity_revealed_at.isoformat()})
    session.commit()
