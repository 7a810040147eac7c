"""Each user's own page preferences, stored on the server (not in a browser tab's state), so
they survive signing out and in and follow the user to another browser."""

from __future__ import annotations

from sqlmodel import Session

from hireops.models import User

TRACKER_HIDDEN_COLUMNS = "tracker_hidden_columns"


def get_tracker_hidden_columns(*, session: Session, user_id: int,
                               allowed: tuple[str, ...]) -> list[str] | None:
    """The tracker columns this user hides, in `allowed` order; None when never chosen."""
    user = session.get(User, user_id)
    saved = (user.preferences or {}).get(TRACKER_HIDDEN_COLUMNS) if user else None
    if not isinstance(saved, list):
        return None
    return [column for column in allowed if column in saved]


def save_tracker_hidden_columns(*, session: Session, user_id: int, hidden: list[str],
                                allowed: tuple[str, ...]) -> None:
    """Keep the user's choice of hidden tracker columns (only known column names)."""
    user = session.get(User, user_id)
    if user is None:
        return
    user.preferences = {**(user.preferences or {}),
                        TRACKER_HIDDEN_COLUMNS: [c for c in allowed if c in hidden]}
    session.add(user)
    session.commit()
