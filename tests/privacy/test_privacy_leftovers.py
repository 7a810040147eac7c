"""What a privacy request must not leave behind: export entries that escape the archive's
folder, sent mail in the local outbox folder, and mail that brings an erased person back."""

from __future__ import annotations

import mailbox
import re
import shutil

from sqlmodel import select

from hireops.config import get_settings
from hireops.models import Application, Candidate, Email, ErasedMessage, InterviewLink
from hireops.services.inbox.api_intake import ResumeUpload, intake_candidate
from hireops.services.inbox.ingest import run_ingest_pass
from hireops.services.interviews.invitations import send_link
from hireops.services.interviews.links import generate_link
from hireops.services.mail.sender import configured_sender
from hireops.services.mail.sources import ImapConfig, ImapSource, MaildirSource
from hireops.services.outreach.outbox import deliver_due
from hireops.services.privacy.rights import erase_candidate
from tests.fakes.dovecot import dovecot  # noqa: F401  (a pytest fixture, used by name)
from tests.factories import exported_archive
from tests.fakes.mail_factory import build_email

# File names an API client may send; each one must stay a plain name inside files/.
HOSTILE_NAMES = [
    "../../../../tmp/owned.txt", "/etc/cron.d/owned.txt", "..\\..\\windows\\owned.txt",
    "C:\\Users\\owned.txt", "..", ".", "resume\x00.txt", "two\nlines\u2028.txt",
    "cv\u202etxt.exe", "file:stream.txt", "  ",
]
RESUME = ("Elena Petrova, senior Python engineer. Eight years building payment APIs with "
          "Django, PostgreSQL and Kubernetes; led a team of five.\n")


def test_export_entry_names_stay_inside_the_files_folder(session, people):
    for i, name in enumerate(HOSTILE_NAMES):
        intake_candidate(session=session, name="Elena Petrova", email=people.email, phone="",
                         job_id=None, actor_label="api test",
                         resume=ResumeUpload(name, "text/plain", f"{RESUME}#{i}".encode()))
    archive = exported_archive(session, people.id)
    files = [entry for entry in archive.namelist() if entry != "data.json"]
    assert len(files) >= len(HOSTILE_NAMES)  # every file is still exported
    for entry in files:
        # One plain name under files/: no separator, drive, stream or reserved character, no
        # control or direction-changing character, no trailing dot or space.
        assert re.fullmatch(r'files/\d+-[^/\\:*?"<>|]*[^/\\:*?"<>|. ]', entry), repr(entry)
        assert entry.isprintable(), repr(entry)
    assert sum("owned.txt" in entry for entry in files) == 4  # still recognisable
    assert len(set(files)) == len(files)


def _sent_to(folder) -> list[str]:
    return sorted(message["To"] for message in mailbox.Maildir(folder, create=False))


def test_erasure_removes_their_sent_mail_from_the_outbox_folder(session, people, monkeypatch):
    # The demo's own conversation mail goes out first, so the folder holds only what this test
    # sends next (plus that one, to someone else, which erasure leaves alone).
    demo_sent = deliver_due(session=session, sender=configured_sender()).sent
    folder = get_settings().sent_mail_dir()
    demo_recipients = _sent_to(folder) if demo_sent else []
    assert people.email not in demo_recipients
    other = session.exec(select(Application).where(Application.candidate_id != people.id)
                         .order_by(Application.id)).first()
    other_link = generate_link(session=session, application_id=other.id, actor=None,
                               override_reason="privacy test").link
    their_link = session.exec(select(InterviewLink)
                              .where(InterviewLink.id != other_link.id)).one()
    send_link(session=session, link_id=their_link.id, actor=None)
    session.commit()
    assert deliver_due(session=session, sender=configured_sender()).sent == 1
    # A later change of sender address changes the domain of the next Message-IDs.
    monkeypatch.setenv("SMTP_FROM_ADDRESS", "jobs@renamed.example")
    get_settings.cache_clear()
    send_link(session=session, link_id=other_link.id, actor=None)
    session.commit()
    assert deliver_due(session=session, sender=configured_sender()).sent == 1
    other_email = session.get(Candidate, other.candidate_id).email
    assert _sent_to(folder) == sorted([people.email, other_email, *demo_recipients])

    counts = erase_candidate(session=session, candidate_id=people.id, actor=None,
                             reason="Candidate asked for erasure")
    assert _sent_to(folder) == sorted([other_email, *demo_recipients])
    assert counts["sent_mail_files"] == 1


def _moved_inbox(tmp_path, extra: bytes):
    """The same mail under another folder (as after a mailbox move), plus one new message."""
    moved = tmp_path / "moved_inbox"
    shutil.copytree(get_settings().inbox_maildir, moved)
    (moved / "new" / "fresh.eml").write_bytes(extra)
    return moved


def test_mail_of_an_erased_person_seen_again_is_skipped(session, people, tmp_path):
    keys = set(session.exec(select(Email.message_key).where(Email.candidate_id == people.id)))
    assert keys
    erase_candidate(session=session, candidate_id=people.id, actor=None,
                    reason="Candidate asked for erasure")
    fresh = build_email(sender="noah@example.org", sender_name="Noah Berg",
                        subject="Question about the office", body="Is there parking nearby?")
    summary = run_ingest_pass(source=MaildirSource(_moved_inbox(tmp_path, fresh)))
    session.expire_all()

    assert summary.new == 1  # the new message only
    assert session.exec(select(Email).where(Email.message_key.in_(keys))).all() == []
    assert session.exec(select(Candidate).where(Candidate.email == people.email)).all() == []
    assert session.exec(select(Email).where(Email.from_address == "noah@example.org")).one()
    # The tombstone holds digests only, never the keys (Message-IDs) themselves.
    stored = session.exec(select(ErasedMessage.key_sha256)).all()
    assert len(stored) == len(keys)
    assert all(re.fullmatch(r"[0-9a-f]{64}", digest) for digest in stored)


def test_mail_of_an_erased_person_in_another_imap_account_is_skipped(session, people, dovecot):
    keys = set(session.exec(select(Email.message_key).where(Email.candidate_id == people.id)))
    erase_candidate(session=session, candidate_id=people.id, actor=None,
                    reason="Candidate asked for erasure")
    # The whole demo inbox, hers included, forwarded as it was into an IMAP account.
    for path in sorted((get_settings().inbox_maildir / "new").iterdir()):
        dovecot.append(path.read_bytes())
    summary = run_ingest_pass(source=ImapSource(ImapConfig(
        host=dovecot.host, port=dovecot.port, security="none", username=dovecot.username,
        password=dovecot.password, timeout_s=5)))
    session.expire_all()

    assert summary.seen >= len(keys) and summary.new == 0
    assert session.exec(select(Email).where(Email.message_key.in_(keys))).all() == []
    assert session.exec(select(Candidate).where(Candidate.email == people.email)).all() == []
