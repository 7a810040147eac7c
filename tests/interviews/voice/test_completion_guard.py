"""Only an interview the candidate consented to and started can be completed: a call-ended
event or a post-call webhook for a link nobody began changes nothing (it used to complete the
interview, score it 0 and send HR a reject)."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from hireops.models import Evaluation, Event, InterviewLink, utcnow
from hireops.services.interviews.voice.elevenlabs_provider import ElevenLabsProvider
from hireops.services.interviews.voice.transcript_sync import complete_from_webhook
from hireops.services.interviews.room_flow import finish_voice
from tests.interviews.voice.conftest import call_for, make_link


def _completed_events(session) -> list[Event]:
    return session.exec(select(Event).where(Event.action == "interview.completed")).all()


def _evaluations(session) -> list[Evaluation]:
    return session.exec(select(Evaluation)).all()


@pytest.mark.parametrize("consented", [False, True], ids=["no-consent", "consent-no-start"])
def test_raw_disconnect_event_does_not_complete_an_unstarted_interview(session, voice_env,
                                                                       consented):
    link = make_link(session, status="sent")
    if consented:  # consent given, but the interview was never started
        link.consent_at = utcnow()
        session.add(link)
        session.commit()

    # What the room's voice_disconnected handler does for {"reason": "user"}.
    finished = finish_voice(link_id=link.id, ended_normally=True)

    assert finished is False
    session.expire_all()
    link = session.get(InterviewLink, link.id)
    assert link.status == "sent" and link.completed_at is None
    assert _evaluations(session) == [] and _completed_events(session) == []


def test_disconnect_completes_a_consented_started_interview(session, voice_env):
    link = make_link(session)  # consented and started

    assert finish_voice(link_id=link.id, ended_normally=True) is True

    session.expire_all()
    assert session.get(InterviewLink, link.id).status == "completed"
    assert len(_evaluations(session)) == 1 and len(_completed_events(session)) == 1


def test_webhook_for_an_unstarted_link_does_not_complete_it(session, voice_env):
    link = make_link(session, status="sent")
    conversation_id = call_for(session, voice_env, link)
    voice_env.say(conversation_id, "agent", "Hello?")
    voice_env.finish(conversation_id)
    provider = ElevenLabsProvider.from_settings()
    try:
        outcome = complete_from_webhook(
            session=session, payload=json.loads(voice_env.webhook_body(conversation_id)),
            provider=provider)
    finally:
        provider.close()

    assert outcome.status == "not_finished"
    session.expire_all()
    assert session.get(InterviewLink, link.id).status == "sent"
    assert _evaluations(session) == [] and _completed_events(session) == []

