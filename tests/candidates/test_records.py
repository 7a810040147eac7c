"""Candidate dedupe (email, then phone, then merged records) and one application per job."""

from __future__ import annotations

from sqlmodel import select

from hireops.models import Application, Candidate, Event, Job
from hireops.services.candidates import records as candidates_service
from hireops.services.platform.audit import PendingEvents
from hireops.services.candidates.records import find_or_create_candidate, get_or_create_application
from hireops.services.candidates.contacts import ContactInfo
from tests.factories import make_candidate, make_job

CV = "Maya Chen\nData analyst. SQL, Tableau, Python.\n" * 10


def _contact(**fields) -> ContactInfo:
    values = {"name": "Maya Chen", "email": "maya.chen@gmail.com", "phone": "+1 415 555 0134"}
    return ContactInfo(**{**values, **fields})


def _add(session, contact: ContactInfo, resume: str = CV, **kwargs) -> tuple[Candidate, bool]:
    result = find_or_create_candidate(session=session, contact=contact, resume_text=resume,
                                      source="inbox", **kwargs)
    session.commit()
    return result


def _events(session, action: str) -> list[Event]:
    return list(session.exec(select(Event).where(Event.action == action)))


def test_same_email_twice_is_one_candidate(session) -> None:
    first, created = _add(session, _contact())
    # Gmail ignores dots and +tags, so this is the same mailbox.
    again, created_again = _add(session, _contact(email="Maya.Chen+jobs@googlemail.com",
                                                  phone=""))
    assert created and not created_again
    assert again.id == first.id
    assert len(session.exec(select(Candidate)).all()) == 1
    assert first.email == "maya.chen@gmail.com"  # the first address stays
    assert len(_events(session, "candidate.created")) == 1


def test_two_addresses_with_the_same_phone_are_one_candidate(session) -> None:
    first, _ = _add(session, _contact(email="maya@work.example", phone="+1 (415) 555-0134"))
    again, created = _add(session, _contact(email="maya.chen@gmail.com", phone="415.555.0134"))
    assert not created and again.id == first.id
    updated = _events(session, "candidate.updated")
    assert "Also writes from maya.chen@gmail.com" in updated[-1].note


def test_national_and_international_forms_of_a_phone_match(session) -> None:
    first, _ = _add(session, _contact(email="james@one.example", phone="+44 20 7946 0321"))
    again, created = _add(session, _contact(email="james@two.example", phone="020 7946 0321"))
    assert not created and again.id == first.id


def test_different_people_are_two_candidates(session) -> None:
    maya, _ = _add(session, _contact())
    tom, created = _add(session, ContactInfo(name="Tom Baker", email="tom@example.com",
                                             phone="+44 20 7946 0999"))
    assert created and tom.id != maya.id


def test_no_email_and_no_phone_never_matches(session) -> None:
    first, _ = _add(session, ContactInfo(name="Maya Chen"))
    second, created = _add(session, ContactInfo(name="Maya Chen"))
    assert created and second.id != first.id


def test_match_fills_empty_fields_but_never_blanks_or_overwrites(session) -> None:
    first, _ = _add(session, _contact(phone="", location=""))
    _add(session, _contact(name="", phone="+1 415 555 0134", location="San Francisco, CA",
                           github_url="https://github.com/mayachen"))
    session.refresh(first)
    assert first.full_name == "Maya Chen"
    assert first.phone_normalized == "14155550134"
    assert first.location == "San Francisco, CA"
    assert first.github_url == "https://github.com/mayachen"
    _add(session, _contact(name="M. Chen", location="Oakland, CA"))
    session.refresh(first)
    assert first.full_name == "Maya Chen" and first.location == "San Francisco, CA"


def test_newer_resume_replaces_the_old_one_and_is_audited(session) -> None:
    first, _ = _add(session, _contact(), resume=CV, resume_attachment_id=1)
    newer = CV + "2024: Lead analyst at Gamma.\n"
    _add(session, _contact(), resume=newer, resume_attachment_id=2)
    session.refresh(first)
    assert first.resume_text == newer and first.resume_attachment_id == 2
    assert "Replaced the resume" in _events(session, "candidate.updated")[-1].note


def test_much_shorter_text_does_not_replace_the_resume(session) -> None:
    first, _ = _add(session, _contact(), resume=CV)
    _add(session, _contact(), resume="Hi, here is my application again.")
    session.refresh(first)
    assert first.resume_text == CV
    assert "Kept the stored resume" in _events(session, "candidate.updated")[-1].note


def test_identical_repeat_records_no_update_event(session) -> None:
    _add(session, _contact())
    _add(session, _contact())
    assert _events(session, "candidate.updated") == []


def test_merged_candidate_is_followed_to_the_survivor(session) -> None:
    survivor = make_candidate(session, full_name="Maya Chen", email="maya@keep.example",
                              email_normalized="maya@keep.example")
    merged = make_candidate(session, full_name="Maya Chen", email="maya.chen@gmail.com",
                            email_normalized="mayachen@gmail.com", merged_into_id=survivor.id)
    session.commit()
    found, created = _add(session, _contact())
    assert not created and found.id == survivor.id


def _job(session, title: str = "Data Analyst") -> Job:
    job = make_job(session, title=title)
    session.commit()
    return job


def test_one_application_per_candidate_and_job(session) -> None:
    candidate, _ = _add(session, _contact())
    job, other_job = _job(session), _job(session, "Data Engineer")
    first, created = get_or_create_application(session=session, candidate_id=candidate.id,
                                               job_id=job.id, source="inbox")
    again, created_again = get_or_create_application(session=session,
                                                     candidate_id=candidate.id, job_id=job.id,
                                                     source="inbox")
    other, created_other = get_or_create_application(session=session,
                                                     candidate_id=candidate.id,
                                                     job_id=other_job.id, source="inbox")
    session.commit()
    assert created and not created_again and created_other
    assert again.id == first.id and other.id != first.id
    assert len(session.exec(select(Application)).all()) == 2
    assert len(_events(session, "application.created")) == 2


def test_application_race_is_caught_in_a_savepoint(session, monkeypatch) -> None:
    candidate, _ = _add(session, _contact())
    job = _job(session)
    # Another worker inserted the application after our check: the first look misses it.
    session.add(Application(candidate_id=candidate.id, job_id=job.id, source="upload"))
    session.flush()
    real_lookup = candidates_service._application
    calls = []

    def miss_once(**kwargs):
        calls.append(kwargs)
        return None if len(calls) == 1 else real_lookup(**kwargs)

    monkeypatch.setattr(candidates_service, "_application", miss_once)
    app, created = get_or_create_application(session=session, candidate_id=candidate.id,
                                             job_id=job.id, source="inbox")
    assert not created and app.source == "upload"
    # The outer transaction survived the failed insert and still commits.
    session.commit()
    assert len(session.exec(select(Application)).all()) == 1
    assert session.get(Candidate, candidate.id) is not None


# --- a batch of messages at once -------------------------------------------------------------

def _indexed(session, index, contact: ContactInfo, events, resume: str = CV):
    return candidates_service.find_or_create_indexed(
        session=session, index=index, contact=contact, resume_text=resume, source="inbox",
        resume_attachment_id=None, actor_label="inbox", events=events)


def test_a_batch_sees_the_candidates_it_creates_and_fills_in(session) -> None:
    stored, _ = _add(session, _contact(phone=""))  # known by email only
    contacts = [
        _contact(email="maya.chen@gmail.com", phone="+1 415 555 0134"),  # fills in the phone
        _contact(email="maya@work.example", phone="415.555.0134"),  # found by that phone
        ContactInfo(name="Tom Baker", email="tom@example.com"),  # new
        ContactInfo(name="Tom Baker", email="Tom@Example.com", phone="+44 20 7946 0999"),
    ]
    index = candidates_service.CandidateIndex.load(session=session, contacts=contacts)
    events = PendingEvents()
    found = [_indexed(session, index, contact, events) for contact in contacts]
    session.flush()
    PendingEvents.write(session=session, pending=[events])
    session.commit()
    assert [(c.id, created) for c, created in found] == [
        (stored.id, False), (stored.id, False), (found[2][0].id, True), (found[2][0].id, False)]
    assert found[2][0].phone_normalized == "442079460999"
    assert len(session.exec(select(Candidate)).all()) == 2
    assert [e.entity_id for e in _events(session, "candidate.created")] == [stored.id,
                                                                            found[2][0].id]
    assert "Also writes from maya@work.example" in _events(session, "candidate.updated")[1].note


def test_a_batch_creates_one_application_per_candidate_and_job(session) -> None:
    candidate, _ = _add(session, _contact())
    job, other_job = _job(session), _job(session, "Data Engineer")
    existing, _ = get_or_create_application(session=session, candidate_id=candidate.id,
                                            job_id=job.id, source="upload")
    request = candidates_service.ApplicationRequest
    results = candidates_service.get_or_create_applications(session=session, requests=[
        request(candidate.id, job.id, "email"), request(candidate.id, other_job.id, "email"),
        request(candidate.id, other_job.id, "email")])
    session.commit()
    assert [(a.id, created) for a, created in results] == [
        (existing.id, False), (results[1][0].id, True), (results[1][0].id, False)]
    assert len(session.exec(select(Application)).all()) == 2


def test_a_batch_losing_an_application_race_goes_one_by_one(session, monkeypatch) -> None:
    candidate, _ = _add(session, _contact())
    job, other_job = _job(session), _job(session, "Data Engineer")
    # Another worker inserted one application after our look: the batch lookup misses it.
    session.add(Application(candidate_id=candidate.id, job_id=job.id, source="upload"))
    session.flush()
    monkeypatch.setattr(candidates_service, "_applications", lambda **kwargs: {})
    request = candidates_service.ApplicationRequest
    results = candidates_service.get_or_create_applications(session=session, requests=[
        request(candidate.id, job.id, "email"), request(candidate.id, other_job.id, "email")])
    session.commit()
    assert [(a.source, created) for a, created in results] == [("upload", False), ("email", True)]
    assert len(session.exec(select(Application)).all()) == 2
