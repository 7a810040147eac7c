"""Tags on candidates: cleaned and bounded, one of each per person whatever its case, audited,
kept out of erased and anonymised records, and a tracker filter; and the tracker's bulk add
of picked applicants to a job (each person once, scored, audited)."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from hireops.models import Application, Candidate, CandidateTag, Event
from hireops.services.jobs.records import JobForm, create_job
from hireops.services.privacy.rights import anonymise_candidate, erase_candidate
from hireops.services.candidates.tags import (
    MAX_TAGS_PER_CANDIDATE, TAGGED, UNTAGGED, InvalidTag, add_tags, all_tags, clean_tag,
    parse_tags, remove_tag, tags_of,
)
from hireops.services.candidates.talent_pool import FROM_POOL_SOURCE, add_applicants_to_job
from hireops.services.candidates.tracker import TrackerFilter, TrackerSort, list_tracker_rows
from tests.sample_resumes import MATCHING_BACKEND_RESUME
from tests.factories import make_candidate, make_job


@pytest.mark.parametrize(("typed", "shown"), [
    ("  Python ", "Python"), ("spring\t fair\n2026", "spring fair 2026"),
    ("<b>Rehire</b>", "<b>Rehire</b>"), ("x" * 40, "x" * 40)])
def test_a_tag_is_tidied_and_keyed_by_case(typed, shown):
    assert clean_tag(typed) == (shown, shown.casefold())


@pytest.mark.parametrize("typed", ["", "   ", "x" * 41, "bad\u0000tag", "rtl\u202etag", 7])
def test_a_bad_tag_is_refused_with_a_reason(typed):
    with pytest.raises(InvalidTag):
        clean_tag(typed)


def test_comma_separated_tags_lose_repeats_and_are_bounded():
    assert parse_tags("Python, python ,, SQL") == [("Python", "python"), ("SQL", "sql")]
    with pytest.raises(InvalidTag):
        parse_tags(",".join(f"t{n}" for n in range(11)))
    # A long paste stays linear and bounded: cut to 2,000 characters first.
    assert len(parse_tags(" " * 100_000 + "a")) == 0


def _people(session: Session, *names: str) -> list[Candidate]:
    people = [make_candidate(session, full_name=name, email=f"{name.lower()}@example.com")
              for name in names]
    session.commit()
    return people


def test_tags_are_added_once_per_person_and_audited(session: Session, actor):
    ada, bo = _people(session, "Ada", "Bo")
    assert add_tags(session=session, candidate_ids=[ada.id, bo.id, 999_999],
                    text="Python, Rehire", actor=actor) == 4
    assert add_tags(session=session, candidate_ids=[ada.id], text="PYTHON, Spring fair",
                    actor=actor) == 1
    assert tags_of(session=session, candidate_ids=[ada.id, bo.id]) == {
        ada.id: ["Python", "Rehire", "Spring fair"], bo.id: ["Python", "Rehire"]}
    assert all_tags(session=session) == ["Python", "Rehire", "Spring fair"]
    events = session.exec(select(Event).where(Event.action == TAGGED)
                          .order_by(Event.id)).all()
    assert [(e.entity_id, e.after["tags"], e.actor_user_id) for e in events] == [
        (ada.id, ["Python", "Rehire"], actor.id), (bo.id, ["Python", "Rehire"], actor.id),
        (ada.id, ["Spring fair"], actor.id)]

    assert remove_tag(session=session, candidate_id=ada.id, tag="rehire", actor=actor)
    assert not remove_tag(session=session, candidate_id=ada.id, tag="rehire", actor=actor)
    assert tags_of(session=session, candidate_ids=[ada.id])[ada.id] == ["Python", "Spring fair"]
    [untagged] = session.exec(select(Event).where(Event.action == UNTAGGED)).all()
    assert untagged.before == {"tags": ["Rehire"]}


def test_a_person_holds_a_bounded_number_of_tags(session: Session):
    [ada] = _people(session, "Ada")
    for start in range(0, 30, 10):
        add_tags(session=session, candidate_ids=[ada.id],
                 text=",".join(f"tag {n}" for n in range(start, start + 10)), actor=None)
    assert len(tags_of(session=session, candidate_ids=[ada.id])[ada.id]) == \
        MAX_TAGS_PER_CANDIDATE


def test_the_tracker_filters_by_tag_and_shows_tags(session: Session):
    job = make_job(session, title="Engineer")
    ada, bo, cy = _people(session, "Ada", "Bo", "Cy")
    session.add_all([Application(candidate_id=p.id, job_id=job.id) for p in (ada, bo, cy)])
    session.commit()
    add_tags(session=session, candidate_ids=[ada.id], text="Python", actor=None)
    add_tags(session=session, candidate_ids=[bo.id], text="Rehire", actor=None)

    def names(tags):
        rows = list_tracker_rows(session=session, filter=TrackerFilter(tags=tags),
                                 sort=TrackerSort(column="candidate", direction="asc"))
        return [(row.candidate_name, row.tags) for row in rows]

    assert names(["python"]) == [("Ada", ["Python"])]
    assert names(["Python", "REHIRE"]) == [("Ada", ["Python"]), ("Bo", ["Rehire"])]
    assert names(["nobody has this"]) == []
    assert [name for name, _ in names([])] == ["Ada", "Bo", "Cy"]


def test_erasure_and_anonymisation_take_the_tags(session: Session, actor):
    ada, bo = _people(session, "Ada", "Bo")
    add_tags(session=session, candidate_ids=[ada.id, bo.id], text="Ada's referral",
             actor=actor)
    erase_candidate(session=session, candidate_id=ada.id, actor=actor, reason="request")
    anonymise_candidate(session=session, candidate_id=bo.id, actor_label="retention")
    assert session.exec(select(CandidateTag)).all() == []


def test_picked_applicants_are_added_to_a_job_once_each_scored_and_audited(session: Session,
                                                                          actor):
    backend = create_job(session=session, actor=None, form=JobForm(
        title="Backend Engineer", must_have_skills=["Python", "PostgreSQL", "Docker"]))
    other = make_job(session, title="Data Analyst")
    tom = make_candidate(session, full_name="Tom Baker", email="tom@example.com",
                         resume_text=MATCHING_BACKEND_RESUME)
    already = make_candidate(session, full_name="Ada Applied", email="ada@example.com",
                             resume_text=MATCHING_BACKEND_RESUME)
    pool = Application(candidate_id=tom.id, job_id=None)
    tom_other = Application(candidate_id=tom.id, job_id=other.id)
    ada_other = Application(candidate_id=already.id, job_id=other.id)
    ada_backend = Application(candidate_id=already.id, job_id=backend.id)
    session.add_all([pool, tom_other, ada_other, ada_backend])
    session.commit()

    added = add_applicants_to_job(session=session, job_id=backend.id, actor=actor,
                                  application_ids=[pool.id, tom_other.id, ada_other.id])
    assert added == 1
    [new] = session.exec(select(Application).where(Application.candidate_id == tom.id,
                                                   Application.job_id == backend.id)).all()
    assert new.source == FROM_POOL_SOURCE and new.resume_score is not None
    assert new.resume_result.get("match")
    created = session.exec(select(Event).where(Event.action == "application.created",
                                               Event.entity_id == new.id)).one()
    assert created.actor_label == actor.email
    assert add_applicants_to_job(session=session, job_id=backend.id, actor=actor,
                                 application_ids=[pool.id]) == 0


def test_the_demo_shows_tags(session: Session, monkeypatch):
    from hireops.config import get_settings
    from hireops.services.demo.seed import seed_demo

    monkeypatch.setenv("DEMO_MODE", "true")
    get_settings.cache_clear()
    seed_demo(session=session)
    seed_demo(session=session)  # a second run adds nothing twice
    assert all_tags(session=session) == ["Python", "Referral", "Spring fair", "SQL"]
    rows = list_tracker_rows(session=session, filter=TrackerFilter(tags=["sql"]),
                             sort=TrackerSort(column="candidate", direction="asc"))
    assert [row.candidate_name for row in rows] == ["Lucas Martin", "Priya Raman"]


def test_tags_and_their_filter_on_sqlite_and_postgresql(any_database_url):
    from hireops.db import session_scope

    with session_scope() as session:
        job = make_job(session, title="Engineer")
        ada, bo = _people(session, "Ada", "Bo")
        session.add_all([Application(candidate_id=p.id, job_id=job.id) for p in (ada, bo)])
        session.commit()
        assert add_tags(session=session, candidate_ids=[ada.id, bo.id], text="Zürich, ÉCOLE",
                        actor=None) == 4
        # One of each per person whatever its case, kept by the database itself too.
        assert add_tags(session=session, candidate_ids=[ada.id], text="zürich, école",
                        actor=None) == 0
        remove_tag(session=session, candidate_id=bo.id, tag="école", actor=None)
        rows = list_tracker_rows(session=session, filter=TrackerFilter(tags=["ÉCOLE"]),
                                 sort=TrackerSort(column="candidate", direction="asc"))
        assert [(row.candidate_name, row.tags) for row in rows] == [
            ("Ada", ["ÉCOLE", "Zürich"])]
        assert all_tags(session=session) == ["ÉCOLE", "Zürich"]


def test_the_tracker_narrows_to_the_talent_pool(session: Session):
    job = make_job(session, title="Engineer")
    ada, bo = _people(session, "Ada", "Bo")
    session.add_all([Application(candidate_id=ada.id, job_id=None),
                     Application(candidate_id=bo.id, job_id=job.id)])
    session.commit()
    rows = list_tracker_rows(session=session, filter=TrackerFilter(talent_pool_only=True),
                             sort=TrackerSort())
    assert [(row.candidate_name, row.job_title) for row in rows] == [("Ada", "Talent pool")]
