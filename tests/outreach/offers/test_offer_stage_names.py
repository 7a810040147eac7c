"""The "Offer and hire" section's dialogs say where the application moves in the job's own
names: a job that calls Offer "Proposal" and Hired "Joined" reads "moves to Proposal", not the
built-in names."""

from __future__ import annotations

from types import SimpleNamespace

from hireops.db import session_scope
from hireops.models import Role, Stage
from hireops.services.jobs.job_stages import rename_stage
from hireops.services.outreach.offer_view import offer_targets
from hireops.services.outreach.offers import send_offer
from hireops.state.candidates.profile.offers import CandidateOfferState
from tests.factories import make_application, make_candidate, make_job
from tests.outreach.offers.test_offers import _form
from tests.state import run_handler, signed_in_token, socket_router


def _renamed(session, job_id: int) -> None:
    rename_stage(session=session, job_id=job_id, key=Stage.offer.value, label="Proposal",
                 actor=None)
    rename_stage(session=session, job_id=job_id, key=Stage.hired.value, label="Joined",
                 actor=None)


def test_each_target_carries_its_jobs_names_for_offer_and_hired(session, shortlisted):
    _renamed(session, shortlisted.job_id)
    (target,) = offer_targets(session=session, candidate_id=shortlisted.candidate_id)
    assert (target.offer_label, target.hired_label) == ("Proposal", "Joined")


def _offer_page(candidate_id: int, targets) -> SimpleNamespace:
    token = signed_in_token("rec@example.com", Role.recruiter)
    state = SimpleNamespace(
        router=socket_router(f"/candidates/view?id={candidate_id}", token),
        candidate_id=candidate_id, targets=targets, draft_for=0, draft_job="",
        draft_moves_to="", answer_for=0, answer_accepted=True, answer_reason="",
        answer_moves_to="", answer_stays_in="")
    state._clear_preview = lambda: None
    return state


def test_the_draft_and_answer_dialogs_name_the_jobs_stages(database_url):
    with session_scope() as session:
        job = make_job(session, title="Platform Engineer")
        session.commit()
        _renamed(session, job.id)
        application = make_application(session, job=job, stage=Stage.shortlisted,
                                       candidate=make_candidate(session, email="ada@x.test"))
        session.commit()
        send_offer(session=session, application_id=application.id, form=_form(), actor=None)
        targets = offer_targets(session=session, candidate_id=application.candidate_id)
        candidate_id, application_id = application.candidate_id, application.id
    state = _offer_page(candidate_id, targets)
    run_handler(CandidateOfferState, "open_draft", state, application_id)
    assert state.draft_moves_to == "Proposal"
    run_handler(CandidateOfferState, "open_answer", state, targets[0].offers[0].offer_id, True)
    assert (state.answer_moves_to, state.answer_stays_in) == ("Joined", "Proposal")
