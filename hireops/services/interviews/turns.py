"""Interview turns, written on the server the moment they happen."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from hireops.models import InterviewLink, InterviewTurn, utcnow

MAX_ANSWER_CHARS = 6000


def list_turns(*, session: Session, link_id: int) -> list[InterviewTurn]:
    return list(session.exec(select(InterviewTurn).where(InterviewTurn.link_id == link_id)
                             .order_by(InterviewTurn.seq)).all())


def last_turn(*, session: Session, link_id: int) -> InterviewTurn | None:
    return session.exec(select(InterviewTurn).where(InterviewTurn.link_id == link_id)
                        .order_by(InterviewTurn.seq.desc()).limit(1)).first()


def append_turn(*, session: Session, link: InterviewLink, speaker: str, text: str, kind: str,
                question_key: str = "", started_at: datetime | None = None,
                ended_at: datetime | None = None) -> InterviewTurn:
    """Add the next turn; (link, seq) is unique, so two writers cannot both take a number."""
    highest = session.exec(select(func.max(InterviewTurn.seq))
                           .where(InterviewTurn.link_id == link.id)).one()
    now = utcnow()
    turn = InterviewTurn(link_id=link.id, seq=(highest or 0) + 1, speaker=speaker, text=text,
                         kind=kind, question_key=question_key, started_at=started_at or now,
                         ended_at=ended_at or now)
    session.add(turn)
    session.flush()
    return turn
