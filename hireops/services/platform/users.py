"""The team's user accounts: list, add (with a one-time password), change role, deactivate."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlmodel import Session, delete, select

from hireops.models import Role, User, UserSession
from hireops.services.platform.audit import record_event
from hireops.services.platform.auth import AuthError, create_user
from hireops.services.platform.clock import format_local


@dataclass(frozen=True)
class UserRow:
    id: int
    email: str
    full_name: str
    role: str
    active: bool
    last_login: str


def list_users(*, session: Session) -> list[UserRow]:
    """Every user, by email."""
    users = session.exec(select(User).order_by(User.email)).all()
    return [
        UserRow(id=u.id, email=u.email, full_name=u.full_name, role=Role(u.role).value,
                active=u.is_active,
                last_login=format_local(u.last_login_at) or "never")
        for u in users
    ]


def generate_password() -> str:
    """A random one-time password (about 96 bits) for a new user to sign in with."""
    return secrets.token_urlsafe(12)


def add_team_user(*, session: Session, email: str, role: Role | str, full_name: str = "",
                  password: str = "", actor: User | None) -> tuple[User, str]:
    """Create a user; with no `password` one is generated. Returns the user and the password
    to hand over (shown once, never stored in clear)."""
    password = password or generate_password()
    user = create_user(session=session, email=email, password=password, role=role,
                       full_name=full_name, actor=actor)
    session.commit()
    return user, password


def _other_active_admins(session: Session, user: User) -> int:
    return len(session.exec(select(User).where(User.role == Role.admin, User.is_active,
                                               User.id != user.id)).all())


def _get_user_or_raise(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise AuthError(f"User {user_id} does not exist.")
    return user


def change_role(*, session: Session, user_id: int, role: Role | str, actor: User | None) -> User:
    """Give a user another role; the last active admin keeps theirs."""
    user = _get_user_or_raise(session, user_id)
    try:
        role = Role(role)
    except ValueError:
        raise AuthError(f"Unknown role '{role}'; use admin, recruiter or viewer.") from None
    before = Role(user.role)
    if before == role:
        return user
    if before == Role.admin and user.is_active and not _other_active_admins(session, user):
        raise AuthError("The last active admin cannot lose the admin role.")
    user.role = role
    session.add(user)
    record_event(session=session, action="user.role_changed", actor=actor, entity_type="user",
                 entity_id=user.id, before={"role": before.value}, after={"role": role.value})
    session.commit()
    return user


def set_user_active(*, session: Session, user_id: int, active: bool,
                    actor: User | None) -> User:
    """Deactivate (signing the user out everywhere) or reactivate an account."""
    user = _get_user_or_raise(session, user_id)
    if user.is_active == active:
        return user
    if not active:
        if actor is not None and actor.id == user.id:
            raise AuthError("You cannot deactivate your own account.")
        if Role(user.role) == Role.admin and not _other_active_admins(session, user):
            raise AuthError("The last active admin cannot be deactivated.")
        session.exec(delete(UserSession).where(UserSession.user_id == user.id))
    user.is_active = active
    session.add(user)
    record_event(session=session, action="user.activated" if active else "user.deactivated",
                 actor=actor, entity_type="user", entity_id=user.id,
                 after={"email": user.email})
    session.commit()
    return user
