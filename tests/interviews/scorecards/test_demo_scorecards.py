"""The demo data shows interviewer scorecards: a demo candidate's interview held yesterday,
the demo admin named on it, their scorecard filled; seeding twice adds nothing."""

from __future__ import annotations

from sqlmodel import func, select

from hireops.config import get_settings
from hireops.models import BookingInterviewer, Scorecard
from hireops.services.demo.seed import seed_demo
from hireops.services.interviews.scorecards import scorecard_score


def test_demo_has_a_filled_scorecard(session, monkeypatch):
    monkeypatch.setenv("DEMO_MODE", "true")
    get_settings.cache_clear()
    seed_demo(session=session)
    seed_demo(session=session)

    card = session.exec(select(Scorecard)).one()
    assert card.recommendation == "yes" and len(card.ratings) >= 3
    assert session.exec(select(func.count()).select_from(BookingInterviewer)).one() == 1
    assert 0 < scorecard_score(session=session, application_id=card.application_id) < 100
