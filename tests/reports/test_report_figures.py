"""Report figures on the fixture history, checked against numbers worked out by hand."""

from __future__ import annotations

from datetime import timedelta

import pytest

from hireops.services.reports import figures as reports
from hireops.services.decisions.rule import DecisionThresholds
from hireops.services.reports.figures import ReportFilter, adverse_impact

from .cohorts import read_cohort, top
from .fixtures import DAY1, build_history

# Days 1-3: applications 1-5; application 6 (day 10) is outside.
RANGE = ReportFilter(date_from=DAY1, date_to=DAY1 + timedelta(days=2))


@pytest.fixture
def ids(session):
    return build_history(session)


def test_cohort_respects_job_and_inclusive_dates(session, ids):
    assert read_cohort(session, RANGE).applications == 5
    assert read_cohort(session, ReportFilter()).applications == 6
    job_a = ReportFilter(job_id=ids["job_a"], date_from=DAY1, date_to=DAY1)
    assert read_cohort(session, job_a).per_day == {"2025-03-03": 2}
    assert [t.application_id for t in top(session, job_a)] == [ids["app1"], ids["app2"]]


def test_funnel_counts_the_furthest_stage_ever_reached(session, ids):
    steps = reports.funnel(read_cohort(session, RANGE))
    # furthest: app1 shortlisted, app2 screened, app3 matched (then rejected), app4 matched,
    # app5 new. Stages: new, classified, matched, link sent, screened, screening call booked,
    # shortlisted (app1 passed the booking on its way to shortlisted).
    assert [s.reached for s in steps] == [5, 4, 4, 2, 2, 1, 1, 0, 0]
    assert [s.conversion_pct for s in steps] == [None, 80.0, 100.0, 50.0, 100.0, 50.0, 100.0,
                                                 0.0, None]
    assert [s.of_total_pct for s in steps] == [100.0, 80.0, 80.0, 40.0, 40.0, 20.0, 20.0,
                                               0.0, 0.0]
    assert [s.label for s in steps[-3:]] == ["Shortlisted", "Offer", "Hired"]


def test_score_distributions_use_the_decision_rule_and_job_thresholds(session, ids):
    dist = reports.score_distributions(read_cohort(session, RANGE))
    assert dist.resume == [40, 70, 75, 85, 90]  # smallest first
    assert dist.interview == [30, 60, 80]
    # 0.4 x resume + 0.6 x interview: 16+18, 28+36, 36+48
    assert dist.final == [34.0, 64.0, 84.0]
    assert dist.thresholds is None  # job B's resume minimum differs
    only_a = reports.score_distributions(read_cohort(session,
                                                     ReportFilter(job_id=ids["job_a"])))
    assert only_a.thresholds == DecisionThresholds()


def test_top_candidates_rank_by_final_then_resume(session, ids):
    best = top(session, RANGE)
    assert [(t.candidate, t.final_score, t.verdict) for t in best] == [
        ("Ana Ortiz", 84.0, "advance"), ("Ben Cole", 64.0, "hold"),
        ("Cara Diaz", 34.0, "reject"), ("Dan Park", None, "pending"),
        ("Eve Stone", None, "pending")]
    assert len(top(session, RANGE, limit=2)) == 2


def test_top_candidates_stay_anonymous_for_blind_jobs(session, ids):
    from hireops.models import Job
    job = session.get(Job, ids["job_b"])
    job.blind_screening = True
    session.commit()
    only_b = top(session, ReportFilter(job_id=ids["job_b"]))
    assert only_b[0].candidate == f"Candidate #{ids['cand5']}"


def test_time_in_stage_from_the_stage_history(session, ids):
    rows = reports.time_in_stage(read_cohort(session, RANGE))
    # matched: app1 1 day, app2 3 days, app3 0.5 day; link sent: 2 and 1 days; screened: 1.5.
    assert [(r.stage, r.stays, r.median_days, r.mean_days) for r in rows] == [
        ("matched", 3, 1.0, 1.5), ("interview_link_sent", 2, 1.5, 1.5),
        ("screened", 1, 1.5, 1.5)]


def test_time_to_decision_skips_decisions_waiting_for_hr(session, ids):
    result = reports.time_to_decision(read_cohort(session, RANGE))
    # app1 confirmed after 4.5 days; app2 held, overridden after 5; app3 rejected after 0.5.
    assert result.days == [0.5, 4.5, 5.0]
    assert result.median_days == 4.5


def test_sources_and_applications_over_time(session, ids):
    assert reports.applications_by_source(read_cohort(session, RANGE)) == \
        {"email": 3, "manual": 1, "upload": 1}
    dated = reports.applications_over_time(read_cohort(session, RANGE))
    assert dated.days == ["2025-03-03", "2025-03-04", "2025-03-05"]
    assert dated.series == {"applications": [2, 2, 1]}


def test_decisions_over_time_split_overrides(session, ids):
    dated = reports.decisions_over_time(read_cohort(session, RANGE))
    assert dated.days == ["2025-03-04", "2025-03-07", "2025-03-08"]
    assert dated.series == {"advance": [0, 1, 0], "hold": [0, 1, 0], "reject": [1, 0, 0],
                            "overridden": [0, 0, 1]}


def test_empty_cohort_gives_empty_figures(session, ids):
    nothing = ReportFilter(job_id=ids["job_b"], date_from=DAY1, date_to=DAY1)
    assert [s.reached for s in reports.funnel(read_cohort(session, nothing))] == [0] * 9
    assert reports.time_to_decision(read_cohort(session, nothing)).median_days is None
    assert reports.decisions_over_time(read_cohort(session, nothing)).days == []


def test_adverse_impact_flags_ratios_under_four_fifths():
    rows = adverse_impact({"A": (8, 10), "B": (5, 10), "C": (0, 0)})
    assert [(r.group, r.rate, r.ratio, r.flagged) for r in rows] == [
        ("A", 0.8, 1.0, False), ("B", 0.5, 0.625, True)]  # C has nobody decided: left out


def test_adverse_impact_exactly_four_fifths_is_not_flagged():
    rows = adverse_impact({"A": (10, 10), "B": (8, 10)})
    assert [(r.ratio, r.flagged) for r in rows] == [(1.0, False), (0.8, False)]
    zero = adverse_impact({"A": (0, 4), "B": (0, 2)})
    assert [(r.ratio, r.flagged) for r in zero] == [(None, False), (None, False)]


def test_automatic_pass_counts_ignore_overrides(session, ids):
    group_of = {ids["cand1"]: "X", ids["cand2"]: "X", ids["cand3"]: "Y"}
    counts = reports.automatic_pass_counts(read_cohort(session, RANGE), group_of)
    # app1 advance (X), app2 hold by the rule, advanced only by a person (X), app3 reject (Y)
    assert counts == {"X": (1, 2), "Y": (0, 1)}


def test_no_self_reported_groups_without_answers(session, ids):
    assert reports.self_reported_groups(session=session, characteristic="gender",
                                        candidate_ids=[ids["cand1"]]) == {}
