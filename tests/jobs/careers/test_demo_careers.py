"""The demo data shows the careers page: some demo jobs are published, one stays internal."""

from __future__ import annotations

from hireops.config import get_settings
from hireops.services.jobs.careers import list_published_jobs
from hireops.services.demo.seed import DEMO_JOB_TITLES, seed_demo


def test_demo_publishes_jobs_on_the_careers_page(session, monkeypatch):
    monkeypatch.setenv("DEMO_MODE", "true")
    get_settings.cache_clear()
    seed_demo(session=session)

    listed = list_published_jobs(session=session)
    assert sorted(job.title for job in listed) == sorted(DEMO_JOB_TITLES[:3])
    assert all(job.description and job.location for job in listed)
