"""The inbox poller: one leader at a time, takeover after the lease expires, errors survived."""

import mailbox
from datetime import timedelta

from sqlmodel import select

from hireops.models import Email, Lease, utcnow
from hireops.services.platform.leases import acquire_lease, release_lease
from hireops.services.operations.background_jobs import LEASE_NAME, InboxPoller
from tests.fakes.mail_factory import build_email


def test_lease_has_one_holder_until_it_expires(session):
    assert acquire_lease(session=session, name="job", holder="a", ttl_s=60)
    assert not acquire_lease(session=session, name="job", holder="b", ttl_s=60)
    assert acquire_lease(session=session, name="job", holder="a", ttl_s=60)  # renewal
    lease = session.get(Lease, "job")
    lease.expires_at = utcnow() - timedelta(seconds=1)
    session.add(lease)
    session.commit()
    assert acquire_lease(session=session, name="job", holder="b", ttl_s=60)  # takeover
    assert not acquire_lease(session=session, name="job", holder="a", ttl_s=60)


def test_release_lets_a_successor_in_at_once(session):
    assert acquire_lease(session=session, name="job", holder="a", ttl_s=600)
    release_lease(session=session, name="job", holder="b")  # not b's to release
    assert not acquire_lease(session=session, name="job", holder="b", ttl_s=600)
    release_lease(session=session, name="job", holder="a")
    assert acquire_lease(session=session, name="job", holder="b", ttl_s=600)


def _drop_mail(tmp_path, count: int) -> None:
    box = mailbox.Maildir(tmp_path / "maildir", create=True)
    for i in range(count):
        box.add(build_email(sender=f"person{i}@example.com", subject=f"Question {i}",
                            body="When is the office open?", message_id=f"<q{i}@example.com>"))


def test_only_the_leader_polls_and_a_successor_takes_over(session, tmp_path, monkeypatch):
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    _drop_mail(tmp_path, 2)
    leader, follower = InboxPoller(60, holder="leader"), InboxPoller(60, holder="follower")
    first = leader.poll_once()
    assert first is not None and first.new == 2
    assert follower.poll_once() is None  # the lease is the leader's
    assert len(session.exec(select(Email)).all()) == 2

    lease = session.get(Lease, LEASE_NAME)
    lease.expires_at = utcnow() - timedelta(seconds=1)  # the leader died
    session.add(lease)
    session.commit()
    _drop_mail(tmp_path, 3)
    taken = follower.poll_once()
    assert taken is not None and taken.new == 1  # only the third message is new
    assert leader.poll_once() is None


def test_a_failing_poll_is_logged_and_the_poller_lives_on(session, tmp_path, monkeypatch):
    from hireops.services.operations import background_jobs as scheduler

    real_pass, broken = scheduler.run_ingest_pass, [True]

    def sometimes_broken(**kwargs):
        if broken[0]:
            raise RuntimeError("disk on fire")
        return real_pass(**kwargs)

    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(scheduler, "run_ingest_pass", sometimes_broken)
    poller = InboxPoller(60, holder="solo")
    assert poller.poll_once() is None
    broken[0] = False
    _drop_mail(tmp_path, 1)
    assert poller.poll_once().new == 1


def test_stop_waits_for_a_job_still_running(session, monkeypatch):
    # Stopping released the lease while a job still ran in the scheduler's thread: another
    # worker could take the lease and start the same job beside it (and in the tests the job
    # outlived its test, reading the next test's settings halfway through their change).
    import threading
    import time

    from hireops.config import get_settings

    monkeypatch.setenv("OUTBOX_POLL_SECONDS", "0")
    get_settings.cache_clear()
    started, finished = threading.Event(), threading.Event()

    def slow_housekeeping(self):
        started.set()
        time.sleep(1.0)
        finished.set()

    monkeypatch.setattr(InboxPoller, "housekeeping_once", slow_housekeeping)
    poller = InboxPoller(0, holder="web-1")
    poller.start()
    assert started.wait(20), "the housekeeping job never ran"
    poller.stop()
    assert finished.is_set()
