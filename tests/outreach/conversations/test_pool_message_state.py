"""The candidate page's writer for a person in the talent pool: the pool entry is what the
message is about (alone, or beside their job applications), a template starts in the pool's
wording, and the message sent joins the conversation."""

from __future__ import annotations

from types import SimpleNamespace

from sqlmodel import select

from hireops.db import session_scope
from hireops.models import Application, ConversationMessage, Role, Stage
from hireops.state.candidates.profile.conversation import CandidateConversationState
from tests.factories import make_application, make_candidate, make_job
from tests.state import run_handler, signed_in_token, socket_router

HELPERS = ("_message", "_reset_draft", "_refresh", "_redraft", "_application_id")


def _writer(candidate_id: int) -> SimpleNamespace:
    """A stand-in for the conversation state of a recruiter's tab on the candidate's page,
    loaded."""
    token = signed_in_token("rec@example.com", Role.recruiter)
    router = socket_router(f"/candidates/view?id={candidate_id}", token)
    router.url.query_parameters = {"id": str(candidate_id)}
    state = SimpleNamespace(
        router=router, entries=[], application_choices=[], application_id="",
        template_kind="free_text", subject="", body="", preview_subject="", preview_text="",
        error="", composing=False, _candidate_id=0, _draft_key="", _drafted=[])
    for helper in HELPERS:
        setattr(state, helper, getattr(CandidateConversationState, helper).__get__(state))
    run_handler(CandidateConversationState, "load_conversation", state)
    return state


def _pooled(*, with_job: bool = False) -> tuple[int, int, int]:
    """(candidate id, pool entry id, job application id or 0)."""
    with session_scope() as session:
        lena = make_candidate(session, full_name="Lena Park", email="lena@example.com")
        pooled = Application(candidate_id=lena.id, job_id=None, stage=Stage.new)
        session.add(pooled)
        session.flush()
        applied = make_application(session, candidate=lena,
                                   job=make_job(session, title="Data Analyst")) \
            if with_job else None
        session.commit()
        return lena.id, pooled.id, applied.id if applied else 0


def test_a_pool_only_person_is_written_to_about_their_pool_entry(database_url):
    candidate_id, pooled_id, _ = _pooled()
    state = _writer(candidate_id)
    assert state.application_choices == [[str(pooled_id), "Talent pool"]]
    assert state.application_id == str(pooled_id)

    run_handler(CandidateConversationState, "start_writing", state)
    run_handler(CandidateConversationState, "choose_template", state, "message_question")
    assert "{job_title}" not in state.subject + state.body and not state.error
    run_handler(CandidateConversationState, "preview", state)
    assert not state.error and "Lena Park" in state.preview_text
    assert "None" not in state.preview_subject + state.preview_text
    run_handler(CandidateConversationState, "send", state)
    assert not state.error

    with session_scope() as session:
        [message] = session.exec(select(ConversationMessage)).all()
        filed_under, subject = message.application_id, message.subject
    assert filed_under == pooled_id
    [entry] = state.entries
    assert (entry.direction, entry.subject) == ("out", subject)


def test_the_pool_entry_is_offered_beside_job_applications_and_rewords_the_draft(database_url):
    candidate_id, pooled_id, applied_id = _pooled(with_job=True)
    state = _writer(candidate_id)
    # The job application first, as before: {job_title} has a job to name.
    assert state.application_choices == [[str(applied_id), "Data Analyst"],
                                         [str(pooled_id), "Talent pool"]]
    assert state.application_id == str(applied_id)
    run_handler(CandidateConversationState, "start_writing", state)
    run_handler(CandidateConversationState, "choose_template", state, "message_update")
    assert "{job_title}" in state.subject + state.body

    # About the pool instead: the untouched draft takes the pool's wording.
    run_handler(CandidateConversationState, "choose_application", state, str(pooled_id))
    assert "{job_title}" not in state.subject + state.body
    run_handler(CandidateConversationState, "preview", state)
    assert not state.error and "None" not in state.preview_text

    # An edited draft is HR's text: it stays, and a job named in it is refused for the pool.
    run_handler(CandidateConversationState, "choose_application", state, str(applied_id))
    run_handler(CandidateConversationState, "set_body", state, state.body + "\n{job_title}")
    run_handler(CandidateConversationState, "choose_application", state, str(pooled_id))
    assert state.body.endswith("{job_title}")
    run_handler(CandidateConversationState, "preview", state)
    assert "no job" in state.error and state.preview_text == ""
