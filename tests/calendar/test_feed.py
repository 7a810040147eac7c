"""Each user's private ICS feed: a good token gets the team's interviews, a revoked, replaced
or wrong one gets 404, guessing is rate limited, and blind candidates stay aliased."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from icalendar import Calendar
from sqlmodel import select

from hireops.api.app import build_api
from hireops.models import CalendarFeedToken, User
from hireops.services.privacy.blind_screening import reveal_identity
from hireops.services.calendar.feed_tokens import (
    create_feed_token,
    feed_status,
    feed_url,
    revoke_feed_token,
)
from hireops.services.platform.runtime_settings import save_settings
from hireops.services.outreach.bookings import book_slot
from tests.decisions.flow.conftest import NOW

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def client(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    with TestClient(build_api(), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    """The feed is read at the factories' clock, so next week's bookings are in its window."""
    monkeypatch.setattr("hireops.api.calendar_routes.utcnow", lambda: NOW)


@pytest.fixture
def booked(session, make_application, hr):
    """Two booked interviews next week: one open job, one blind-screening job."""
    start = (NOW + timedelta(days=7)).astimezone(PARIS).replace(hour=10)
    open_app = make_application(name="Ada, \"Countess\"; Lovelace")
    book_slot(session=session, application_id=open_app.id, start=start,
              end=start + timedelta(minutes=45), candidate_tz="Europe/Paris", source="manual",
              actor=hr, now=NOW, location="https://meet.example.test/ada")
    blind_app = make_application(name="Grace Hopper", email="grace@example.com",
                                 blind_screening=True)
    book_slot(session=session, application_id=blind_app.id, start=start + timedelta(hours=2),
              end=start + timedelta(hours=3), candidate_tz="Europe/Paris", source="manual",
              actor=hr, now=NOW, location="Room 4; 2nd floor")
    session.commit()
    return open_app, blind_app


def _path(token: str) -> str:
    return f"/calendar/{token}.ics"


def _events(response):
    return {str(e["summary"]): e for e in Calendar.from_ical(response.text).events}


def test_good_token_gets_the_teams_interviews(client, session, hr, booked, monkeypatch):
    token = create_feed_token(session=session, user=hr)
    assert feed_url(token).endswith(_path(token))
    # Only the hash is stored.
    stored = session.exec(select(CalendarFeedToken)).one()
    assert token not in (stored.token_hash, stored.token_prefix) and len(token) > 40
    response = client.get(_path(token))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert "no-store" in response.headers["cache-control"]
    events = _events(response)
    ada = events['Interview: Ada, "Countess"; Lovelace (Backend Engineer)']
    assert str(ada["location"]) == str(ada["url"]) == "https://meet.example.test/ada"
    assert str(ada["uid"]) == f"interview-{booked[0].id}@hireops.local"
    assert "Interview: Ada\\, \"Countess\"\\; Lovelace" in response.text
    blind = events[f"Interview: Candidate #{booked[1].candidate_id} (Backend Engineer)"]
    assert str(blind["location"]) == "Room 4; 2nd floor" and "url" not in blind
    assert "Grace" not in response.text and "grace@example.com" not in response.text
    assert "ada@example.com" not in response.text
    session.expire_all()
    assert feed_status(session=session, user_id=hr.id).last_used != "never"


def test_a_revealed_blind_candidate_stays_aliased_in_the_feed(client, session, hr, booked):
    reveal_identity(session=session, candidate_id=booked[1].candidate_id, actor=hr)
    session.commit()
    token = create_feed_token(session=session, user=hr)
    text = client.get(_path(token)).text
    assert f"Candidate #{booked[1].candidate_id}" in text and "Grace" not in text


def test_revoked_replaced_and_wrong_tokens_get_404(client, session, hr, booked):
    first = create_feed_token(session=session, user=hr)
    second = create_feed_token(session=session, user=hr)
    assert client.get(_path(first)).status_code == 404
    assert client.get(_path(second)).status_code == 200
    assert revoke_feed_token(session=session, user=hr)
    assert client.get(_path(second)).status_code == 404
    assert not feed_status(session=session, user_id=hr.id).active
    for wrong in ("hcal_" + "A" * 43, "hop_" + second[5:], second[:-1], "x" * 5000):
        assert client.get(_path(wrong)).status_code == 404


def test_a_deactivated_users_feed_stops(client, session, hr, booked):
    token = create_feed_token(session=session, user=hr)
    user = session.get(User, hr.id)
    user.is_active = False
    session.add(user)
    session.commit()
    assert client.get(_path(token)).status_code == 404


def test_guessing_is_rate_limited(client, session, hr, monkeypatch):
    monkeypatch.setenv("API_TOKEN_LOOKUPS_PER_MINUTE", "3")
    from hireops.config import get_settings
    get_settings.cache_clear()
    codes = [client.get(_path("hcal_guess")).status_code for _ in range(5)]
    assert codes[:3] == [404] * 3 and codes[3:] == [429] * 2
    token = create_feed_token(session=session, user=hr)
    refused = client.get(_path(token))
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0


def test_feed_address_uses_the_public_address_set_in_the_app(session, hr):
    """An admin's saved public address applies to feed links as it does to interview links."""
    save_settings(session=session, values={"public_base_url": "https://jobs.example.org"},
                  actor=hr)
    assert feed_url("hcal_abc") == "https://jobs.example.org/calendar/hcal_abc.ics"
