"""GET /api/v1/health on a real database: 200 when the scheduler leads, mail leaves and the inbox
is polled; 503 for a stale lease, stuck mail, a database or Redis that does not answer; no token
needed and no personal data shown."""

from __future__ import annotations

import mailbox
from datetime import timedelta

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from hireops import db
from hireops.api.app import build_api
from hireops.config import get_settings
from hireops.models import Lease, OutboxMessage, utcnow
from hireops.services.mail.sources import ImapConfig, save_imap_config
from hireops.services.platform.migrations import upgrade_database
from hireops.services.outreach.outbox import enqueue_mail
from hireops.services.operations.background_jobs import LEASE_NAME, InboxPoller, start_poller_from_settings
from tests.fakes.mail_factory import build_email
from tests.fakes.smtp_server import free_port

CANDIDATE_EMAIL = "maya.chen@example.com"
CANDIDATE_NAME = "Maya Chen"


@pytest.fixture
def running(session, tmp_path, monkeypatch) -> InboxPoller:
    """A scheduler that has taken the lease and polled an inbox with one application in it."""
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    box = mailbox.Maildir(tmp_path / "maildir", create=True)
    box.add(build_email(sender=CANDIDATE_EMAIL, sender_name=CANDIDATE_NAME,
                        subject="Application: Backend Engineer",
                        body="Hello, I am Maya Chen, a Python developer. Resume below."))
    poller = InboxPoller(60, holder="web-1:4242:abcd")
    assert poller.poll_once().new == 1
    return poller


def _queue_mail(session, key: str = "invite-1") -> OutboxMessage:
    message = enqueue_mail(session=session, idempotency_key=key, kind="invite",
                           to_address=CANDIDATE_EMAIL, subject=f"Your interview, {CANDIDATE_NAME}",
                           body_text="Dear Maya, here is your link.")
    session.commit()
    return message


def _backdate(session, model, key, **values) -> None:
    session.execute(sa.update(model).where(key).values(**values))
    session.commit()


def test_healthy_deployment_is_200_without_a_token_and_names_nobody(client, session, running):
    _queue_mail(session)
    response = client.get("/api/v1/health")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "ok"
    checks = body["checks"]
    assert {name: check["status"] for name, check in checks.items()} == {
        "database": "ok", "scheduler": "ok", "outbox": "ok", "inbox": "ok", "redis": "ok"}
    assert checks["scheduler"]["holder"] == "web-1:4242:abcd"
    assert 0 <= checks["scheduler"]["renewed_s_ago"] < 30
    assert checks["outbox"]["queued"] == 1 and checks["outbox"]["oldest_queued_s_ago"] < 60
    assert checks["inbox"]["new"] == 1 and checks["inbox"]["last_poll_error"] == ""
    assert response.headers["cache-control"] == "no-store"
    for personal in (CANDIDATE_EMAIL, CANDIDATE_NAME, "Maya", "Backend Engineer"):
        assert personal not in response.text


def test_stale_lease_is_503(client, session, running):
    # The leader's process died: its lease ran out a minute ago and nobody took it over.
    _backdate(session, Lease, Lease.name == LEASE_NAME,
              expires_at=utcnow() - timedelta(seconds=60))
    response = client.get("/api/v1/health")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing"
    scheduler = body["checks"]["scheduler"]
    assert scheduler["status"] == "fail" and "ran out" in scheduler["message"]
    assert "web-1:4242:abcd" in scheduler["message"]
    assert scheduler["renewed_s_ago"] > running.lease_ttl_s
    assert body["checks"]["outbox"]["status"] == "ok"


def test_late_renewal_is_degraded(client, session, running):
    # The leader is busy (a long delivery pass): its last renewal is two minutes old, its
    # lease not yet out, so no other worker may take over: warn, not page.
    ttl = running.lease_ttl_s
    _backdate(session, Lease, Lease.name == LEASE_NAME,
              expires_at=utcnow() + timedelta(seconds=ttl - 120))
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    scheduler = body["checks"]["scheduler"]
    assert scheduler["status"] == "warn" and 115 < scheduler["renewed_s_ago"] < 130


def test_no_scheduler_at_all_is_503(client, session):
    response = client.get("/api/v1/health")
    assert response.status_code == 503
    assert response.json()["checks"]["scheduler"]["status"] == "fail"


def test_the_next_renewal_makes_it_healthy_again(client, session, running):
    _backdate(session, Lease, Lease.name == LEASE_NAME,
              expires_at=utcnow() - timedelta(seconds=1))
    assert client.get("/api/v1/health").status_code == 503
    assert running.is_leader()
    assert client.get("/api/v1/health").status_code == 200


def test_stuck_outbox_is_503(client, session, running):
    stuck = _queue_mail(session, "invite-stuck")
    _queue_mail(session, "invite-fresh")
    _backdate(session, OutboxMessage, OutboxMessage.id == stuck.id,
              created_at=utcnow() - timedelta(minutes=45))
    response = client.get("/api/v1/health")
    assert response.status_code == 503
    outbox = response.json()["checks"]["outbox"]
    assert outbox["status"] == "fail" and outbox["queued"] == 2
    assert 44 * 60 < outbox["oldest_queued_s_ago"] < 46 * 60
    assert CANDIDATE_EMAIL not in response.text


def test_stuck_threshold_is_a_setting(client, session, running, monkeypatch):
    message = _queue_mail(session)
    _backdate(session, OutboxMessage, OutboxMessage.id == message.id,
              created_at=utcnow() - timedelta(minutes=10))
    assert client.get("/api/v1/health").status_code == 200
    monkeypatch.setenv("HEALTH_OUTBOX_STUCK_MINUTES", "5")
    get_settings.cache_clear()
    assert client.get("/api/v1/health").status_code == 503


def test_sent_and_failed_mail_is_not_a_backlog(client, session, running):
    old = _queue_mail(session)
    _backdate(session, OutboxMessage, OutboxMessage.id == old.id, status="failed",
              created_at=utcnow() - timedelta(days=2))
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json()["checks"]["outbox"]["failed"] == 1


def test_failed_inbox_poll_is_degraded_with_its_error(client, session, running):
    # A real failure: the saved IMAP server does not listen.
    port = free_port()
    save_imap_config(session=session, actor=None, config=ImapConfig(
        host="127.0.0.1", port=port, security="none", username="jobs@example.com",
        password="imap-password-1", timeout_s=2))
    summary = running.poll_once()
    assert summary.source_error
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    inbox = body["checks"]["inbox"]
    assert inbox["status"] == "warn" and str(port) in inbox["last_poll_error"]
    assert "imap-password-1" not in response.text


def test_database_down_is_503(monkeypatch):
    # A PostgreSQL address where nothing listens: the real driver's connection is refused.
    monkeypatch.setenv("DATABASE_URL", f"postgresql+psycopg://hireops:pw@127.0.0.1:{free_port()}/x")
    get_settings.cache_clear()
    db.get_engine.cache_clear()
    try:
        with TestClient(build_api(), raise_server_exceptions=False) as client:
            response = client.get("/api/v1/health")
    finally:
        db.get_engine.cache_clear()
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["database"]["status"] == "fail"
    assert checks["database"]["dialect"] == "postgresql"
    assert {checks[name]["status"] for name in ("scheduler", "outbox", "inbox")} == {"fail"}
    assert "pw" not in checks["database"]["message"]


def test_redis_checked_when_configured(client, session, running, monkeypatch):
    monkeypatch.setenv("REFLEX_REDIS_URL", "redis://127.0.0.1:6379/5")
    get_settings.cache_clear()
    reachable = client.get("/api/v1/health")
    if reachable.json()["checks"]["redis"]["status"] != "ok":
        pytest.skip("Redis not reachable on 127.0.0.1:6379")
    assert reachable.status_code == 200
    monkeypatch.setenv("REFLEX_REDIS_URL", f"redis://127.0.0.1:{free_port()}/0")
    get_settings.cache_clear()
    response = client.get("/api/v1/health")
    assert response.status_code == 503
    assert response.json()["checks"]["redis"]["status"] == "fail"


@pytest.mark.postgres
def test_on_postgresql_healthy_then_stale(postgres_database_url, tmp_path, monkeypatch):
    upgrade_database(postgres_database_url)
    monkeypatch.setenv("DATABASE_URL", postgres_database_url)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    db.get_engine.cache_clear()
    try:
        poller = InboxPoller(60, holder="pg-worker")
        assert poller.poll_once() is not None
        with TestClient(build_api(), raise_server_exceptions=False) as client:
            assert client.get("/api/v1/health").status_code == 200
            with db.session_scope() as session:
                _backdate(session, Lease, Lease.name == LEASE_NAME,
                          expires_at=utcnow() - timedelta(minutes=5))
            assert client.get("/api/v1/health").status_code == 503
    finally:
        db.get_engine().dispose()
        db.get_engine.cache_clear()


def test_a_running_scheduler_is_healthy_and_a_stopped_one_is_not(client, session, tmp_path,
                                                                  monkeypatch):
    """The real APScheduler loop: its first runs take the lease and poll; stopping it releases
    the lease, so the next check fails at once instead of after the lease runs out."""
    import time

    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("OUTBOX_POLL_SECONDS", "1")
    monkeypatch.setenv("INBOX_POLL_SECONDS", "1")
    get_settings.cache_clear()
    poller = start_poller_from_settings()  # as the app's lifespan starts it
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            response = client.get("/api/v1/health")
            if response.status_code == 200 and response.json()["status"] == "ok":
                break
            time.sleep(0.3)
        assert response.status_code == 200, response.text
        assert response.json()["checks"]["scheduler"]["holder"] == poller.holder
    finally:
        poller.stop()
    response = client.get("/api/v1/health")
    assert response.status_code == 503
    assert "No worker holds" in response.json()["checks"]["scheduler"]["message"]
