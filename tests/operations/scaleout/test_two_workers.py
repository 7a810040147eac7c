"""Two app processes on one PostgreSQL database and one Redis: one scheduler leader, takeover
when it dies, every outbox mail and inbox message handled exactly once, and a candidate's
interview room state shared through Redis (a tab that reconnects to the other process carries
on where it was).

Each process is `reflex run --env prod --backend-only`, which with Redis starts several
workers of its own (GRANIAN_WORKERS=2 here), so four schedulers compete for the lease.
"""

from __future__ import annotations

import asyncio
import mailbox
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import Session, func, select

from hireops.config import PROJECT_ROOT
from hireops.models import Email, Lease, OutboxMessage
from hireops.services.outreach.outbox import SENT, enqueue_mail
from tests.app_server import AppProcess as Server
from tests.app_server import app_env, start_app
from tests.browser.waiting import wait_for
from tests.fakes.mail_factory import build_email
from tests.fakes.reflex_socket import ReflexSocket
from tests.fakes.smtp_server import FakeSmtpServer
from tests.factories import make_application, make_candidate

pytestmark = pytest.mark.postgres

POSTGRES_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/5"
START_TIMEOUT_S = 180
LEASE_SECONDS = 6
POLL_SECONDS = 2
ROOM_STATE = "reflex___state____state.hireops___state___interviews___room____interview_room_state"
ROOM_CONSENT = f"{ROOM_STATE}.hireops___state___interviews___room_consent____room_consent_state"


@dataclass
class AppProcess:
    """One `reflex run` process group and where its output goes."""

    name: str
    url: str
    server: Server
    log: Path

    def holds(self, pid: int) -> bool:
        """True when `pid` is this process or one of its workers (same process group)."""
        try:
            return os.getpgid(pid) == self.server.process.pid
        except ProcessLookupError:
            return False

    def kill(self) -> None:
        self.server.kill()

    def log_tail(self) -> str:
        return f"--- {self.name} ---\n{self.log.read_text(errors='replace')[-3000:]}"


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture
def scale_database() -> Iterator[str]:
    """A fresh PostgreSQL database (dropped afterwards) and an empty Redis db 5."""
    if not _reachable("127.0.0.1", 5432):
        pytest.skip("PostgreSQL not reachable on 127.0.0.1:5432")
    if not _reachable("127.0.0.1", 6379):
        pytest.skip("Redis not reachable on 127.0.0.1:6379")
    import redis

    admin = sa.create_engine(f"{POSTGRES_SERVER}/test", isolation_level="AUTOCOMMIT")
    name = f"hireops_scale_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    store = redis.Redis.from_url(REDIS_URL)
    store.flushdb()
    try:
        yield f"{POSTGRES_SERVER}/{name}"
    finally:
        store.flushdb()
        store.close()
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _start(name: str, env: dict[str, str], workdir: Path) -> AppProcess:
    """The backend `name`, returned once it answers /ping."""
    app = start_app(env, workdir / f"{name}.log", backend_only=True, timeout_s=START_TIMEOUT_S)
    return AppProcess(name=name, url=app.url, server=app, log=app.log)


def _pings(app: AppProcess) -> bool:
    try:
        with urllib.request.urlopen(app.url + "/ping", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _wait_for(what: str, check, timeout_s: float, apps: list[AppProcess]):
    """wait_for, with the end of each app's log when it times out."""
    try:
        return wait_for(check, timeout_s, what, every_s=0.25)
    except AssertionError as timeout:
        tails = "\n".join(app.log_tail() for app in apps)
        raise AssertionError(f"{timeout}\n{tails}") from None


def _lease_holder(engine: sa.Engine) -> tuple[str, int] | None:
    """(holder, pid) of the scheduler lease while it is live, else None."""
    with Session(engine) as session:
        lease = session.get(Lease, "scheduler")
        if lease is None:
            return None
        live = session.exec(select(Lease.expires_at > func.now())
                            .where(Lease.name == "scheduler")).one()
        return (lease.holder, int(lease.holder.split(":")[1])) if live else None


def _queue_mail(engine: sa.Engine, keys: list[str]) -> None:
    with Session(engine) as session:
        for key in keys:
            enqueue_mail(session=session, idempotency_key=key, kind="invite",
                         to_address=f"{key}@candidates.example", subject=f"Interview {key}",
                         body_text="Your interview link is ready.")
        session.commit()


def _sent_count(engine: sa.Engine) -> int:
    with Session(engine) as session:
        return session.exec(select(func.count()).select_from(OutboxMessage)
                            .where(OutboxMessage.status == SENT)).one()


def _email_rows(engine: sa.Engine) -> list[tuple[str, str]]:
    with Session(engine) as session:
        return list(session.exec(select(Email.message_id, Email.status)).all())


def _drop_applications(box: mailbox.Maildir, prefix: str, count: int) -> set[str]:
    ids = set()
    for n in range(count):
        message_id = f"<{prefix}-{n}-{uuid.uuid4().hex[:8]}@mail.example>"
        box.add(build_email(
            sender=f"{prefix}{n}@candidates.example", sender_name=f"Candidate {prefix} {n}",
            subject="Application: Backend Engineer", message_id=message_id,
            body=("Hello, I am applying for the Backend Engineer position. I have five years "
                  "of Python and PostgreSQL experience.\nBest regards")))
        ids.add(message_id)
    return ids


def _check_exactly_once(smtp: FakeSmtpServer, expected: int) -> None:
    ids = smtp.message_ids()
    duplicates = {mid: n for mid, n in Counter(ids).items() if n > 1}
    assert len(ids) == expected and len(set(ids)) == expected and not duplicates, (
        f"SMTP server received {len(ids)} messages, {len(set(ids))} distinct Message-IDs, "
        f"expected {expected}; duplicates: {duplicates}")


def _interview_path(env: dict[str, str], monkeypatch) -> str:
    """`/interview/<token>` for a new scored application, made in-process against the shared
    database with the apps' secret key (the token is stored encrypted with it)."""
    from hireops import db
    from hireops.config import get_settings
    from hireops.models import Application, Candidate
    from hireops.services.interviews.links import generate_link
    from hireops.services.jobs.records import JobForm, create_job

    for name in ("DATABASE_URL", "HIREOPS_SECRET_KEY", "HIREOPS_ENV_FILE", "SECRET_KEY_FILE"):
        monkeypatch.setenv(name, env[name])
    get_settings.cache_clear()
    db.get_engine.cache_clear()
    try:
        with db.session_scope() as session:
            job = create_job(session=session, actor=None, form=JobForm(
                title="Backend Engineer", must_have_skills=["Python", "PostgreSQL"]))
            candidate = make_candidate(session, full_name="Ada Lovelace",
                                       email="ada@candidates.example")
            application = make_application(session, candidate=candidate, job=job,
                                                    resume_score=90.0)
            issued = generate_link(session=session, application_id=application.id, actor=None)
            return "/" + issued.url.split("/", 3)[3]
    finally:
        db.get_engine().dispose()
        db.get_engine.cache_clear()
        get_settings.cache_clear()


async def _consent_across_processes(first: AppProcess, second: AppProcess,
                                    path: str) -> tuple[str, str]:
    """Tick "I agree" in a tab on `first`, then give consent from the same tab (same client
    token) reconnected to `second`; returns the room's step afterwards and the token. "I agree" lives only
    in the tab's Reflex state, so consent passes only if `second` read that state from Redis."""
    tab = ReflexSocket(first.url, path)
    await tab.connect()
    try:
        for handler, payload in ((f"{ROOM_STATE}.load_room", {}),
                                 (f"{ROOM_CONSENT}.go_to_consent", {}),
                                 (f"{ROOM_CONSENT}.set_agree_ai", {"value": True})):
            await tab.send(handler, **payload)
        assert tab.var(ROOM_STATE, "step") == "consent"
    finally:
        await tab.close()
    moved = ReflexSocket(second.url, path, token=tab.token)
    await moved.connect()
    try:
        await moved.send(f"{ROOM_CONSENT}.give_consent")
        return moved.var(ROOM_STATE, "step", ""), tab.token
    finally:
        await moved.close()


def test_two_processes_share_one_leader_and_deliver_exactly_once(scale_database, tmp_path,
                                                                 monkeypatch):
    engine = sa.create_engine(scale_database)
    maildir = tmp_path / "maildir"
    box = mailbox.Maildir(maildir, create=True)
    apps: list[AppProcess] = []
    with FakeSmtpServer() as smtp:
        env = app_env(
            tmp_path, scale_database,
            # Backend-only: no pages to build, and the browser tests' app keeps its folder.
            web_dir=tmp_path / "web",
            REFLEX_REDIS_URL=REDIS_URL,
            HIREOPS_SECRET_KEY=secrets.token_urlsafe(32),
            SECRET_KEY_FILE=str(tmp_path / "unused-secret"),
            INBOX_POLL_SECONDS=str(POLL_SECONDS),
            OUTBOX_POLL_SECONDS=str(POLL_SECONDS),
            SCHEDULER_LEASE_SECONDS=str(LEASE_SECONDS),
            INBOX_WORKER_PROCESSES="0",
            SMTP_HOST=smtp.host,
            SMTP_PORT=str(smtp.port),
            SMTP_SECURITY="none",
            GRANIAN_WORKERS="2",
        )
        subprocess.run([sys.executable, "-m", "hireops", "migrate"], env=env, check=True,
                       cwd=PROJECT_ROOT, capture_output=True)
        first_ids = _drop_applications(box, "before", 4)
        try:
            # One after the other: at start-up `reflex run` deletes the files in `.states/`,
            # and two processes doing that at once race on the same file and one dies.
            for name in ("worker-a", "worker-b"):
                apps.append(_start(name, env, tmp_path))

            # Leadership: one live lease, held by a worker of one of the two processes, and it
            # stays put while all four schedulers keep asking (several renewal rounds).
            holder, pid = _wait_for("a scheduler leader", lambda: _lease_holder(engine),
                                    30, apps)
            holders = set()
            for _ in range(int(3 * LEASE_SECONDS / 0.5)):
                holders.add(_lease_holder(engine))
                time.sleep(0.5)
            assert holders == {(holder, pid)}, f"the lease changed hands: {holders}"
            leader = [app for app in apps if app.holds(pid)]
            assert len(leader) == 1, f"lease holder {holder} is in neither process group"
            leader = leader[0]
            survivor = next(app for app in apps if app is not leader)
            assert all(_pings(app) for app in apps), "both processes answer /ping"

            # The Reflex state is in Redis: a tab moving from one process to the other keeps
            # it, and Redis holds keys under the tab's client token.
            path = _interview_path(env, monkeypatch)
            # In a thread of its own: Playwright's sync API, when the browser tests ran
            # first in this session, keeps an event loop running in the main thread.
            with ThreadPoolExecutor(1) as pool:
                step, token = pool.submit(asyncio.run, _consent_across_processes(
                    apps[0], apps[1], path)).result(timeout=120)
            assert step in ("check", "equal"), (
                f"consent given on worker-b after 'I agree' on worker-a left the room at "
                f"step {step!r}: the state was not shared")
            import redis

            with redis.Redis.from_url(REDIS_URL) as store:
                assert any(store.scan_iter(match=f"{token}_reflex___state____state*", count=1000)), (
                    "no Reflex state in Redis under the tab's token")

            # 20 mails, queued while both processes run: each arrives exactly once.
            _queue_mail(engine, [f"scale-a-{n}" for n in range(20)])
            _wait_for("20 mails sent", lambda: _sent_count(engine) == 20, 60, apps)
            time.sleep(2 * POLL_SECONDS)  # a duplicate would arrive after the row says sent
            _check_exactly_once(smtp, 20)

            # The first applications are ingested once each.
            _wait_for("4 emails ingested", lambda: len(_email_rows(engine)) >= 4, 90, apps)

            # Kill the leader's whole process group: no lease release, so it must expire.
            killed_at = time.monotonic()
            leader.kill()
            new_holder, new_pid = _wait_for(
                "the survivor to take the lease",
                lambda: (h := _lease_holder(engine)) and survivor.holds(h[1]) and h,
                LEASE_SECONDS + 3 * POLL_SECONDS + 20, apps)
            takeover_s = time.monotonic() - killed_at
            # The lease runs out after LEASE_SECONDS; a starved machine may add a few polls.
            assert takeover_s <= LEASE_SECONDS + 3 * POLL_SECONDS + 10, (
                f"takeover took {takeover_s:.1f} s (lease {LEASE_SECONDS} s)")
            print(f"leader {holder} killed; {new_holder} took over in {takeover_s:.1f} s")

            # 10 more mails and 3 more applications, handled by the survivor alone.
            _queue_mail(engine, [f"scale-b-{n}" for n in range(10)])
            second_ids = _drop_applications(box, "after", 3)
            _wait_for("30 mails sent", lambda: _sent_count(engine) == 30, 60, [survivor])
            time.sleep(2 * POLL_SECONDS)
            _check_exactly_once(smtp, 30)

            expected = first_ids | second_ids
            _wait_for(f"{len(expected)} emails ingested",
                      lambda: len(_email_rows(engine)) >= len(expected), 90, [survivor])
            time.sleep(2 * POLL_SECONDS)
            rows = _email_rows(engine)
            counts = Counter(mid for mid, _ in rows)
            assert len(rows) == len(expected) and set(counts) == expected, (
                f"{len(rows)} email rows for {len(expected)} messages in the Maildir; "
                f"duplicates: {[m for m, n in counts.items() if n > 1]}, "
                f"missing: {expected - set(counts)}")
            statuses = Counter(status for _, status in rows)
            print(f"emails: {len(rows)} rows, statuses {dict(statuses)}")
        finally:
            for app in apps:
                app.kill()
            engine.dispose()
