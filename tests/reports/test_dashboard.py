"""Dashboard figures: metric cards, applications per stage, decisions awaiting HR, activity."""

from __future__ import annotations

from hireops.models import Application, Decision, DecisionOutcome, Job, JobStatus, Stage
from hireops.services.platform.audit import record_event
from hireops.services.jobs.job_stages import rename_stage
from hireops.services.reports.dashboard import STAGE_LABELS, get_dashboard_metrics
from tests.factories import make_candidate, make_job


def test_empty_database_gives_zeros(session):
    metrics = get_dashboard_metrics(session=session)
    assert (metrics.open_jobs, metrics.candidates, metrics.applications,
            metrics.awaiting_hr) == (0, 0, 0, 0)
    assert [s.stage for s in metrics.stages] == [stage.value for stage in Stage]
    assert all(s.count == 0 for s in metrics.stages)
    assert metrics.recent_activity == []


def _decide(session, application: Application, status: str) -> None:
    session.add(Decision(application_id=application.id, outcome=DecisionOutcome.advance,
                         status=status))
    session.flush()


def test_counts_with_data(session):
    jobs = [make_job(session, title=f"Job {i}", status=status)
            for i, status in enumerate([JobStatus.open, JobStatus.open, JobStatus.closed,
                                        JobStatus.draft])]
    candidates = [make_candidate(session, full_name=f"C{i}", email="") for i in range(5)]
    # A merged duplicate is not counted as a candidate of its own.
    candidates[4].merged_into_id = candidates[0].id
    stages = [Stage.new, Stage.new, Stage.matched, Stage.screened, Stage.shortlisted,
              Stage.rejected]
    applications = [
        Application(candidate_id=candidates[i % 4].id, job_id=jobs[i // 4].id, stage=stage)
        for i, stage in enumerate(stages)
    ]
    session.add_all(applications)
    session.flush()
    _decide(session, applications[0], "pending_hr")  # latest pending: counts
    _decide(session, applications[1], "pending_hr")
    _decide(session, applications[1], "confirmed")  # latest confirmed: does not count
    _decide(session, applications[2], "overridden")
    _decide(session, applications[2], "pending_hr")  # latest pending again: counts
    _decide(session, applications[3], "confirmed")
    session.commit()

    metrics = get_dashboard_metrics(session=session)
    assert metrics.open_jobs == 2
    assert metrics.candidates == 4
    assert metrics.applications == 6
    assert metrics.awaiting_hr == 2
    per_stage = {s.stage: s.count for s in metrics.stages}
    assert per_stage == {"new": 2, "classified": 0, "matched": 1, "interview_link_sent": 0,
                         "screening_scheduled": 0, "screened": 1, "shortlisted": 1,
                         "offer": 0, "hired": 0, "withdrawn": 0, "rejected": 1}
    assert {s.label for s in metrics.stages} == set(STAGE_LABELS.values())


def test_recent_activity_newest_first_and_limited(session):
    for i in range(10):
        record_event(session=session, action=f"job.step_{i}", actor_label=f"user{i}@x.com")
        session.flush()
    session.commit()
    activity = get_dashboard_metrics(session=session).recent_activity
    assert len(activity) == 8
    assert [item.action for item in activity] == [f"Job step {i} by user{i}@x.com."
                                                  for i in range(9, 1, -1)]
    assert activity[0].actor == "user9@x.com"
    assert activity[0].at


def test_applications_in_a_jobs_own_stages_are_counted_before_offer(session):
    job = make_job(session, title="Data Engineer")
    candidates = [make_candidate(session, full_name=f"C{i}", email=None) for i in range(3)]
    for candidate, stage in zip(candidates, ["custom_technical_interview",
                                             "custom_reference_check", Stage.offer]):
        session.add(Application(candidate_id=candidate.id, job_id=job.id, stage=stage))
    session.commit()

    metrics = get_dashboard_metrics(session=session)
    assert metrics.applications == 3
    order = [s.stage for s in metrics.stages]
    assert order.index("job_specific") == order.index("shortlisted") + 1
    assert order.index("job_specific") + 1 == order.index("offer")
    counts = {s.stage: s.count for s in metrics.stages}
    assert (counts["job_specific"], counts["offer"]) == (2, 1)


def test_the_stage_counts_carry_the_company_defaults_names(session):
    rename_stage(session=session, job_id=None, key=Stage.shortlisted.value, label="Longlist",
                 actor=None)
    labels = {s.stage: s.label for s in get_dashboard_metrics(session=session).stages}
    assert (labels["shortlisted"], labels["rejected"]) == ("Longlist", "Rejected")
