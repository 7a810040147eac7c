"""The pipeline board: columns from the job's stages, cards grouped and ordered by time in stage,
blind screening's one rule for a person, and moves under the tracker's rules and audit."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import Session, select

from hireops.models import Application, Candidate, Event, Job, Stage, utcnow
from hireops.services.candidates.board import (
    BoardCard, BoardColumn, CardFacts, NotOnThisBoard, board_columns, days_in_stage,
    group_cards, load_board, make_card, move_card,
)
from hireops.services.privacy.blind_screening import reveal_identity
from hireops.services.jobs.job_stages import add_stage, job_stages
from hireops.services.candidates.stages import STAGE_CHANGED, change_stage
from hireops.services.candidates.tracker import ApplicationsNotFound, RejectionNeedsReason
from tests.factories import make_application, make_candidate, make_job

NOW = datetime(2026, 3, 10, 12, tzinfo=timezone.utc)


def _card(app_id: int, stage: str, days: int) -> BoardCard:
    return BoardCard(app_id, app_id, f"P{app_id}", False, stage, None, None, None, "", days)


def test_days_in_stage_counts_whole_days_and_never_goes_negative():
    assert days_in_stage(NOW - timedelta(hours=23), NOW) == 0
    assert days_in_stage(NOW - timedelta(days=3, hours=5), NOW) == 3
    assert days_in_stage(NOW + timedelta(hours=2), NOW) == 0


def test_cards_are_grouped_by_column_longest_waiting_first():
    columns = [BoardColumn("new", "New"), BoardColumn("screened", "Screened")]
    cards = [_card(1, "new", 2), _card(2, "screened", 0), _card(3, "new", 5),
             _card(4, "new", 2), _card(5, "withdrawn", 9)]
    lanes = group_cards(columns, cards)
    assert [(lane.stage, [c.application_id for c in lane.cards], lane.count)
            for lane in lanes] == [("new", [3, 1, 4], 3), ("screened", [2], 1)]


def test_a_full_column_keeps_its_count():
    lanes = group_cards([BoardColumn("new", "New")],
                        [_card(n, "new", n) for n in range(1, 6)], limit=2)
    assert [c.application_id for c in lanes[0].cards] == [5, 4] and lanes[0].count == 5


def test_a_card_shows_rounded_scores_and_hides_a_hidden_identity():
    facts = CardFacts(7, 3, "Ada Lovelace", "ada@example.com", "screened", 81.6, 74.4, None,
                      "hold", NOW - timedelta(days=4))
    shown = make_card(facts, hidden=False, now=NOW)
    assert (shown.name, shown.resume_score, shown.interview_score, shown.final_score,
            shown.decision, shown.days_in_stage) == ("Ada Lovelace", 82, 74, None, "hold", 4)
    hidden = make_card(facts, hidden=True, now=NOW)
    assert hidden.name == "Candidate #3" and hidden.identity_hidden
    assert "Ada" not in repr(hidden) and "ada@" not in repr(hidden)


def test_columns_follow_the_stage_order(session: Session):
    job = make_job(session, title="Engineer")
    session.commit()
    assert [c.stage for c in board_columns(session=session, job_id=job.id)] == \
        [stage.value for stage in Stage]



def test_columns_are_the_jobs_own_stages_and_a_card_moves_into_one(session: Session):
    job = make_job(session, title="Engineer")
    person = make_candidate(session, full_name="Ada Person")
    session.commit()
    added = add_stage(session=session, job_id=job.id, label="Technical interview", actor=None)
    application = make_application(session, candidate=person, job=job, stage=Stage.shortlisted)
    session.commit()
    columns = board_columns(session=session, job_id=job.id)
    assert [c.stage for c in columns] == [s.key for s in job_stages(session=session,
                                                                    job_id=job.id)]
    assert ("Technical interview" in [c.label for c in columns]
            and {"offer", "hired", "withdrawn"} <= {c.stage for c in columns})
    assert move_card(session=session, job_id=job.id, application_id=application.id,
                     stage=added.key, actor=None)
    lanes = load_board(session=session, job_id=job.id)
    assert [c.application_id for lane in lanes if lane.stage == added.key
            for c in lane.cards] == [application.id]


@pytest.fixture
def board_job(session: Session) -> tuple[Job, Job, dict[str, Application]]:
    job = make_job(session)
    other = make_job(session, title="Secret Project", blind_screening=True)
    apps = {}
    for name, stage in (("Ada", Stage.new), ("Bo", Stage.screened), ("Cy", Stage.screened)):
        person = make_candidate(session, full_name=f"{name} Person",
                                email=f"{name.lower()}@example.com")
        apps[name] = make_application(session, candidate=person, job=job, stage=stage,
                                      created_at=NOW - timedelta(days=10), resume_score=70.4)
    session.flush()
    # Cy also applied to a blind job: hidden on this board too (one rule for a person).
    session.add(Application(candidate_id=apps["Cy"].candidate_id, job_id=other.id))
    session.commit()
    return job, other, apps


def test_board_groups_the_jobs_applications_and_counts_days_since_the_last_move(
        session: Session, board_job):
    job, _, apps = board_job
    change_stage(session=session, application=apps["Bo"], stage=Stage.screened, actor=None)
    session.commit()  # already there: no event, so Bo entered at creation
    moved = apps["Bo"]
    change_stage(session=session, application=moved, stage=Stage.matched, actor=None)
    session.commit()
    event = session.exec(select(Event).where(Event.action == STAGE_CHANGED)).one()
    event.at = NOW - timedelta(days=2)
    session.add(event)
    session.commit()

    lanes = {lane.stage: lane for lane in load_board(session=session, job_id=job.id, now=NOW)}
    assert [(c.name, c.days_in_stage) for c in lanes["new"].cards] == [("Ada Person", 10)]
    assert [(c.name, c.days_in_stage) for c in lanes["matched"].cards] == [("Bo Person", 2)]
    [cy] = lanes["screened"].cards
    assert cy.name == f"Candidate #{apps['Cy'].candidate_id}" and cy.identity_hidden
    assert cy.resume_score == 70
    assert sum(lane.count for lane in lanes.values()) == 3


def test_a_revealed_candidate_is_named_on_the_board(session: Session, board_job, actor):
    job, _, apps = board_job
    reveal_identity(session=session, candidate_id=apps["Cy"].candidate_id, actor=actor)
    [cy] = [c for lane in load_board(session=session, job_id=job.id) for c in lane.cards
            if c.application_id == apps["Cy"].id]
    assert cy.name == "Cy Person" and not cy.identity_hidden


def test_move_card_is_the_trackers_move_with_its_audit(session: Session, board_job, actor):
    job, _, apps = board_job
    assert move_card(session=session, job_id=job.id, application_id=apps["Ada"].id,
                     stage="shortlisted", actor=actor)
    assert not move_card(session=session, job_id=job.id, application_id=apps["Ada"].id,
                         stage="shortlisted", actor=actor)
    [event] = session.exec(select(Event).where(Event.action == STAGE_CHANGED)).all()
    assert (event.before["stage"], event.after["stage"], event.actor_user_id) == \
        ("new", "shortlisted", actor.id)


def test_move_card_to_rejected_needs_a_reason_which_is_kept(session: Session, board_job, actor):
    job, _, apps = board_job
    with pytest.raises(RejectionNeedsReason):
        move_card(session=session, job_id=job.id, application_id=apps["Bo"].id,
                  stage="rejected", actor=actor, reason="  ")
    assert session.get(Application, apps["Bo"].id).stage == Stage.screened
    assert move_card(session=session, job_id=job.id, application_id=apps["Bo"].id,
                     stage="rejected", actor=actor, reason="No work permit")
    session.refresh(apps["Bo"])
    assert apps["Bo"].rejection_reason == "No work permit"


def test_move_card_refuses_another_jobs_card_and_unknown_stages(session: Session, board_job,
                                                                actor):
    job, other, apps = board_job
    foreign = session.exec(select(Application).where(Application.job_id == other.id)).one()
    with pytest.raises(NotOnThisBoard):
        move_card(session=session, job_id=job.id, application_id=foreign.id,
                  stage="shortlisted", actor=actor)
    with pytest.raises(NotOnThisBoard):
        move_card(session=session, job_id=job.id, application_id=apps["Ada"].id,
                  stage="<script>", actor=actor)
    with pytest.raises(ApplicationsNotFound):
        move_card(session=session, job_id=job.id, application_id=999_999,
                  stage="shortlisted", actor=actor)
    assert not session.exec(select(Event).where(Event.action == STAGE_CHANGED)).all()
    assert session.get(Application, foreign.id).stage == Stage.new


def test_board_reads_the_same_on_sqlite_and_postgresql(any_database_url):
    from hireops.db import session_scope
    with session_scope() as session:
        job = make_job(session, title="Engineer")
        application = make_application(
            session, job=job, candidate=make_candidate(session, full_name="Dee Person", email=None),
            created_at=NOW - timedelta(days=6))
        change_stage(session=session, application=application, stage=Stage.screened,
                     actor=None)
        session.commit()
        lanes = {lane.stage: lane for lane in load_board(session=session, job_id=job.id,
                                                         now=utcnow() + timedelta(days=1))}
    assert [(c.name, c.days_in_stage) for c in lanes["screened"].cards] == [("Dee Person", 1)]
