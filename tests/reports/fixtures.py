"""A small hiring history with hand-computed figures (see each test for the arithmetic)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlmodel import Session

from hireops.models import Application, Decision, DecisionOutcome, Event, Stage
from tests.factories import make_candidate, make_job

DAY1 = date(2025, 3, 3)


def at(day: int, hour: float = 9) -> datetime:
    """`hour` o'clock UTC on day `day` (day 1 is DAY1)."""
    start = datetime(2025, 3, 3, tzinfo=timezone.utc)
    return start + timedelta(days=day - 1, hours=hour)


def build_history(session: Session) -> dict[str, int]:
    """Two jobs, six applications, stage moves and decisions (one overridden); returns ids."""
    job_a = make_job(session, title="Backend Engineer", auto_advance=True, auto_reject=True)
    job_b = make_job(session, title="Data Analyst", resume_min=70)
    names = ["Ana Ortiz", "Ben Cole", "Cara Diaz", "Dan Park", "Eve Stone", "Fay Lund"]
    candidates = [make_candidate(session, full_name=name, email="") for name in names]
    specs = [  # candidate, job, created, source, stage, resume, interview
        (0, job_a, at(1, 9), "email", Stage.shortlisted, 90, 80),
        (1, job_a, at(1, 10), "email", Stage.screened, 70, 60),
        (2, job_a, at(2, 9), "upload", Stage.rejected, 40, 30),
        (3, job_a, at(2, 12), "email", Stage.matched, 85, None),
        (4, job_b, at(3, 9), "manual", Stage.new, 75, None),
        (5, job_a, at(10, 9), "email", Stage.new, None, None),  # outside the range
    ]
    apps = [Application(candidate_id=candidates[c].id, job_id=job.id, created_at=created,
                        source=source, stage=stage, resume_score=resume,
                        interview_score=interview)
            for c, job, created, source, stage, resume, interview in specs]
    session.add_all(apps)
    session.flush()
    moves = [  # application, from, to, when
        (0, "matched", "interview_link_sent", at(2, 9)),
        (0, "interview_link_sent", "screened", at(4, 9)),
        (0, "screened", "shortlisted", at(5, 21)),
        (1, "matched", "interview_link_sent", at(4, 10)),
        (1, "interview_link_sent", "screened", at(5, 10)),
        (2, "matched", "rejected", at(2, 21)),
    ]
    session.add_all([Event(action="application.stage_changed", entity_type="application",
                           entity_id=apps[i].id, at=when, before={"stage": old},
                           after={"stage": new}) for i, old, new, when in moves])
    decisions = [  # application, outcome, status, override, when
        (0, DecisionOutcome.advance, "confirmed", False, at(5, 21)),
        (1, DecisionOutcome.hold, "pending_hr", False, at(5, 10)),
        (1, DecisionOutcome.advance, "overridden", True, at(6, 10)),
        (2, DecisionOutcome.reject, "confirmed", False, at(2, 21)),
    ]
    session.add_all([Decision(application_id=apps[i].id, outcome=outcome, status=status,
                              is_override=override, created_at=when)
                     for i, outcome, status, override, when in decisions])
    session.commit()
    return {"job_a": job_a.id, "job_b": job_b.id,
            **{f"app{i + 1}": app.id for i, app in enumerate(apps)},
            **{f"cand{i + 1}": c.id for i, c in enumerate(candidates)}}
