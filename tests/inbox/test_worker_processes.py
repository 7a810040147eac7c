"""Analysis in worker processes (the local engines, enough mail): same results, once each."""

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from types import SimpleNamespace

from sqlmodel import select

from hireops.config import get_settings
from hireops.models import AICall, Application, Candidate, Email
from hireops.services.inbox.analysis_runner import collect_helping
from hireops.services.inbox.ingest import run_ingest_pass
from hireops.services.mail.sources import MaildirSource
from tests.fakes.mail_factory import PDF, build_email, resume_pdf
from tests.inbox.conftest import BACKEND

MESSAGES = 30  # above the threshold for starting worker processes


def _deliver(maildir) -> None:
    for i in range(MESSAGES):
        maildir.add(build_email(
            sender=f"dev{i}@example.com", sender_name=f"Dev Person{i}",
            subject=f"Application: {BACKEND}", body="My CV is attached.",
            message_id=f"<worker-{i}@example.com>",
            attachments=[(f"cv{i}.pdf", PDF, resume_pdf([
                f"Dev Person{i}", f"dev{i}@example.com", "Backend Engineer",
                "Backend Engineer, Acme (2019 - Present)",
                "Python services on PostgreSQL; Docker; REST APIs."]))]))


def _statuses_while_fetching(session):
    """The mail statuses seen each time a batch has been stored (before processing proper
    starts), and the progress callback that records them."""
    seen: list[set[str]] = []

    def progress(phase: str, done: int, total: int) -> None:
        if phase == "fetching":
            session.expire_all()
            seen.append({email.status for email in session.exec(select(Email))})

    return seen, progress


def test_worker_processes_give_each_message_one_outcome(session, maildir, jobs, monkeypatch):
    monkeypatch.setenv("INBOX_WORKER_PROCESSES", "2")
    get_settings.cache_clear()
    _deliver(maildir)
    summary = run_ingest_pass(source=MaildirSource(maildir._path))
    assert (summary.new, summary.processed, summary.failed) == (MESSAGES, MESSAGES, [])
    assert summary.candidates_created == MESSAGES
    session.expire_all()
    assert len(session.exec(select(Candidate)).all()) == MESSAGES
    applications = session.exec(select(Application)).all()
    assert len(applications) == MESSAGES
    assert all(a.resume_score is not None and a.resume_score > 0 for a in applications)
    assert {e.status for e in session.exec(select(Email))} == {"processed"}
    # One classification and one scoring call per message, recorded by the app process.
    assert len(session.exec(select(AICall)).all()) == 2 * MESSAGES


def test_analysis_starts_while_later_mail_is_still_fetched(session, maildir, jobs, monkeypatch):
    monkeypatch.setenv("INBOX_WORKER_PROCESSES", "1")
    monkeypatch.setenv("INBOX_BATCH_SIZE", "6")
    get_settings.cache_clear()
    _deliver(maildir)
    seen, progress = _statuses_while_fetching(session)
    summary = run_ingest_pass(source=MaildirSource(maildir._path), progress=progress)
    assert (summary.new, summary.processed, summary.failed) == (MESSAGES, MESSAGES, [])
    assert any(statuses & {"processing", "processed"} for statuses in seen)
    session.expire_all()
    assert {e.status for e in session.exec(select(Email))} == {"processed"}
    assert len(session.exec(select(Candidate)).all()) == MESSAGES
    classified = [c.subject_id for c in session.exec(select(AICall))
                  if c.agent == "classifier"]
    assert sorted(classified) == sorted(e.id for e in session.exec(select(Email)))


def _in_worker(number: int) -> tuple[str, int]:
    return "worker", number


def test_the_calling_process_analyses_what_no_worker_has_started():
    works = [SimpleNamespace(email_id=number) for number in range(12)]
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        # The worker is still starting: all it can hold is queued, the rest is analysed here.
        futures = [(work, pool.submit(_in_worker, work.email_id)) for work in works]
        results = collect_helping(futures, lambda work: ("here", work.email_id))
    assert [number for _, number in results] == list(range(12))
    where = [place for place, _ in results]
    assert where[0] == "worker" and where[-1] == "here"
    # The worker took a prefix of the batch; what this process did was cancelled for it.
    assert where == sorted(where, key=lambda place: place != "worker")
    assert all(future.cancelled() for (_, future), place in zip(futures, where)
               if place == "here")


def test_without_worker_processes_one_thread_analyses_while_mail_is_fetched(
        session, maildir, jobs, monkeypatch):
    """The default: no second copy of the analysis code and model in another process; one
    thread analyses (waiting on the resume reader's process) while this one fetches and
    records."""
    from hireops.services.inbox import analysis_runner

    monkeypatch.setenv("INBOX_WORKER_PROCESSES", "0")
    monkeypatch.setenv("INBOX_BATCH_SIZE", "6")
    get_settings.cache_clear()
    _deliver(maildir)
    analysed_on_main_thread: list[bool] = []
    analyse = analysis_runner.analyze_email

    def spy(work, open_jobs):
        analysed_on_main_thread.append(threading.current_thread() is threading.main_thread())
        return analyse(work, open_jobs)

    monkeypatch.setattr(analysis_runner, "analyze_email", spy)
    seen, progress = _statuses_while_fetching(session)
    summary = run_ingest_pass(source=MaildirSource(maildir._path), progress=progress)
    assert (summary.new, summary.processed, summary.failed) == (MESSAGES, MESSAGES, [])
    assert analysed_on_main_thread == [False] * MESSAGES
    assert any(statuses & {"processing", "processed"} for statuses in seen)
    session.expire_all()
    assert len(session.exec(select(Candidate)).all()) == MESSAGES
    assert len(session.exec(select(AICall)).all()) == 2 * MESSAGES
