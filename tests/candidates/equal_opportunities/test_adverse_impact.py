"""The reports' adverse-impact view computed from candidates' recorded answers."""

from __future__ import annotations

from datetime import datetime, timezone

from hireops.models import Decision, DecisionOutcome, Job
from hireops.services.reports import figures as reports
from hireops.services.candidates.equal_opportunities import PREFER_NOT_TO_SAY, record_answers, save_questions
from hireops.services.reports.figures import ReportFilter
from tests.factories import make_application, make_candidate, make_job

WHEN = datetime(2025, 5, 5, 9, tzinfo=timezone.utc)


def _decided(session, job: Job, answer: str | None, outcome: DecisionOutcome,
             overridden_to: DecisionOutcome | None = None) -> int:
    candidate = make_candidate(session, full_name="Someone", email="")
    application = make_application(session, candidate=candidate, job=job, created_at=WHEN)
    session.add(Decision(application_id=application.id, outcome=outcome, status="confirmed",
                         created_at=WHEN))
    if overridden_to is not None:
        session.add(Decision(application_id=application.id, outcome=overridden_to,
                             status="overridden", is_override=True, created_at=WHEN))
    session.commit()
    if answer is not None:
        record_answers(session=session, candidate_id=candidate.id, answers={"age_band": answer})
    return candidate.id


def _impact(session, characteristic: str = "age_band"):
    report = ReportFilter()
    cohort = reports.read_cohort(session=session, report=report)
    groups = reports.self_reported_groups(session=session, characteristic=characteristic,
                                          candidate_ids=reports.cohort_candidate_ids(report))
    return reports.adverse_impact(reports.automatic_pass_counts(cohort, groups))


def test_four_fifths_flagged_from_recorded_answers(session):
    save_questions(session=session, actor=None, questions=[
        {"key": "age_band", "label": "What is your age?", "options": ["Under 40", "40 or over"]}])
    job = make_job(session)
    session.commit()
    advance, reject = DecisionOutcome.advance, DecisionOutcome.reject
    # Under 40: 4 of 5 advanced by the rule (80 %).
    for outcome in [advance] * 4 + [reject]:
        _decided(session, job, "Under 40", outcome)
    # 40 or over: 2 of 5 (40 %), one more advanced only by a person's override, which the
    # audit of automatic decisions does not count.
    for outcome in [advance] * 2 + [reject] * 2:
        _decided(session, job, "40 or over", outcome)
    _decided(session, job, "40 or over", reject, overridden_to=advance)
    # No group: "Prefer not to say" and candidates who skipped the questions.
    _decided(session, job, PREFER_NOT_TO_SAY, reject)
    _decided(session, job, None, advance)

    rows = _impact(session)
    assert [(r.group, r.passed, r.total, r.rate, r.ratio, r.flagged) for r in rows] == [
        ("Under 40", 4, 5, 0.8, 1.0, False),
        ("40 or over", 2, 5, 0.4, 0.5, True),
    ]
    assert _impact(session, characteristic="gender") == []


def test_no_group_is_formed_from_prefer_not_to_say_or_a_missing_answer(session):
    save_questions(session=session, actor=None, questions=[
        {"key": "age_band", "label": "Age?", "options": ["Under 40", "40 or over"]}])
    job = make_job(session, title="Analyst")
    session.commit()
    hidden = _decided(session, job, PREFER_NOT_TO_SAY, DecisionOutcome.advance)
    skipped = _decided(session, job, None, DecisionOutcome.advance)
    shown = _decided(session, job, "Under 40", DecisionOutcome.advance)
    assert reports.self_reported_groups(session=session, characteristic="age_band",
                                        candidate_ids=[hidden, skipped, shown]) == {
        shown: "Under 40"}
