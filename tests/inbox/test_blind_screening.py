"""A blind-screening job scores the applicant's resume without name, contacts or links."""

import json

from sqlmodel import select

from hireops.models import AICall, Application
from hireops.services.inbox.ingest import run_ingest_pass
from hireops.services.mail.sources import MaildirSource
from tests.inbox.conftest import BACKEND, deliver, maya_application


def test_inbox_scores_a_redacted_resume_for_a_blind_job(session, maildir, jobs):
    job = jobs[BACKEND]
    job.blind_screening = True
    session.add(job)
    session.commit()
    deliver(maildir, maya_application())

    summary = run_ingest_pass(source=MaildirSource(maildir._path))

    assert summary.failed == [] and summary.applications_created == 1
    session.expire_all()
    [application] = session.exec(select(Application)).all()
    assert application.resume_score is not None and application.resume_score > 0
    quoted = json.dumps(application.resume_result)
    for identity in ("Maya", "Chen", "maya.chen@example.com"):
        assert identity not in quoted
    assert "Python" in quoted  # the skills are still read and proven
    scoring = session.exec(select(AICall).where(AICall.agent == "resume_scorer")).one()
    assert scoring.status == "ok"
