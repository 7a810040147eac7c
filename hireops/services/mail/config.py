"""Which mailbox the inbox reads: the IMAP account saved in Settings, else the local Maildir."""

from __future__ import annotations

from sqlmodel import Session

from hireops.config import get_settings
from hireops.services.mail.sources import ImapSource, MailSource, MaildirSource, load_imap_config


def configured_imap_source(*, session: Session) -> ImapSource | None:
    """The saved IMAP account as a source, or None when none is saved."""
    config = load_imap_config(session=session)
    return ImapSource(config) if config is not None else None


def configured_mail_source(*, session: Session) -> MailSource:
    """IMAP when an account is saved; otherwise the embedded Maildir (created if missing)."""
    imap = configured_imap_source(session=session)
    if imap is not None:
        return imap
    path = get_settings().inbox_maildir
    # An empty Maildir is a valid, empty inbox; creating it lets HR drop files in.
    for sub in ("new", "cur", "tmp"):
        (path / sub).mkdir(parents=True, exist_ok=True)
    return MaildirSource(path)
