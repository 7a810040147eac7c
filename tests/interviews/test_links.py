"""Interview links: unguessable tokens, the resume threshold, revocation, expiry, the trail."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from hireops.models import Event, InterviewLink, utcnow
from hireops.services.interviews.links import (
    LinkRefused,
    expire_overdue_links,
    generate_link,
    generate_links_bulk,
    hash_token,
    reveal_link_url,
    revoke_link,
    set_link_status,
)


def test_link_carries_256_random_bits_and_only_a_hash_is_searchable(session, make_application,
                                                                    recruiter):
    application = make_application(86)
    issued = generate_link(session=session, application_id=application.id, actor=recruiter)
    session.commit()
    token = issued.url.rsplit("/", 1)[-1]
    assert issued.url.startswith("http://localhost:3000/interview/")
    assert len(token) == 43  # token_urlsafe(32)
    link = session.get(InterviewLink, issued.link.id)
    assert link.token_hash == hash_token(token) and token not in link.token_encrypted
    assert reveal_link_url(link) == issued.url
    assert (link.status, [s["status"] for s in link.status_trail]) == ("generated", ["generated"])
    assert link.expires_at - link.created_at == timedelta(hours=72)
    other = generate_link(session=session, application_id=make_application(90).id,
                          actor=recruiter)
    assert other.url != issued.url


def test_invite_respects_the_resume_threshold_unless_hr_overrides(session, make_application,
                                                                 recruiter):
    low = make_application(61)
    with pytest.raises(LinkRefused, match="61 is below this job's threshold of 80"):
        generate_link(session=session, application_id=low.id, actor=recruiter)
    unscored = make_application(None)
    with pytest.raises(LinkRefused, match="not been scored"):
        generate_link(session=session, application_id=unscored.id, actor=recruiter)

    issued = generate_link(session=session, application_id=low.id, actor=recruiter,
                           override_reason="Strong referral from the team lead")
    session.commit()
    assert issued.link.threshold_override_reason == "Strong referral from the team lead"
    event = session.exec(select(Event).where(Event.action == "interview_link.generated")).one()
    assert event.after["threshold_override"] is True and event.actor_label == recruiter.email


def test_a_new_link_revokes_the_unfinished_one(session, make_application, recruiter):
    application = make_application(88)
    first = generate_link(session=session, application_id=application.id, actor=recruiter).link
    second = generate_link(session=session, application_id=application.id, actor=recruiter).link
    session.commit()
    session.refresh(first)
    assert first.status == "revoked" and first.status_trail[-1]["note"] == "replaced by a new link"
    assert second.status == "generated"


def test_no_new_link_while_an_interview_is_running(session, make_application, recruiter):
    application = make_application(88)
    link = generate_link(session=session, application_id=application.id, actor=recruiter).link
    set_link_status(link, "started", by="candidate")
    session.commit()
    with pytest.raises(LinkRefused, match="middle of an interview"):
        generate_link(session=session, application_id=application.id, actor=recruiter)


def test_status_never_moves_back_and_ends_are_final(session, make_application, recruiter):
    link = generate_link(session=session, application_id=make_application(90).id,
                         actor=recruiter).link
    assert set_link_status(link, "opened", by="candidate")
    assert set_link_status(link, "started", by="candidate")
    assert not set_link_status(link, "opened", by="candidate")  # a reload
    assert set_link_status(link, "completed", by="candidate")
    assert not set_link_status(link, "revoked", by="hr")
    assert not set_link_status(link, "expired", by="scheduler")
    assert [s["status"] for s in link.status_trail] == [
        "generated", "opened", "started", "completed"]
    assert link.opened_at <= link.started_at <= link.completed_at


def test_revoke_and_bulk(session, make_application, recruiter):
    good, low, good2 = make_application(90), make_application(40), make_application(81)
    result = generate_links_bulk(session=session, application_ids=[good.id, low.id, good2.id],
                                 actor=recruiter)
    session.commit()
    assert [i.link.application_id for i in result.issued] == [good.id, good2.id]
    assert result.skipped == [(low.id, "No link: the resume score 40 is below this job's "
                                       "threshold of 80. Give a reason to invite anyway.")]
    link = result.issued[0].link
    revoke_link(session=session, link_id=link.id, actor=recruiter, reason="Position filled")
    session.commit()
    assert link.status == "revoked"
    with pytest.raises(LinkRefused, match="already revoked"):
        revoke_link(session=session, link_id=link.id, actor=recruiter)


def test_overdue_links_expire(session, make_application, recruiter):
    link = generate_link(session=session, application_id=make_application(90).id,
                         actor=recruiter, hours=1).link
    session.commit()
    assert expire_overdue_links(session=session, now=utcnow() + timedelta(minutes=30)) == 0
    assert expire_overdue_links(session=session, now=utcnow() + timedelta(hours=2)) == 1
    assert link.status == "expired"
