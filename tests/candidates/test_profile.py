"""The candidate page's data: profile, highlighted resume, score breakdown, timeline, audited
notes, duplicate merging and blind screening with an audited reveal."""

from __future__ import annotations

import pytest
from sqlmodel import select

from hireops.models import Application, Candidate, Email, Event, Job, Stage, User
from hireops.services.candidates.profile import (
    CandidateMergeRefused, add_note, evidence_terms, get_candidate_profile, highlight_skills,
    merge_candidates, reveal_identity,
)
from tests.factories import make_application, make_candidate, make_user
from tests.factories import make_job

RESUME = ("Maya Chen — maya@example.com — +1 415 555 0101\n"
          "Built Python services on PostgreSQL; mentored juniors in python testing.\n"
          "Learned Pythonic idioms and C++ at school.")

RESULT = {
    "candidate_summary": {"name": "Maya Chen", "current_title": "Backend Engineer"},
    "match": {
        "score": 84.0, "confidence": 0.8, "recommendation": "shortlist",
        "evidence": [
            {"skill": "Python", "resume_evidence": "Built Python services on PostgreSQL",
             "importance": "must_have"},
            {"skill": "C++", "resume_evidence": "C++ at school", "importance": "nice_to_have"},
        ],
        "gaps": ["Kubernetes"], "risks": ["Short tenure at Acme"],
    },
    "screening_questions": ["How have you run services on Kubernetes?"],
    "knockouts": [{"requirement": "EU work permit", "result": "unknown", "evidence": ""}],
}


@pytest.fixture
def actor(session) -> User:
    user = make_user(session)
    session.commit()
    return user


def _candidate(session, name="Maya Chen", email="maya@example.com", **fields) -> Candidate:
    candidate = make_candidate(session, full_name=name, email=email, resume_text=RESUME, **fields)
    session.commit()
    return candidate


def _job(session, title="Backend Engineer", blind=False) -> Job:
    job = make_job(session, title=title, blind_screening=blind)
    session.commit()
    return job


def _apply(session, candidate, job, score=84.0) -> Application:
    application = make_application(session, candidate=candidate, job=job, stage=Stage.matched,
                                            resume_score=score, resume_result=RESULT)
    session.commit()
    return application


def test_profile_shows_fields_and_the_score_breakdown(session):
    maya = _candidate(session, phone="+1 415 555 0101", linkedin_url="https://linkedin.com/in/m")
    _apply(session, maya, _job(session))
    profile = get_candidate_profile(session=session, candidate_id=maya.id)
    assert (profile.display_name, profile.email, profile.linkedin_url) == (
        "Maya Chen", "maya@example.com", "https://linkedin.com/in/m")
    assert not profile.blind and not profile.identity_hidden
    [card] = profile.applications
    assert (card.job_title, card.stage_label, card.score, card.recommendation,
            card.confidence) == ("Backend Engineer", "Matched", "84", "shortlist", "80%")
    assert card.evidence[0].skill == "Python"
    assert card.evidence[0].sentence == "Built Python services on PostgreSQL"
    assert card.evidence[1].importance == "Nice-to-have"
    assert card.gaps == ["Kubernetes"] and card.risks == ["Short tenure at Acme"]
    assert card.knockouts[0].result == "unknown"
    assert card.screening_questions == ["How have you run services on Kubernetes?"]


def test_matched_skills_are_highlighted_as_whole_words_in_any_case(session):
    maya = _candidate(session)
    _apply(session, maya, _job(session))
    segments = get_candidate_profile(session=session, candidate_id=maya.id).resume_segments
    assert "".join(s.text for s in segments) == RESUME
    assert [s.text for s in segments if s.matched] == ["Python", "python", "C++"]


def test_highlighting_treats_skills_as_literal_text():
    segments = highlight_skills("Knows a.b and axb (regex?)", ["a.b", "(regex?)", ""])
    assert [s.text for s in segments if s.matched] == ["a.b", "(regex?)"]
    assert highlight_skills("", ["Python"]) == []


def test_unknown_candidate_is_a_lookup_error(session):
    with pytest.raises(LookupError):
        get_candidate_profile(session=session, candidate_id=999)


def test_notes_are_audited_and_appear_in_the_timeline_newest_first(session, actor):
    maya = _candidate(session)
    add_note(session=session, candidate_id=maya.id, text="  first call went well ", actor=actor)
    add_note(session=session, candidate_id=maya.id, text="second note", actor=actor)
    timeline = get_candidate_profile(session=session, candidate_id=maya.id).timeline
    assert [entry.note for entry in timeline] == ["second note", "first call went well"]
    assert timeline[0].is_note and timeline[0].actor == "hr@example.com"
    events = session.exec(select(Event).where(Event.action == "candidate.note")).all()
    assert {e.entity_id for e in events} == {maya.id} and events[0].actor_user_id == actor.id


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
def test_empty_or_huge_notes_are_refused(session, actor, text):
    maya = _candidate(session)
    with pytest.raises(ValueError):
        add_note(session=session, candidate_id=maya.id, text=text, actor=actor)


def test_timeline_includes_application_and_email_events(session):
    maya = _candidate(session)
    application = _apply(session, maya, _job(session))
    email = Email(message_key="k1", subject="My application", candidate_id=maya.id)
    session.add(email)
    session.flush()
    session.add_all([Event(action="application.stage_changed", entity_type="application",
                           entity_id=application.id),
                     Event(action="email.classified", entity_type="email", entity_id=email.id),
                     Event(action="email.classified", entity_type="email", entity_id=email.id + 1)])
    session.commit()
    profile = get_candidate_profile(session=session, candidate_id=maya.id)
    assert sorted(e.action for e in profile.timeline) == ["application.stage_changed",
                                                          "email.classified"]
    assert [e.subject for e in profile.emails] == ["My application"]


def test_merge_moves_applications_and_emails_and_is_audited(session, actor):
    keep = _candidate(session, email="")
    dup = _candidate(session, name="M. Chen", email="maya.chen@example.com", phone="555 0101")
    backend, analyst = _job(session), _job(session, "Data Analyst")
    _apply(session, keep, backend)
    conflicting = _apply(session, dup, backend)
    moved = _apply(session, dup, analyst)
    session.add(Email(message_key="k2", candidate_id=dup.id))
    session.commit()

    outcome = merge_candidates(session=session, keep_id=keep.id, merge_id=dup.id, actor=actor)

    assert (outcome.moved, outcome.folded, outcome.emails) == ([moved.id], [conflicting.id], 1)
    assert session.get(Application, moved.id).candidate_id == keep.id
    assert session.get(Application, conflicting.id).candidate_id == dup.id
    assert session.exec(select(Email).where(Email.candidate_id == keep.id)).one()
    session.refresh(keep)
    session.refresh(dup)
    assert dup.merged_into_id == keep.id
    assert (keep.full_name, keep.email, keep.phone) == ("Maya Chen", "maya.chen@example.com",
                                                        "555 0101")
    events = session.exec(select(Event).where(Event.action == "candidate.merged")).all()
    assert {e.entity_id for e in events} == {keep.id, dup.id}
    kept_event = next(e for e in events if e.entity_id == keep.id)
    assert kept_event.before["candidate"]["email"] == ""
    assert kept_event.after["moved_applications"] == [moved.id]


def test_merging_a_same_job_duplicate_says_what_happened_and_hides_it(session, actor):
    keep = _candidate(session)
    dup = _candidate(session, name="M. Chen", email="maya.chen@example.com")
    backend = _job(session)
    _apply(session, keep, backend)
    _apply(session, dup, backend)
    assert sorted(_tracker_names(session)) == ["M. Chen", "Maya Chen"]

    outcome = merge_candidates(session=session, keep_id=keep.id, merge_id=dup.id, actor=actor)

    # Not "moved 0 applications": the duplicate's application for the same job is folded.
    assert (outcome.moved, len(outcome.folded)) == ([], 1)
    assert outcome.describe() == (
        f"Merged the duplicate into this record. Its application to a job this record "
        "had already applied to is kept in its history and no longer listed.")
    # The duplicate is gone from the tracker; the kept record's application stays.
    assert _tracker_names(session) == ["Maya Chen"]


def _tracker_names(session) -> list[str]:
    from hireops.services.candidates.tracker import TrackerFilter, TrackerSort, query_tracker

    page = query_tracker(session=session, filter=TrackerFilter(), sort=TrackerSort())
    assert page.total == len(page.rows)
    return [row.candidate_name for row in page.rows]


def test_merge_refuses_itself_and_merged_records(session, actor):
    keep, dup, other = _candidate(session), _candidate(session), _candidate(session)
    with pytest.raises(CandidateMergeRefused):
        merge_candidates(session=session, keep_id=keep.id, merge_id=keep.id, actor=actor)
    merge_candidates(session=session, keep_id=keep.id, merge_id=dup.id, actor=actor)
    with pytest.raises(CandidateMergeRefused):
        merge_candidates(session=session, keep_id=dup.id, merge_id=other.id, actor=actor)
    with pytest.raises(LookupError):
        merge_candidates(session=session, keep_id=keep.id, merge_id=404, actor=actor)


def test_blind_screening_hides_identity_until_revealed_and_the_reveal_is_audited(session,
                                                                                  actor):
    maya = _candidate(session, phone="+1 415 555 0101", github_url="https://github.com/maya")
    _apply(session, maya, _job(session, blind=True))
    hidden = get_candidate_profile(session=session, candidate_id=maya.id)
    assert hidden.blind and hidden.identity_hidden
    assert hidden.display_name == f"Candidate #{maya.id}"
    assert (hidden.email, hidden.phone, hidden.github_url) == ("", "", "")
    resume = "".join(s.text for s in hidden.resume_segments)
    for secret in ("Maya", "Chen", "maya@example.com", "555 0101"):
        assert secret not in resume
    assert "Python" in resume

    reveal_identity(session=session, candidate_id=maya.id, actor=actor)
    shown = get_candidate_profile(session=session, candidate_id=maya.id)
    assert shown.display_name == "Maya Chen" and shown.email == "maya@example.com"
    event = session.exec(select(Event).where(Event.action == "candidate.revealed")).one()
    assert (event.entity_id, event.actor_user_id) == (maya.id, actor.id)
    assert shown.timeline[0].label == f"{actor.email} revealed the identity of Maya Chen."


def test_only_the_alternatives_the_evidence_mentions_are_highlighted():
    sentence = "Migrated the ledger from MySQL to PostgreSQL; built Python services"
    assert evidence_terms("PostgreSQL or MySQL", sentence) == ["PostgreSQL", "MySQL"]
    assert evidence_terms("Python, Go or Java", sentence) == ["Python"]
    assert evidence_terms("SQL", sentence) == []


def test_merge_brings_the_duplicates_tags_conversation_and_uploaded_files(session, actor):
    from hireops.models import Attachment, CandidateTag, ConversationMessage
    from hireops.services.candidates.tags import add_tags, tags_of

    keep, dup = _candidate(session), _candidate(session, name="M. Chen")
    add_tags(session=session, candidate_ids=[keep.id], text="Python", actor=actor)
    add_tags(session=session, candidate_ids=[dup.id], text="python, Rehire", actor=actor)
    session.add(ConversationMessage(candidate_id=dup.id, direction="in", subject="Re: your role"))
    session.add(Attachment(candidate_id=dup.id, filename="cv.pdf"))
    session.commit()

    merge_candidates(session=session, keep_id=keep.id, merge_id=dup.id, actor=actor)

    # One of each label, whatever its case; nothing left behind on the hidden duplicate.
    assert tags_of(session=session, candidate_ids=[keep.id, dup.id]) == {
        keep.id: ["Python", "Rehire"]}
    assert session.exec(select(CandidateTag).where(CandidateTag.candidate_id == dup.id)).all() == []
    thread = session.exec(select(ConversationMessage)).one()
    assert thread.candidate_id == keep.id
    assert session.exec(select(Attachment)).one().candidate_id == keep.id
