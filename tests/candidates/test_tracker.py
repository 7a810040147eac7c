"""The tracker grid: each filter, filters combined, every sort column both ways with empty values
last, pagination, case-insensitive text search, blind screening, audited bulk stage moves."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlmodel import select

from hireops.models import Application, Candidate, Event, Job, Stage
from hireops.services.candidates.tracker import (
    ApplicationsNotFound,
    RejectionNeedsReason,
    TrackerFilter,
    TrackerSort,
    list_tracker_rows,
    move_stage,
    query_tracker,
)
from tests.factories import make_application, make_candidate, make_job, make_user

SORT_COLUMNS = ["candidate", "job", "stage", "resume_score", "interview_score", "final_score",
                "decision", "source", "applied", "last_activity"]


def _at(day: int, hour: int = 9) -> datetime:
    return datetime(2026, 3, day, hour, 0, tzinfo=timezone.utc)


# name, email, job, stage, resume, interview, final, decision, source, applied day, activity day
PEOPLE = [
    ("Alice Martin", "alice@example.com", "backend", Stage.matched, 81.0, 70.0, 74.4, "advance",
     "email", 1, 20),
    ("bob okafor", "BOB@Example.com", "backend", Stage.new, None, None, None, "", "manual", 2, 2),
    ("Élodie Durand", "elodie@example.fr", "analyst", Stage.shortlisted, 92.5, 88.0, 89.8,
     "advance", "email", 3, 25),
    ("Chen Wei", "chen@example.com", "analyst", Stage.rejected, 41.0, None, None, "reject",
     "referral", 4, 6),
    ("", "nameless@example.com", "backend", Stage.matched, 81.0, 60.0, 68.4, "hold", "email",
     5, 9),
    ("Zoe Blind", "zoe@example.com", "nurse", Stage.screened, 77.0, 79.0, 78.2, "hold", "",
     6, 30),
    ("Amy 50%_off", "amy@example.com", "analyst", Stage.matched, 55.0, None, None, "", "email",
     7, 7),
]


@pytest.fixture
def grid(session) -> dict[str, Application]:
    """Three jobs (the nurse job screens blind) and one application per person above."""
    return add_grid(session)


def add_grid(session) -> dict[str, Application]:
    """The `grid` fixture's rows, added and committed: applications by name (or email)."""
    jobs = {"backend": make_job(session, title="Backend Engineer"),
            "analyst": make_job(session, title="Data Analyst"),
            "nurse": make_job(session, title="Registered Nurse", blind_screening=True)}
    applications = {}
    for (name, email, job, stage, resume, interview, final, decision, source, applied,
         activity) in PEOPLE:
        candidate = make_candidate(session, full_name=name, email=email)
        application = make_application(
            session, candidate=candidate, job=jobs[job], stage=stage, resume_score=resume,
            interview_score=interview, final_score=final, decision=decision, source=source,
            created_at=_at(applied), updated_at=_at(applied), last_activity_at=_at(activity))
        applications[name or email] = application
    session.commit()
    return applications


def _names(session, reveal_blind: bool = False, sort: TrackerSort | None = None,
           **filter_fields) -> list[str]:
    page = query_tracker(session=session, filter=TrackerFilter(**filter_fields),
                         sort=sort or TrackerSort(), page=1, page_size=100,
                         reveal_blind=reveal_blind)
    assert page.total == len(page.rows)
    return [row.candidate_name for row in page.rows]


def test_unfiltered_grid_has_every_application_most_recent_activity_first(session, grid):
    rows = query_tracker(session=session, filter=TrackerFilter(), sort=TrackerSort()).rows
    assert [row.application_id for row in rows] == [
        a.id for a in sorted(grid.values(), key=lambda a: a.last_activity_at, reverse=True)]
    alice = next(row for row in rows if row.candidate_name == "Alice Martin")
    assert (alice.candidate_email, alice.job_title, alice.stage, alice.stage_label,
            alice.resume_score, alice.final_score, alice.decision, alice.source, alice.applied,
            alice.last_activity, alice.blind) == (
        "alice@example.com", "Backend Engineer", "matched", "Matched", 81.0, 74.4, "advance",
        "email", "1 Mar 2026", "20 Mar 2026, 10:00 CET", False)


@pytest.mark.parametrize(("fields", "expected"), [
    ({"stages": [Stage.matched, Stage.new]}, {"Alice Martin", "bob okafor", "nameless@example.com",
                                              "Amy 50%_off"}),
    ({"resume_min": 80}, {"Alice Martin", "Élodie Durand", "nameless@example.com"}),
    ({"resume_min": 41, "resume_max": 55}, {"Chen Wei", "Amy 50%_off"}),
    ({"interview_max": 70}, {"Alice Martin", "nameless@example.com"}),
    ({"final_min": 68.4, "final_max": 74.4}, {"Alice Martin", "nameless@example.com"}),
    ({"decisions": ["advance"]}, {"Alice Martin", "Élodie Durand"}),
    ({"decisions": [""]}, {"bob okafor", "Amy 50%_off"}),
    ({"source": "referral"}, {"Chen Wei"}),
    ({"applied_from": date(2026, 3, 2), "applied_to": date(2026, 3, 4)},
     {"bob okafor", "Élodie Durand", "Chen Wei"}),
])
def test_each_filter(session, grid, fields, expected):
    # The blind job's candidate matches none of these, so every name here is visible.
    assert set(_names(session, **fields)) == expected


def test_filter_by_job(session, grid):
    backend = grid["Alice Martin"].job_id
    assert set(_names(session, job_ids=[backend])) == {"Alice Martin", "bob okafor",
                                                        "nameless@example.com"}


def test_filters_combine(session, grid):
    backend, analyst = grid["Alice Martin"].job_id, grid["Chen Wei"].job_id
    assert _names(session, job_ids=[backend, analyst], stages=[Stage.matched], resume_min=60,
                  decisions=["advance", "hold"], source="email", search="example.com",
                  applied_from=date(2026, 3, 1)) == ["Alice Martin", "nameless@example.com"]


SEARCH_CASES = [
    ("ALICE", {"Alice Martin"}),
    ("Okafor", {"bob okafor"}),
    ("bob@example", {"bob okafor"}),
    ("data ANALYST", {"Élodie Durand", "Chen Wei", "Amy 50%_off"}),
    ("élodie", {"Élodie Durand"}),
    ("ÉLODIE", {"Élodie Durand"}),
    ("50%_", {"Amy 50%_off"}),
    ("%", {"Amy 50%_off"}),
    ("_", {"Amy 50%_off"}),
    ("nobody", set()),
]


@pytest.mark.parametrize(("search", "expected"), SEARCH_CASES)
def test_text_search_ignores_case_and_takes_wildcards_literally(session, grid, search, expected):
    assert set(_names(session, search=f"  {search} ")) == expected


def test_blind_job_hides_identity_from_rows_search_and_sort(session, grid):
    zoe = grid["Zoe Blind"]
    row = next(r for r in query_tracker(session=session, filter=TrackerFilter(),
                                        sort=TrackerSort()).rows if r.application_id == zoe.id)
    assert (row.candidate_name, row.candidate_email, row.blind) == (
        f"Candidate #{zoe.candidate_id}", "", True)
    assert _names(session, search="zoe") == []
    assert _names(session, search="nurse") == [f"Candidate #{zoe.candidate_id}"]
    # Hidden names sort with the empty ones, after every visible name.
    by_name = _names(session, sort=TrackerSort(column="candidate", direction="asc"))
    assert by_name == ["Alice Martin", "Amy 50%_off", "Chen Wei", "bob okafor", "Élodie Durand",
                       "nameless@example.com", f"Candidate #{zoe.candidate_id}"]

    assert _names(session, reveal_blind=True, search="zoe") == ["Zoe Blind"]
    assert _names(session, reveal_blind=True,
                  sort=TrackerSort(column="candidate", direction="asc")) == [
        "Alice Martin", "Amy 50%_off", "Chen Wei", "Zoe Blind", "bob okafor", "Élodie Durand",
        "nameless@example.com"]


def _sort_key(application: Application, candidate: Candidate, job: Job, column: str):
    """What the grid sorts by, in Python; None for the values that go last."""
    return {
        "candidate": None if job.blind_screening or not candidate.full_name
        else candidate.full_name,
        "job": job.title,
        "stage": list(Stage).index(Stage(application.stage)),
        "resume_score": application.resume_score,
        "interview_score": application.interview_score,
        "final_score": application.final_score,
        "decision": application.decision or None,
        "source": application.source or None,
        "applied": application.created_at,
        "last_activity": application.last_activity_at,
    }[column]


@pytest.mark.parametrize("direction", ["asc", "desc"])
@pytest.mark.parametrize("column", SORT_COLUMNS)
def test_sort_each_column_both_ways_empty_last_ties_by_id(session, grid, column, direction):
    keyed = [(_sort_key(a, session.get(Candidate, a.candidate_id), session.get(Job, a.job_id),
                        column), a.id) for a in grid.values()]
    descending = direction == "desc"
    present = sorted((k for k in keyed if k[0] is not None), reverse=descending)
    empty = sorted((k for k in keyed if k[0] is None), reverse=descending)
    expected = [application_id for _key, application_id in present + empty]

    page = query_tracker(session=session, filter=TrackerFilter(),
                         sort=TrackerSort(column=column, direction=direction))
    assert [row.application_id for row in page.rows] == expected
    assert list_tracker_rows(session=session, filter=TrackerFilter(),
                             sort=TrackerSort(column=column, direction=direction)) == page.rows


def test_unknown_sort_column_is_refused():
    with pytest.raises(ValueError):
        TrackerSort(column="resume_text")


def test_pages_cover_every_row_once_with_the_total(session, grid):
    sort = TrackerSort(column="resume_score", direction="desc")
    everything = list_tracker_rows(session=session, filter=TrackerFilter(), sort=sort)
    pages = [query_tracker(session=session, filter=TrackerFilter(), sort=sort, page=number,
                           page_size=3) for number in (1, 2, 3)]
    assert [p.total for p in pages] == [7, 7, 7]
    assert [len(p.rows) for p in pages] == [3, 3, 1]
    assert [row for p in pages for row in p.rows] == everything

    # Past the end: the last page. Filtered: the total counts the filter's matches only.
    assert query_tracker(session=session, filter=TrackerFilter(), sort=sort, page=9,
                         page_size=3).page == 3
    filtered = query_tracker(session=session, filter=TrackerFilter(stages=[Stage.matched]),
                             sort=sort, page=2, page_size=2)
    assert (filtered.total, filtered.page, len(filtered.rows)) == (3, 2, 1)
    empty = query_tracker(session=session, filter=TrackerFilter(search="nobody"), sort=sort,
                          page=5)
    assert (empty.total, empty.page, empty.rows) == (0, 1, [])


@pytest.mark.parametrize("reveal_blind", [False, True])
@pytest.mark.parametrize("direction", ["asc", "desc"])
def test_pages_by_candidate_name_cross_into_the_nameless_in_order(session, grid, direction,
                                                                  reveal_blind):
    """The name sort picks pages in two parts (named, then nameless or hidden); pages of two
    cross that boundary and must still follow the full order."""
    sort = TrackerSort(column="candidate", direction=direction)
    everything = list_tracker_rows(session=session, filter=TrackerFilter(), sort=sort,
                                   reveal_blind=reveal_blind)
    pages = [query_tracker(session=session, filter=TrackerFilter(), sort=sort, page=number,
                           page_size=2, reveal_blind=reveal_blind).rows for number in (1, 2, 3, 4)]
    assert [row for rows in pages for row in rows] == everything
    filtered = TrackerFilter(job_ids=[grid["Alice Martin"].job_id, grid["Zoe Blind"].job_id])
    assert query_tracker(session=session, filter=filtered, sort=sort, page=2, page_size=2,
                         reveal_blind=reveal_blind).rows == list_tracker_rows(
        session=session, filter=filtered, sort=sort, reveal_blind=reveal_blind)[2:4]


def test_default_page_walks_an_index(session, grid):
    """Page one of the default sort reads the last-activity index, not a sort of every row."""
    from hireops.services.candidates.tracker import _hiding, _page_statement

    hidden = _hiding(reveal_blind=False, honour_reveals=True)
    statement = _page_statement(TrackerFilter(), TrackerSort(), hidden, True, 50, 0)
    compiled = statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
    plan = " / ".join(row[3] for row in session.connection().exec_driver_sql(
        f"EXPLAIN QUERY PLAN {compiled}"))
    assert "ix_applications_last_activity_at" in plan, plan


def test_bulk_move_is_audited_per_application(session, grid):
    recruiter = make_user(session, email="rec@example.com")
    session.commit()
    alice, bob, elodie = grid["Alice Martin"], grid["bob okafor"], grid["Élodie Durand"]
    before_activity = alice.last_activity_at

    moved = move_stage(session=session, application_ids=[alice.id, bob.id, elodie.id],
                       stage=Stage.shortlisted, actor=recruiter)

    assert moved == 2  # Élodie was already shortlisted
    events = session.exec(select(Event).where(Event.action == "application.stage_changed")
                          .order_by(Event.entity_id)).all()
    assert [(e.entity_id, e.before["stage"], e.after["stage"], e.actor_user_id, e.actor_label)
            for e in events] == [
        (alice.id, "matched", "shortlisted", recruiter.id, "rec@example.com"),
        (bob.id, "new", "shortlisted", recruiter.id, "rec@example.com"),
    ]
    session.refresh(alice)
    assert alice.stage == Stage.shortlisted
    assert alice.last_activity_at > before_activity


def test_reject_keeps_the_reason_until_moved_on(session, grid):
    alice, amy = grid["Alice Martin"], grid["Amy 50%_off"]
    move_stage(session=session, application_ids=[alice.id, amy.id], stage=Stage.rejected,
               actor=None, reason="Needs on-site presence")
    for application in (alice, amy):
        session.refresh(application)
        assert (application.stage, application.rejection_reason) == (
            Stage.rejected, "Needs on-site presence")
    event = session.exec(select(Event).where(Event.entity_id == alice.id)).one()
    assert event.after == {"stage": "rejected", "rejection_reason": "Needs on-site presence"}
    assert (event.note, event.actor_label) == ("Needs on-site presence", "system")

    move_stage(session=session, application_ids=[alice.id], stage=Stage.matched, actor=None)
    session.refresh(alice)
    assert (alice.stage, alice.rejection_reason) == (Stage.matched, "")
    latest = session.exec(select(Event).where(Event.entity_id == alice.id)
                          .order_by(Event.id.desc())).first()
    assert latest.before == {"stage": "rejected", "rejection_reason": "Needs on-site presence"}


@pytest.mark.parametrize("reason", ["", "  ", "no"])
def test_a_move_to_rejected_needs_a_reason_for_one_row_as_for_many(session, grid, reason):
    alice, amy = grid["Alice Martin"], grid["Amy 50%_off"]
    for ids in ([alice.id], [alice.id, amy.id]):
        with pytest.raises(RejectionNeedsReason, match="reason"):
            move_stage(session=session, application_ids=ids, stage=Stage.rejected, actor=None,
                       reason=reason)
    session.expire_all()
    assert Stage.rejected not in {session.get(Application, a.id).stage for a in (alice, amy)}
    assert session.exec(select(Event)).all() == []


def test_repeating_a_rejection_needs_no_second_reason(session, grid):
    alice = grid["Alice Martin"]
    move_stage(session=session, application_ids=[alice.id], stage=Stage.rejected, actor=None,
               reason="Needs on-site presence")
    assert move_stage(session=session, application_ids=[alice.id], stage=Stage.rejected,
                      actor=None) == 0


def test_move_with_an_unknown_id_changes_nothing(session, grid):
    alice = grid["Alice Martin"]
    with pytest.raises(ApplicationsNotFound):
        move_stage(session=session, application_ids=[alice.id, 999_999], stage=Stage.screened,
                   actor=None)
    session.rollback()
    session.refresh(alice)
    assert alice.stage == Stage.matched
    assert session.exec(select(Event)).all() == []
