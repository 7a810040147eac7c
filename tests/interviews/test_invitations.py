"""Invitations: the invite template through the outbox, once per link; bulk from the tracker."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from hireops.models import Application, Candidate, Event, InterviewLink, OutboxMessage, Stage
from hireops.services.platform.clock import format_local
from hireops.services.interviews.invitations import invite_applications, send_link
from hireops.services.interviews.links import LinkRefused, generate_link, revoke_link
from hireops.services.candidates.stages import STAGE_CHANGED


def test_send_link_queues_the_invite_once(session, make_application, recruiter):
    application = make_application(90, name="Ada <b>Lovelace</b>")
    issued = generate_link(session=session, application_id=application.id, actor=recruiter)
    message = send_link(session=session, link_id=issued.link.id, actor=recruiter)
    again = send_link(session=session, link_id=issued.link.id, actor=recruiter)
    session.commit()

    assert again.id == message.id
    assert session.exec(select(OutboxMessage)).all() == [message]
    assert message.kind == "invite" and message.to_address == "cand1@example.com"
    assert issued.url in message.body_text and "Backend Engineer" in message.subject + \
        message.body_text
    assert "<b>Lovelace</b>" not in message.body_html  # candidate text is escaped
    link = session.get(InterviewLink, issued.link.id)
    assert link.status == "sent" and link.status_trail[-1]["note"].startswith("queued as")
    assert session.get(Application, application.id).stage == Stage.interview_link_sent
    # Sending twice moved the stage once, by the recruiter who sent it.
    [move] = session.exec(select(Event).where(Event.action == STAGE_CHANGED)).all()
    assert (move.actor_label, move.before["stage"], move.after["stage"]) == (
        recruiter.email, "new", "interview_link_sent")


def test_a_revoked_link_is_not_sent(session, make_application, recruiter):
    issued = generate_link(session=session, application_id=make_application(90).id,
                           actor=recruiter)
    revoke_link(session=session, link_id=issued.link.id, actor=recruiter)
    with pytest.raises(LinkRefused, match="revoked"):
        send_link(session=session, link_id=issued.link.id, actor=recruiter)


def test_bulk_invite_reuses_open_links_and_skips_low_scores(session, make_application,
                                                            recruiter):
    ready, low, linked = make_application(85), make_application(30), make_application(95)
    existing = generate_link(session=session, application_id=linked.id, actor=recruiter).link
    session.commit()
    result = invite_applications(session=session, application_ids=[ready.id, low.id, linked.id],
                                 actor=recruiter)
    session.commit()
    assert result.sent == [ready.id, linked.id]
    assert [app_id for app_id, _ in result.skipped] == [low.id]
    assert "below this job's threshold" in result.skipped[0][1]
    assert session.get(InterviewLink, existing.id).status == "sent"
    assert len(session.exec(select(OutboxMessage)).all()) == 2


def test_the_invite_gives_the_expiry_on_the_company_and_the_candidates_clock(
        session, make_application, recruiter):
    application = make_application(90)
    candidate = session.get(Candidate, application.candidate_id)
    candidate.location = "New York, USA"
    session.add(candidate)
    session.commit()
    issued = generate_link(session=session, application_id=application.id, actor=recruiter)
    message = send_link(session=session, link_id=issued.link.id, actor=recruiter)
    expires = issued.link.expires_at
    paris = format_local(expires, "Europe/Paris")
    new_york = expires.astimezone(ZoneInfo("America/New_York"))
    assert paris.endswith(("CET", "CEST")) and paris in message.body_text
    assert f"{new_york:%H:%M} {new_york:%Z} your time)" in message.body_text
    assert "UTC" not in message.body_text
