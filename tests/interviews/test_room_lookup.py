"""What a token opens: the room, or a friendly refusal; lookups are rate-limited per client."""

from __future__ import annotations

import secrets
from datetime import timedelta

import pytest

from hireops.config import get_settings
from hireops.models import utcnow
from hireops.services.interviews.links import IssuedLink, generate_link, set_link_status
from hireops.services.interviews.room import find_room, room_view
from hireops.services.platform.rate_limit import register_hit
from tests.parallel import in_parallel


def _token(url: str) -> str:
    return url.rsplit("/", 1)[-1]


@pytest.fixture
def issued(session, make_application, recruiter) -> IssuedLink:
    """A fresh link for a new application, stored."""
    issued = generate_link(session=session, application_id=make_application(90).id,
                           actor=recruiter)
    session.commit()
    return issued


@pytest.fixture
def five_lookups_a_minute(monkeypatch) -> None:
    """Interview-link lookups limited to five a minute per client (INTERVIEW_LOOKUPS_PER_MINUTE)."""
    monkeypatch.setenv("INTERVIEW_LOOKUPS_PER_MINUTE", "5")
    get_settings.cache_clear()


def test_a_valid_token_opens_its_own_room_only(session, make_application, recruiter):
    ada = generate_link(session=session, application_id=make_application(90, name="Ada Lovelace").id,
                        actor=recruiter)
    grace = generate_link(session=session,
                          application_id=make_application(91, name="Grace Hopper").id,
                          actor=recruiter)
    session.commit()
    lookup = find_room(session=session, token=_token(ada.url), client_key="10.0.0.1")
    assert lookup.problem == "" and lookup.link.id == ada.link.id
    view = room_view(session=session, link=lookup.link)
    assert (view.candidate_first_name, view.job_title) == ("Ada", "Backend Engineer")
    assert "Grace" not in repr(view)
    assert find_room(session=session, token=_token(grace.url),
                     client_key="10.0.0.1").link.id == grace.link.id


def test_unknown_forged_expired_revoked_and_used_tokens(session, make_application, recruiter,
                                                        issued):
    token = _token(issued.url)
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    for bad in (forged, "", "../../etc/passwd", token + "x", "<script>"):
        assert find_room(session=session, token=bad, client_key="c1").problem == "unknown"

    issued.link.expires_at = utcnow() - timedelta(minutes=1)
    session.commit()
    lookup = find_room(session=session, token=token, client_key="c2")
    assert lookup.problem == "expired" and lookup.link.status == "expired"

    revoked = generate_link(session=session, application_id=make_application(90).id,
                            actor=recruiter)
    set_link_status(revoked.link, "revoked", by="hr")
    used = generate_link(session=session, application_id=make_application(90).id,
                         actor=recruiter)
    for status in ("opened", "started", "completed"):
        set_link_status(used.link, status, by="candidate")
    session.commit()
    assert find_room(session=session, token=_token(revoked.url), client_key="c3").problem == \
        "revoked"
    assert find_room(session=session, token=_token(used.url), client_key="c3").problem == \
        "completed"


def test_token_guessing_is_rate_limited_per_client(session, five_lookups_a_minute, issued):
    for _ in range(5):
        assert find_room(session=session, token="x" * 43, client_key="attacker").problem == \
            "unknown"
    blocked = find_room(session=session, token=_token(issued.url), client_key="attacker")
    assert blocked.problem == "rate_limited" and blocked.link is None
    assert 0 < blocked.retry_after_s <= 60
    # Another client is not affected.
    assert find_room(session=session, token=_token(issued.url), client_key="candidate").problem \
        == ""


def test_rate_limit_window_resets(session):
    start = utcnow()
    for _ in range(3):
        assert register_hit(session=session, key="k", limit=3, window_s=60, now=start).allowed
    assert not register_hit(session=session, key="k", limit=3, window_s=60,
                            now=start + timedelta(seconds=59)).allowed
    assert register_hit(session=session, key="k", limit=3, window_s=60,
                        now=start + timedelta(seconds=61)).allowed


def test_a_candidate_reloading_a_valid_link_is_never_rate_limited(
        session, five_lookups_a_minute, issued):
    # Reloads, reconnects and a second tab: each is a lookup that finds the link.
    for _ in range(15):
        assert find_room(session=session, token=_token(issued.url),
                         client_key="candidate").problem == ""
        session.commit()
    # Failures from the same address still count up to the limit.
    for _ in range(5):
        assert find_room(session=session, token="y" * 43, client_key="candidate").problem == \
            "unknown"
    assert find_room(session=session, token="y" * 43, client_key="candidate").problem == \
        "rate_limited"


def test_simultaneous_forged_lookups_stop_at_the_limit(any_database_url, monkeypatch):
    monkeypatch.setenv("INTERVIEW_LOOKUPS_PER_MINUTE", "10")
    get_settings.cache_clear()
    problems = in_parallel(48, lambda session: find_room(
        session=session, token=secrets.token_urlsafe(32), client_key="203.0.113.9").problem)
    assert problems.count("unknown") == 10
    assert problems.count("rate_limited") == 38
