"""`python -m hireops ingest` as a real subprocess: a JSON summary as the last stdout line, and
exit codes a cron job or a shell script can rely on."""

from __future__ import annotations

from sqlmodel import select

from hireops.models import Email
from tests.inbox.conftest import (
    CORPUS_COUNTS,
    cli_ingest,
    corpus,
    counts,
    deliver,
    invoice,
    maya_application,
)

SUMMARY_KEYS = {"seen", "new", "duplicates", "candidates_created", "applications_created",
                "failed"}


def test_maildir_ingest_prints_a_json_summary(session, maildir, maildir_path, jobs):
    deliver(maildir, *corpus())
    result, summary = cli_ingest("--maildir", str(maildir_path))

    assert result.returncode == 0, result.stderr
    assert SUMMARY_KEYS <= set(summary)
    assert summary["seen"] == summary["new"] == CORPUS_COUNTS["emails"]
    assert summary["duplicates"] == 0
    assert summary["candidates_created"] == CORPUS_COUNTS["candidates"]
    assert summary["applications_created"] == CORPUS_COUNTS["applications"]
    assert summary["failed"] == []
    assert {k: v for k, v in counts(session).items() if k in CORPUS_COUNTS} == CORPUS_COUNTS


def test_failed_messages_are_listed_with_id_and_reason(session, maildir, maildir_path, jobs):
    deliver(maildir, maya_application(), invoice())
    # The classifier's server cannot be reached: every message fails, none is lost.
    result, summary = cli_ingest(
        "--maildir", str(maildir_path), CLASSIFIER_ENGINE="mistral", MISTRAL_API_KEY="x",
        MISTRAL_SERVER_URL="http://127.0.0.1:9", MISTRAL_MAX_RETRIES="0", MISTRAL_TIMEOUT_S="1")

    assert result.returncode == 0, result.stderr
    assert summary["new"] == 2 and summary["candidates_created"] == 0
    failed = sorted(summary["failed"], key=lambda f: f["message_id"])
    assert [set(f) for f in failed] == [{"message_id", "reason"}] * 2
    assert [f["message_id"] for f in failed] == ["<invoice-4711@acme-supplies.example>",
                                                "<maya-1@mail.example>"]
    assert all(f["reason"].startswith("Classification failed (AI call #") for f in failed)
    assert {e.status for e in session.exec(select(Email))} == {"failed"}


def test_default_maildir_is_inbox_maildir(session, maildir, maildir_path, jobs):
    deliver(maildir, maya_application())
    result, summary = cli_ingest()
    assert result.returncode == 0, result.stderr
    assert (summary["new"], summary["candidates_created"]) == (1, 1)


def test_missing_maildir_is_a_source_error(session, tmp_path, jobs):
    result, summary = cli_ingest("--maildir", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "Not a Maildir folder" in summary["source_error"]
    assert summary["new"] == 0 and summary["failed"] == []
    assert not (tmp_path / "nowhere").exists()


def test_imap_without_a_configured_mailbox_exits_2(session, jobs):
    result, summary = cli_ingest("--imap")
    assert result.returncode == 2
    assert summary == {} and result.stdout == ""
    assert "no IMAP mailbox is configured" in result.stderr
    assert "Traceback" not in result.stderr
