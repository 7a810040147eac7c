"""The room never strands a candidate: a voice interviewer that cannot start hands over to the
typed interview, and a candidate who does not agree is told what happens next; HR reads both on
the interview's card and in the candidate's timeline."""

from __future__ import annotations

from sqlmodel import select

from hireops.models import Event
from hireops.services.candidates.profile import get_candidate_profile
from hireops.services.interviews.builtin_interviewer import start_interview
from hireops.services.interviews.links import generate_link
from hireops.services.interviews.review import interview_cards
from hireops.services.interviews.room import (
    fall_back_to_typed,
    record_consent,
    refuse_consent,
    room_view,
)
from hireops.services.interviews.room_flow import continue_typed
from hireops.services.interviews.room_texts import room_text

REASON = "ElevenLabs is not configured: set ELEVENLABS_API_KEY and ELEVENLABS_AGENT_ID."


def _voice_link(session, make_application, recruiter):
    application = make_application(90)
    link = generate_link(session=session, application_id=application.id, actor=recruiter).link
    link.provider = "elevenlabs"
    session.add(link)
    session.commit()
    return application, link


def test_a_voice_failure_continues_typed_and_hr_reads_why(session, make_application, recruiter):
    application, link = _voice_link(session, make_application, recruiter)
    record_consent(session=session, link=link, webcam_analysis=False, client_key="10.0.0.1")

    fall_back_to_typed(session=session, link=link, reason=REASON)
    session.commit()

    view = room_view(session=session, link=link)
    assert view.provider == "builtin"
    first = start_interview(session=session, link=link)
    assert first.say and not first.finished
    # The candidate's words name no setting; HR's card carries the reason.
    notice = room_text("en", "voice_unavailable")
    assert "ELEVENLABS" not in notice and "set " not in notice
    card = interview_cards(session=session, candidate_id=application.candidate_id)[0]
    assert card.room_notices == [
        f"The voice interviewer could not start ({REASON}); the candidate continued with "
        "typed answers."]
    # Twice (a reload, a second failure) is recorded once.
    fall_back_to_typed(session=session, link=link, reason=REASON)
    session.commit()
    assert len(session.exec(select(Event).where(Event.action == "interview.voice_unavailable"))
               .all()) == 1


def test_a_candidate_who_does_not_agree_is_told_what_next_and_hr_knows(session, make_application,
                                                                       recruiter):
    application = make_application(90)
    link = generate_link(session=session, application_id=application.id, actor=recruiter).link
    session.commit()

    refuse_consent(session=session, link=link, client_key="10.0.0.1")
    session.commit()

    told = room_text("en", "declined_message")
    assert "recruiting team" in told and "email" in told
    assert link.consent_at is None
    card = interview_cards(session=session, candidate_id=application.candidate_id)[0]
    assert len(card.room_notices) == 1
    assert card.room_notices[0].startswith("The candidate did not agree to the AI interview")
    profile = get_candidate_profile(session=session, candidate_id=application.candidate_id)
    assert "interview.consent_refused" in [entry.action for entry in profile.timeline]


def test_a_call_that_fails_in_the_browser_continues_typed(session, make_application, recruiter):
    application, link = _voice_link(session, make_application, recruiter)
    record_consent(session=session, link=link, webcam_analysis=False, client_key="10.0.0.1")
    session.commit()

    progress = continue_typed(link_id=link.id,
                              reason="the call failed in the candidate's browser: ICE")
    view, say = progress.view, progress.say

    assert view.provider == "builtin" and view.status == "started"
    assert say and [turn["speaker"] for turn in view.turns] == ["interviewer", "interviewer"]
    card = interview_cards(session=session, candidate_id=application.candidate_id)[0]
    assert "failed in the candidate's browser: ICE" in card.room_notices[0]
