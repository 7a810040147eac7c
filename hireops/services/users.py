"""Reading the team's user accounts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from hireops.models import Role, User


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
                last_login=u.last_login_at.strftime("%d %b %Y %H:%M") if u.last_login_at else "never")
        for u in users
    ]
