"""Who owns a job: the person whose notifications follow its candidates ("new application for
my jobs", decisions waiting, interviews done). A job without an owner is the whole team's."""

from __future__ import annotations

from sqlmodel import Session, select

from hireops.models import Job, Role, User, utcnow
from hireops.services.platform.audit import record_event

# Who may own a job: people who can act on its candidates.
OWNER_ROLES = (Role.admin, Role.recruiter)


def owner_choices(*, session: Session) -> list[tuple[int, str]]:
    """(user id, name) of every active admin and recruiter, by name."""
    users = session.exec(select(User).where(User.is_active, User.role.in_(
        [role.value for role in OWNER_ROLES]))).all()
    return sorted(((user.id, user.full_name or user.email) for user in users),
                  key=lambda choice: choice[1].lower())


def set_job_owner(*, session: Session, job_id: int, owner_id: int | None,
                  actor: User | None) -> Job:
    """Give the job an owner (None: the team's), audited; commits."""
    job = session.get(Job, job_id)
    if job is None:
        raise LookupError("That job does not exist.")
    if owner_id is not None:
        owner = session.get(User, owner_id)
        if owner is None or not owner.is_active or Role(owner.role) not in OWNER_ROLES:
            raise ValueError("A job's owner must be an active admin or recruiter.")
    before = job.owner_id
    if before == owner_id:
        return job
    job.owner_id, job.updated_at = owner_id, utcnow()
    session.add(job)
    record_event(session=session, action="job.owner_changed", actor=actor, entity_type="job",
                 entity_id=job.id, before={"owner_id": before}, after={"owner_id": owner_id})
    session.commit()
    return job
