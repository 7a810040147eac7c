"""Voice turns stored from ElevenLabs' own record: idempotent syncs, the interview_ref check,
resuming after a reload, and completion by the post-call webhook."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from hireops.models import Application, Candidate, Event, InterviewLink, InterviewTurn
from hireops.services.candidates.stages import STAGE_CHANGED
from hireops.services.interviews.review import interview_cards
from hireops.services.interviews.voice import transcript_sync
from hireops.services.interviews.voice.speech_signals import voice_answer_speech
from hireops.services.interviews.voice.elevenlabs_provider import ElevenLabsProvider
from hireops.services.interviews.voice.provider import VoiceProviderError
from hireops.services.interviews.voice.transcript_sync import (
    SEQ_STRIDE,
    ConversationMismatch,
    VoiceSyncError,
    agent_variables,
    complete_from_webhook,
    conversation_ids,
    interview_ref,
    link_id_from_ref,
    start_conversation,
    sync_conversation,
)
from tests.interviews.voice.conftest import API_KEY, call_for, make_link


def turns_of(session: Session, link: InterviewLink) -> list[tuple[int, str, str]]:
    rows = session.exec(select(InterviewTurn).where(InterviewTurn.link_id == link.id)
                        .order_by(InterviewTurn.seq)).all()
    return [(t.seq, t.speaker, t.text) for t in rows]


def webhook(fake, conversation_id: str, **kwargs) -> dict:
    return json.loads(fake.webhook_body(conversation_id, **kwargs))


def test_interview_ref_is_bound_to_the_link_and_cannot_be_forged():
    ref = interview_ref(12)

    assert ref.startswith("12-") and link_id_from_ref(ref) == 12
    assert interview_ref(13) != ref.replace("12-", "13-")
    assert link_id_from_ref(ref.replace("12-", "13-")) is None
    assert link_id_from_ref(ref[:-1] + ("0" if ref[-1] != "0" else "1")) is None
    assert link_id_from_ref("") is None and link_id_from_ref("abc-def") is None


def test_agent_variables_name_candidate_job_company_and_questions(session):
    link = make_link(session)

    variables = agent_variables(session=session, link_id=link.id, language="en",
                                timezone="Europe/Paris").as_dynamic_variables()
    questions = variables.pop("screening_questions").split("\n")

    assert variables == {
        "candidate_name": "Ada Lovelace", "job_title": "Backend Engineer",
        "company_name": "HireOps Demo Co.",
        "language": "en", "timezone": "Europe/Paris", "interview_ref": interview_ref(link.id),
    }
    # Numbered, the job's own question and the scorer's among them, each once.
    texts = [line.split(". ", 1)[1] for line in questions]
    assert [line.split(". ", 1)[0] for line in questions] == [
        str(n) for n in range(1, len(questions) + 1)]
    assert texts.count("Why this team?") == 1
    assert texts.count("How do you test a Python service?") == 1


def test_start_mints_a_token_and_binds_its_conversation(session, fake, provider):
    link = make_link(session)

    start = start_conversation(session=session, link_id=link.id, provider=provider)

    session.refresh(link)
    assert start.credentials.conversation_token
    assert link.conversation_id == start.credentials.conversation_id
    assert conversation_ids(link) == [link.conversation_id]
    assert link.provider == "elevenlabs"
    assert start.dynamic_variables["interview_ref"] == interview_ref(link.id)
    assert start.resume_context == ""


def test_sync_during_the_call_is_idempotent_and_follows_growing_turns(session, fake, provider):
    link = make_link(session)
    start = start_conversation(session=session, link_id=link.id, provider=provider)
    conversation_id = call_for(session, fake, link, start.credentials.conversation_id)
    fake.say(conversation_id, "agent", "Hello Ada, ready?", at=0)
    fake.say(conversation_id, "user", "Yes I", at=4)

    assert sync_conversation(session=session, link_id=link.id, provider=provider) == 2
    assert sync_conversation(session=session, link_id=link.id, provider=provider) == 0
    fake.revise_last(conversation_id, "Yes I am.")
    fake.say(conversation_id, "agent", None, at=7)
    fake.say(conversation_id, "agent", "How do you test a Python service?", at=8)
    assert sync_conversation(session=session, link_id=link.id, provider=provider) == 2
    assert sync_conversation(session=session, link_id=link.id, provider=provider) == 0

    assert turns_of(session, link) == [
        (1, "interviewer", "Hello Ada, ready?"), (2, "candidate", "Yes I am."),
        (4, "interviewer", "How do you test a Python service?")]
    last = session.exec(select(InterviewTurn).where(InterviewTurn.seq == 4)).one()
    started = fake.conversations[conversation_id].start_time_unix_secs
    assert last.started_at.timestamp() == started + 8


def test_conversation_of_another_link_is_refused(session, fake, provider):
    link_a, link_b = make_link(session), make_link(session, name="Grace Hopper")
    conversation_a = call_for(session, fake, link_a)
    fake.say(conversation_a, "user", "I am Ada.")

    with pytest.raises(ConversationMismatch, match="not started for interview link"):
        sync_conversation(session=session, link_id=link_b.id, provider=provider,
                          conversation_id=conversation_a)

    session.refresh(link_b)
    assert link_b.conversation_id == "" and turns_of(session, link_b) == []
    # The same conversation reported for its own link is taken.
    assert sync_conversation(session=session, link_id=link_a.id, provider=provider,
                             conversation_id=conversation_a) == 1
    session.refresh(link_a)
    assert link_a.conversation_id == conversation_a


def test_conversation_without_a_ref_or_with_a_made_up_one_is_refused(session, fake, provider):
    link = make_link(session)
    no_ref = fake.connect(fake.mint(), dynamic_variables={"candidate_name": "Ada"})
    forged = fake.connect(fake.mint(), dynamic_variables={"interview_ref": f"{link.id}-0000"})

    for conversation_id in (no_ref, forged):
        with pytest.raises(ConversationMismatch):
            sync_conversation(session=session, link_id=link.id, provider=provider,
                              conversation_id=conversation_id)
    session.refresh(link)
    assert conversation_ids(link) == []


def test_conversation_of_another_agent_is_refused(session, fake, provider):
    link = make_link(session)
    variables = agent_variables(session=session, link_id=link.id).as_dynamic_variables()
    other = fake.connect(fake.mint(agent_id="agent_someone_else"), dynamic_variables=variables)

    with pytest.raises(ConversationMismatch, match="another agent"):
        sync_conversation(session=session, link_id=link.id, provider=provider,
                          conversation_id=other)


def test_sync_without_any_conversation_says_so(session, provider):
    link = make_link(session)

    with pytest.raises(VoiceSyncError, match="no voice conversation"):
        sync_conversation(session=session, link_id=link.id, provider=provider)
    with pytest.raises(VoiceSyncError, match="No interview link"):
        sync_conversation(session=session, link_id=9999, provider=provider)


def test_reload_resumes_in_a_new_part_with_the_last_turns_for_the_agent(session, fake, provider):
    link = make_link(session)
    first = start_conversation(session=session, link_id=link.id, provider=provider)
    part_one = call_for(session, fake, link, first.credentials.conversation_id)
    fake.say(part_one, "agent", "What is a B-tree?", at=0)
    sync_conversation(session=session, link_id=link.id, provider=provider)
    # The page reloads mid-answer: the last words reach ElevenLabs but were never synced.
    fake.say(part_one, "user", "A balanced search tree.", at=5)
    fake.finish(part_one)

    second = start_conversation(session=session, link_id=link.id, provider=provider)
    part_two = call_for(session, fake, link, second.credentials.conversation_id)
    fake.say(part_two, "agent", "Welcome back. Next question.", at=0)
    sync_conversation(session=session, link_id=link.id, provider=provider)

    session.refresh(link)
    assert conversation_ids(link) == [part_one, part_two]
    assert link.conversation_id == part_two
    assert turns_of(session, link) == [
        (1, "interviewer", "What is a B-tree?"), (2, "candidate", "A balanced search tree."),
        (SEQ_STRIDE + 1, "interviewer", "Welcome back. Next question.")]
    assert "Candidate: A balanced search tree." in second.resume_context
    assert "Interviewer: What is a B-tree?" in second.resume_context


def test_a_credential_never_used_does_not_become_a_part(session, fake, provider):
    link = make_link(session)
    unused = start_conversation(session=session, link_id=link.id, provider=provider)

    used = start_conversation(session=session, link_id=link.id, provider=provider)

    session.refresh(link)
    assert unused.credentials.conversation_id != used.credentials.conversation_id
    assert conversation_ids(link) == [used.credentials.conversation_id]


@pytest.mark.parametrize("status", ["completed", "revoked", "expired"])
def test_closed_link_cannot_start(session, provider, status):
    link = make_link(session, status=status)

    with pytest.raises(VoiceSyncError, match=status):
        start_conversation(session=session, link_id=link.id, provider=provider)


def test_link_past_its_expiry_cannot_start(session, provider):
    link = make_link(session)
    link.expires_at = link.expires_at - timedelta(hours=100)
    session.add(link)
    session.commit()

    with pytest.raises(VoiceSyncError, match="expired"):
        start_conversation(session=session, link_id=link.id, provider=provider)


def test_a_conflicting_insert_is_rolled_back_and_retried(session, fake, provider, monkeypatch):
    link = make_link(session)
    conversation_id = call_for(session, fake, link)
    fake.say(conversation_id, "agent", "Hello.")
    real_upsert = transcript_sync._upsert_turns
    calls = []

    def racing_upsert(**kwargs):
        calls.append(1)
        written = real_upsert(**kwargs)
        if len(calls) == 1:
            # As when another worker committed the same (link_id, seq) a moment earlier.
            raise IntegrityError("INSERT INTO interview_turns", {}, Exception("UNIQUE"))
        return written

    monkeypatch.setattr(transcript_sync, "_upsert_turns", racing_upsert)

    written = sync_conversation(session=session, link_id=link.id, provider=provider,
                                conversation_id=conversation_id)

    assert len(calls) == 2 and written == 1
    session.refresh(link)
    assert link.conversation_id == conversation_id
    assert turns_of(session, link) == [(1, "interviewer", "Hello.")]


# --- the post-call webhook ----------------------------------------------------------------------

def test_webhook_completes_the_interview_once(session, fake, provider):
    link = make_link(session)
    start = start_conversation(session=session, link_id=link.id, provider=provider)
    conversation_id = call_for(session, fake, link, start.credentials.conversation_id)
    fake.say(conversation_id, "agent", "Thanks, that is all.")
    fake.say(conversation_id, "user", "Thank you!")
    fake.finish(conversation_id)

    outcome = complete_from_webhook(session=session, payload=webhook(fake, conversation_id),
                                    provider=provider)
    again = complete_from_webhook(session=session, payload=webhook(fake, conversation_id),
                                  provider=provider)

    assert (outcome.status, outcome.link_id, outcome.turns_written) == ("completed", link.id, 2)
    assert (again.status, again.turns_written) == ("already_completed", 0)
    session.refresh(link)
    assert link.status == "completed" and link.completed_at is not None
    assert [e["status"] for e in link.status_trail] == ["started", "completed"]
    events = session.exec(select(Event).where(Event.action == "interview.completed")).all()
    assert len(events) == 1
    assert events[0].entity_id == link.application_id and events[0].after["turns"] == 2
    assert events[0].after["link_id"] == link.id
    assert len(turns_of(session, link)) == 2
    # The provider's report moved the stage, once.
    [move] = session.exec(select(Event).where(Event.action == STAGE_CHANGED)).all()
    assert (move.actor_label, move.after["stage"]) == ("elevenlabs", "screened")


def test_webhook_finds_a_link_whose_browser_never_reported_the_call(session, fake, provider):
    link = make_link(session)
    # Started with a signed URL whose id the server did not keep; the page then died.
    conversation_id = call_for(session, fake, link)
    fake.say(conversation_id, "user", "Hello?")
    fake.finish(conversation_id)

    outcome = complete_from_webhook(session=session, payload=webhook(fake, conversation_id),
                                    provider=provider)

    session.refresh(link)
    assert outcome.status == "completed" and link.conversation_id == conversation_id


def test_webhook_of_an_earlier_part_does_not_end_the_interview(session, fake, provider):
    link = make_link(session)
    first = start_conversation(session=session, link_id=link.id, provider=provider)
    part_one = call_for(session, fake, link, first.credentials.conversation_id)
    fake.say(part_one, "agent", "First question.")
    fake.finish(part_one)
    second = start_conversation(session=session, link_id=link.id, provider=provider)
    call_for(session, fake, link, second.credentials.conversation_id)

    outcome = complete_from_webhook(session=session, payload=webhook(fake, part_one),
                                    provider=provider)

    session.refresh(link)
    assert outcome.status == "superseded" and link.status == "started"


def test_webhook_of_a_failed_call_leaves_the_link_open(session, fake, provider):
    link = make_link(session)
    conversation_id = call_for(session, fake, link)
    fake.say(conversation_id, "agent", "Hello")
    fake.finish(conversation_id, status="failed")

    outcome = complete_from_webhook(session=session, payload=webhook(fake, conversation_id),
                                    provider=provider)

    session.refresh(link)
    assert outcome.status == "not_finished" and link.status == "started"
    assert turns_of(session, link) == [(1, "interviewer", "Hello")]


def test_webhook_for_someone_elses_conversation_is_ignored(session, fake, provider):
    make_link(session)
    stranger = fake.connect(fake.mint(), dynamic_variables={"candidate_name": "Eve"})
    fake.finish(stranger)

    outcome = complete_from_webhook(session=session, payload=webhook(fake, stranger),
                                    provider=provider)

    assert outcome.status == "ignored" and outcome.link_id is None
    assert fake.requests_to(stranger) == []  # nothing fetched for a stranger


def test_webhook_with_a_copied_ref_is_ignored(session, fake, provider):
    link_a, link_b = make_link(session), make_link(session, name="Grace Hopper")
    start_conversation(session=session, link_id=link_b.id, provider=provider)
    # A's ref inside a conversation whose fetched variables say otherwise.
    conversation_id = fake.connect(fake.mint(), dynamic_variables={"interview_ref": "1-x"})
    payload = webhook(fake, conversation_id)
    payload["data"]["conversation_initiation_client_data"]["dynamic_variables"][
        "interview_ref"] = interview_ref(link_a.id)

    outcome = complete_from_webhook(session=session, payload=payload, provider=provider)

    session.refresh(link_a)
    assert outcome.status == "ignored" and "not started for interview link" in outcome.note
    assert link_a.status == "started" and conversation_ids(link_a) == []


@pytest.mark.parametrize("payload", [
    {"type": "post_call_audio", "data": {"conversation_id": "conv_1", "full_audio": "AAAA"}},
    {"type": "call_initiation_failure", "data": {"conversation_id": "conv_1"}},
    {"type": "post_call_transcription", "data": {}},
    {"type": "post_call_transcription", "data": "nonsense"},
])
def test_other_events_are_ignored(session, provider, payload):
    assert complete_from_webhook(session=session, payload=payload,
                                 provider=provider).status == "ignored"


def test_provider_failure_during_the_webhook_raises_for_a_retry(session, fake, provider):
    link = make_link(session)
    conversation_id = call_for(session, fake, link)
    fake.finish(conversation_id)
    fake.fail(500, path_contains=conversation_id)

    with pytest.raises(VoiceProviderError):
        complete_from_webhook(session=session, payload=webhook(fake, conversation_id),
                              provider=provider)

    session.refresh(link)
    assert link.status == "started"
    assert complete_from_webhook(session=session, payload=webhook(fake, conversation_id),
                                 provider=provider).status == "completed"


def test_provider_protocol_is_satisfied_by_the_real_client():
    client = ElevenLabsProvider(api_key=API_KEY, agent_id="a", base_url="http://127.0.0.1:9")
    provider: transcript_sync.VoiceInterviewProvider = client
    assert provider.name == "elevenlabs"
    client.close()


def test_the_agent_speaks_the_candidates_language(session):
    link = make_link(session)
    application = session.get(Application, link.application_id)
    candidate = session.get(Candidate, application.candidate_id)
    candidate.language = "de"
    session.add(candidate)
    session.commit()

    assert agent_variables(session=session, link_id=link.id).language == "de"
    # A language HireOps does not speak reaches the agent as English.
    assert agent_variables(session=session, link_id=link.id, language="it").language == "en"


def test_a_french_candidates_call_reaches_elevenlabs_with_language_fr(session, fake, provider):
    link = make_link(session)
    candidate = session.get(Candidate, session.get(Application, link.application_id).candidate_id)
    candidate.language = "fr"
    session.add(candidate)
    session.commit()

    start = start_conversation(session=session, link_id=link.id, provider=provider)
    # The browser joins with exactly the variables the server handed it (the room's component).
    conversation_id = fake.connect(start.credentials.conversation_id or fake.mint(),
                                   dynamic_variables=start.dynamic_variables)

    stored = provider.fetch_conversation(conversation_id)
    assert stored.dynamic_variables["language"] == "fr"
    assert stored.dynamic_variables["candidate_name"] == candidate.full_name


def test_voice_speech_signals_come_from_the_calls_turn_times(session, fake, provider):
    link = make_link(session)
    start = start_conversation(session=session, link_id=link.id, provider=provider)
    conversation_id = call_for(session, fake, link, start.credentials.conversation_id)
    fake.say(conversation_id, "agent", "How do you test a Python service?", at=0)
    # 30 words over 12 s, then a silence that ended the turn, and 10 more words over 6 s.
    fake.say(conversation_id, "user", " ".join(["pytest"] * 30), at=5)
    fake.say(conversation_id, "user", " ".join(["fixtures"] * 10), at=17)
    fake.say(conversation_id, "agent", "Why this team?", at=23)
    fake.say(conversation_id, "user", "Because of the product.", at=26)
    fake.say(conversation_id, "agent", "Thank you, goodbye.", at=29)
    fake.finish(conversation_id)
    sync_conversation(session=session, link_id=link.id, provider=provider)
    session.commit()

    card = interview_cards(session=session,
                           candidate_id=session.get(Application, link.application_id)
                           .candidate_id)[0]
    assert card.voice_signals_label == "Speech signals - context only, not part of any score"
    assert card.voice_signal_lines == [
        "Answer 1: spoke about 18 s, 133 words/min, 1 pause long enough to end a turn",
        "Answer 2: spoke about 3 s, 80 words/min, 0 pauses long enough to end a turn"]
    assert voice_answer_speech(turns=[]) == []
    # The turns are stored as the provider gave them: the evaluation reads no new durations.
    assert all(turn.ended_at is None for turn in session.exec(
        select(InterviewTurn).where(InterviewTurn.link_id == link.id)))


@pytest.mark.parametrize("language", ["fr", "de", "es"])
def test_without_a_plan_the_agent_gets_the_typed_rooms_questions_in_the_candidates_language(
        session, language):
    from hireops.services.interviews.builtin_interviewer import ensure_plan
    from hireops.services.text.language.detection import detect_language

    link = make_link(session)
    candidate = session.get(Candidate, session.get(Application, link.application_id).candidate_id)
    candidate.language = language
    session.add(candidate)
    session.commit()

    asked = agent_variables(session=session, link_id=link.id).screening_questions.split("\n")

    # The scorer's questions are written in English for HR: not for this candidate.
    assert not any("How do you test a Python service?" in line for line in asked)
    # HR's own question is asked as written, the others in the candidate's language...
    texts = [line.split(". ", 1)[1] for line in asked]
    assert "Why this team?" in texts
    assert all(detect_language(text) == language for text in texts
               if text != "Why this team?"), asked
    # ...the very questions the typed room would plan for this candidate.
    planned = [q["text"] for q in ensure_plan(session=session, link=link)["questions"]]
    assert asked == [f"{n}. {text}" for n, text in enumerate(planned, start=1)]
