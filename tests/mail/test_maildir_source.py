"""Reading a local Maildir: every message once, in a stable order, and the folder left untouched."""

from __future__ import annotations

import mailbox
import os
from pathlib import Path

import pytest

from hireops.services.mail.message import source_ref
from hireops.services.mail.sources import MaildirSource, MailSourceError
from tests.mail.messages import plain_message


def _snapshot(root: Path) -> dict[str, tuple[int, float]]:
    """Every file under `root` with its size and modification time."""
    result = {}
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            stat = path.stat()
            result[str(path.relative_to(root))] = (stat.st_size, stat.st_mtime_ns)
    return result


@pytest.fixture
def maildir(tmp_path: Path) -> Path:
    """A Maildir with two unread messages in new/ and one read one in cur/."""
    root = tmp_path / "Maildir"
    box = mailbox.Maildir(root, create=True)
    for subject in ("first new", "second new"):
        box.add(mailbox.MaildirMessage(plain_message(subject)))
    seen = mailbox.MaildirMessage(plain_message("already read"))
    seen.set_subdir("cur")
    seen.set_flags("S")
    box.add(seen)
    return root


def _subjects(messages) -> list[str]:
    return sorted(m.raw.split(b"Subject: ")[1].split(b"\n")[0].decode() for m in messages)


def test_reads_new_and_cur_without_moving_or_renaming_anything(maildir: Path):
    assert len(os.listdir(maildir / "new")) == 2 and len(os.listdir(maildir / "cur")) == 1
    before = _snapshot(maildir)
    messages = list(MaildirSource(maildir).fetch())
    assert _subjects(messages) == ["already read", "first new", "second new"]
    assert all(m.source == "maildir" and m.folder == str(maildir) for m in messages)
    assert _snapshot(maildir) == before


def test_order_is_stable_and_keys_are_the_maildir_keys(maildir: Path):
    first = [m.uid for m in MaildirSource(maildir).fetch()]
    assert first == [m.uid for m in MaildirSource(maildir).fetch()]
    assert first == sorted(first)
    assert set(first) == set(mailbox.Maildir(maildir, create=False).keys())


def test_skip_avoids_reading_known_messages(maildir: Path):
    source = MaildirSource(maildir)
    [known, *rest] = list(source.fetch())
    asked = []

    def skip(ref: str) -> bool:
        asked.append(ref)
        return ref == known.source_ref

    assert [m.uid for m in source.fetch(skip=skip)] == [m.uid for m in rest]
    assert known.source_ref == source_ref("maildir", str(maildir), known.uid)
    assert len(asked) == 3


def test_subfolders_are_read_when_named(maildir: Path):
    jobs = mailbox.Maildir(maildir, create=False).add_folder("Jobs")
    jobs.add(mailbox.MaildirMessage(plain_message("in jobs")))
    messages = list(MaildirSource(maildir, folders=["INBOX", "Jobs"]).fetch())
    assert len(messages) == 4
    assert messages[-1].folder == str(maildir / ".Jobs")
    assert len(list(MaildirSource(maildir).fetch())) == 3


def test_missing_maildir_is_a_clear_error_and_is_not_created(tmp_path: Path):
    missing = tmp_path / "nowhere"
    with pytest.raises(MailSourceError, match="Not a Maildir"):
        list(MaildirSource(missing).fetch())
    assert not missing.exists()


def test_message_that_vanishes_mid_read_is_skipped(maildir: Path):
    source = MaildirSource(maildir)
    fetched = source.fetch()
    first = next(fetched)
    # A mail client deletes the remaining messages while we read.
    for name in os.listdir(maildir / "new") + os.listdir(maildir / "cur"):
        if not name.startswith(first.uid):
            os.remove(maildir / ("new" if (maildir / "new" / name).exists() else "cur") / name)
    assert list(fetched) == []
