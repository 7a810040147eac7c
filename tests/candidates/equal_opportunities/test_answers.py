"""Candidates' own answers: stored apart, refused when unknown, kept out of every staff view
(candidate page, tracker, API, audit log) but given back in the candidate's own export."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from sqlmodel import select

from hireops.api.app import build_api
from hireops.models import Candidate, Event, Role, Stage
from hireops.services.platform.api_tokens import create_api_token
from hireops.services.reports.audit_log import AuditFilter, export_events_csv, list_events
from hireops.services.platform.auth import create_user
from hireops.services.privacy.blind_screening import reveal_identity
from hireops.services.candidates.profile import get_candidate_profile, merge_candidates
from hireops.services.candidates.equal_opportunities import (
    ANSWERED_ACTION,
    PREFER_NOT_TO_SAY,
    AnswersRefused,
    record_answers,
    save_questions,
)
from hireops.services.privacy.rights import erase_candidate
from hireops.services.candidates.tracker import TrackerFilter, TrackerSort, query_tracker
from tests.factories import exported_archive, make_application, make_candidate

# Answers no other field would ever contain, so finding them anywhere is a leak.
ORIGIN = {"key": "origin", "label": "Where did you grow up?",
          "options": ["Quokka Island", "Wombat Valley"]}
DISABILITY = {"key": "disability", "label": "Do you have a disability?",
              "options": ["Yes", "No"]}


@pytest.fixture
def candidate_id(session) -> int:
    save_questions(session=session, questions=[ORIGIN, DISABILITY], actor=None)
    candidate = make_candidate(session, full_name="Maya Chen", email="maya@example.com")
    make_application(session, candidate=candidate, stage=Stage.matched, resume_score=86)
    session.commit()
    return candidate.id


def test_answers_are_stored_on_the_candidate(session, candidate_id):
    stored = record_answers(session=session, candidate_id=candidate_id,
                            answers={"origin": "Quokka Island", "disability": ""})
    assert stored == {"origin": "Quokka Island"}  # a blank answer is not an answer
    record_answers(session=session, candidate_id=candidate_id,
                   answers={"disability": PREFER_NOT_TO_SAY})
    session.expire_all()
    assert session.get(Candidate, candidate_id).self_reported == {
        "origin": "Quokka Island", "disability": PREFER_NOT_TO_SAY}


@pytest.mark.parametrize("answers, message", [
    ({"religion": "None"}, "no question 'religion'"),
    ({"origin": "Atlantis"}, "not an answer to 'origin'"),
    ({"origin": "quokka island"}, "not an answer to 'origin'"),
])
def test_unknown_questions_and_answers_are_refused(session, candidate_id, answers, message):
    with pytest.raises(AnswersRefused, match=message):
        record_answers(session=session, candidate_id=candidate_id, answers=answers)
    session.rollback()
    assert session.get(Candidate, candidate_id).self_reported == {}


def test_nothing_is_accepted_while_no_questions_are_configured(session, candidate_id):
    save_questions(session=session, questions=[], actor=None)
    with pytest.raises(AnswersRefused):
        record_answers(session=session, candidate_id=candidate_id,
                       answers={"origin": "Quokka Island"})


def test_an_unknown_candidate_is_refused(session, candidate_id):
    with pytest.raises(LookupError):
        record_answers(session=session, candidate_id=candidate_id + 99,
                       answers={"origin": "Quokka Island"})


def test_the_audit_log_says_answers_were_given_but_not_what(session, candidate_id):
    record_answers(session=session, candidate_id=candidate_id,
                   answers={"origin": "Wombat Valley", "disability": "Yes"})
    event = session.exec(select(Event).where(Event.action == ANSWERED_ACTION)).one()
    assert event.entity_id == candidate_id
    # The options themselves are in the log (an admin configured them), but nothing ties a
    # candidate to one.
    assert "Wombat Valley" not in _about_candidates(session)
    about = AuditFilter(entity_type="candidate")
    shown = list_events(session=session, audit=about)
    assert shown.total == 1 and "Wombat Valley" not in repr(shown)
    assert b"Wombat Valley" not in export_events_csv(session=session, audit=about)


def test_answers_stay_off_the_candidate_page_and_the_tracker(session, candidate_id):
    record_answers(session=session, candidate_id=candidate_id,
                   answers={"origin": "Wombat Valley"})
    for revealed in (False, True):
        if revealed:
            reveal_identity(session=session, candidate_id=candidate_id, actor=None)
        profile = get_candidate_profile(session=session, candidate_id=candidate_id)
        assert "Wombat Valley" not in repr(profile)
    page = query_tracker(session=session, filter=TrackerFilter(), sort=TrackerSort())
    assert page.total == 1 and "Wombat Valley" not in repr(page)


def test_answers_stay_out_of_the_api(session, candidate_id, database_url, tmp_path,
                                     monkeypatch):
    record_answers(session=session, candidate_id=candidate_id,
                   answers={"origin": "Wombat Valley"})
    admin = create_user(session=session, email="admin@example.com", password="correct horse 1",
                        role=Role.admin)
    token = create_api_token(session=session, name="BI", scope="read", actor=admin)[1]
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    headers = {"Authorization": f"Bearer {token}"}
    with TestClient(build_api()) as client:
        bodies = [client.get(path, headers=headers) for path in (
            "/api/v1/candidates", f"/api/v1/candidates/{candidate_id}", "/api/v1/applications",
            "/api/v1/events?entity_type=candidate")]
    assert [response.status_code for response in bodies] == [200] * 4
    assert ANSWERED_ACTION in bodies[-1].text  # that they answered is no secret
    assert all("Wombat Valley" not in response.text for response in bodies)
    assert all("self_reported" not in response.text for response in bodies)


def test_the_candidates_own_export_includes_their_answers(session, candidate_id):
    record_answers(session=session, candidate_id=candidate_id,
                   answers={"origin": "Wombat Valley"})
    archive = exported_archive(session, candidate_id)
    data = json.loads(archive.read("data.json"))
    assert data["candidates"][0]["self_reported"] == {"origin": "Wombat Valley"}


def test_a_merged_duplicates_answers_follow_to_the_kept_record(session, candidate_id):
    duplicate = make_candidate(session, full_name="Maya C.", email="maya@example.com")
    session.commit()
    record_answers(session=session, candidate_id=duplicate.id,
                   answers={"origin": "Wombat Valley", "disability": "No"})
    record_answers(session=session, candidate_id=candidate_id, answers={"disability": "Yes"})
    merge_candidates(session=session, keep_id=candidate_id, merge_id=duplicate.id, actor=None)
    session.expire_all()
    # The kept record's own answer wins where both answered.
    assert session.get(Candidate, candidate_id).self_reported == {
        "origin": "Wombat Valley", "disability": "Yes"}
    assert "Wombat Valley" not in _about_candidates(session)


def test_erasure_removes_the_answers_with_the_candidate(session, candidate_id):
    record_answers(session=session, candidate_id=candidate_id,
                   answers={"origin": "Wombat Valley"})
    erase_candidate(session=session, candidate_id=candidate_id, actor=None,
                    reason="asked to be forgotten")
    session.expire_all()
    assert session.get(Candidate, candidate_id) is None
    assert "Wombat Valley" not in _about_candidates(session)


def _about_candidates(session) -> str:
    events = session.exec(select(Event).where(Event.entity_type != "setting")).all()
    return json.dumps([[e.before, e.after, e.note] for e in events])
