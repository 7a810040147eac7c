"""`python -m hireops doctor`: checks a deployment from the command line and says what to fix.

Each check is independent (a database that does not answer still lets the disk and the public
address be checked) and reads only: nothing is created, migrated or sent.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import sqlalchemy as sa
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import Session, select

from hireops.config import Settings, get_settings
from hireops.db import make_engine
from hireops.log_setup import redact, redact_also
from hireops.models import AppSetting
from hireops.services.platform.crypto import SecretDecryptionError, decrypt_secret
from hireops.services.mail.sender import SmtpConfig, check_smtp_connection
from hireops.services.mail.sources import check_imap_connection, load_imap_config
from hireops.services.platform.migrations import alembic_config
from hireops.services.platform.runtime_settings import current_settings

Status = Literal["ok", "warn", "fail"]
# Below this, attachments (up to ATTACHMENT_MAX_STORE_BYTES each) and SQLite may run out soon.
MIN_FREE_BYTES = 1024**3
PUBLIC_URL_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class Finding:
    check: str
    status: Status
    message: str
    # What to do about a warn or fail, in one sentence.
    fix: str = ""


def run_doctor(settings: Settings | None = None) -> list[Finding]:
    """Every check, in the order a deployment is usually fixed."""
    settings = settings or get_settings()
    url = sa.engine.make_url(settings.database_url)
    redact_also(url.password)  # a driver's error may quote the address it was given
    engine = make_engine(settings.database_url)
    try:
        findings = [_guarded("database", lambda: _database(engine))]
        database_ok = findings[0].status == "ok"
        findings.append(_guarded("migrations", lambda: _migrations(engine)) if database_ok
                        else _skipped("migrations", "the database does not answer"))
        schema = database_ok and sa.inspect(engine).has_table("settings")
        findings.append(_guarded("secret key", lambda: _secret_key(
            settings, engine if schema else None)))
        if schema:
            with Session(engine) as session:
                findings.append(_guarded("smtp", lambda: _smtp(
                    current_settings(session=session))))
                findings.append(_guarded("imap", lambda: _imap(session, settings)))
        else:
            why = "the database does not answer" if not database_ok else "it has no tables yet"
            findings += [_skipped("smtp", why), _skipped("imap", why)]
    finally:
        engine.dispose()
    findings += [_guarded("disk", lambda: _disk(settings)),
                 _guarded("public url", lambda: _public_url(settings))]
    return findings


def _skipped(check: str, why: str) -> Finding:
    return Finding(check, "fail", f"Not checked: {why}.", "Fix the database first.")


def _guarded(check: str, run: Callable[[], Finding]) -> Finding:
    try:
        return run()
    except Exception as problem:  # one broken check must not hide the others
        return Finding(check, "fail", redact(f"{type(problem).__name__}: {_first_line(problem)}"))


def _first_line(problem: Exception) -> str:
    # SQLAlchemy appends the SQL and a help link on further lines.
    text = str(problem).strip()
    return text.splitlines()[0] if text else ""


def _database(engine: sa.Engine) -> Finding:
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except Exception as problem:  # every driver has its own errors
        return Finding("database", "fail",
                       redact(f"{engine.dialect.name} does not answer: "
                              f"{type(problem).__name__}: {_first_line(problem)}"),
                       "Check DATABASE_URL and that the database server runs.")
    return Finding("database", "ok", f"{engine.dialect.name} answers.")


def _migrations(engine: sa.Engine) -> Finding:
    heads = set(ScriptDirectory.from_config(alembic_config()).get_heads())
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    if current == heads:
        return Finding("migrations", "ok", f"At the newest revision ({', '.join(heads)}).")
    found = ", ".join(sorted(current)) or "none (an empty database)"
    return Finding("migrations", "fail",
                   f"The database is at revision {found}; this code needs "
                   f"{', '.join(sorted(heads))}.",
                   "Back up, then run `python -m hireops migrate`.")


def _secret_key(settings: Settings, engine: sa.Engine | None) -> Finding:
    if settings.secret_key is not None:
        found = Finding("secret key", "ok", "HIREOPS_SECRET_KEY is set in the environment.")
    else:
        found = _key_file(settings.secret_key_file, stored=_has_stored_secrets(engine))
    if found.status == "ok" and engine is not None:
        return _opens_stored_secrets(engine) or found
    return found


def _key_file(path: Path, *, stored: bool) -> Finding:
    if not path.exists():
        status: Status = "fail" if stored else "warn"
        return Finding("secret key", status,
                       f"No key at {path}" + ("; stored passwords cannot be read." if stored
                                              else "; the app creates it at first start."),
                       "Restore the key file from your backup." if stored
                       else "Start the app once, or set HIREOPS_SECRET_KEY.")
    info = path.stat()
    if info.st_uid != os.geteuid():
        return Finding("secret key", "fail",
                       f"{path} belongs to user id {info.st_uid}, not to the user running "
                       f"HireOps ({os.geteuid()}).", f"chown the file to that user: chown "
                       f"{os.geteuid()} {path}")
    if stat.S_IMODE(info.st_mode) & 0o077:
        return Finding("secret key", "fail",
                       f"{path} is readable by others (mode {stat.S_IMODE(info.st_mode):04o}).",
                       f"chmod 600 {path}")
    if not path.read_text().strip():
        return Finding("secret key", "fail", f"{path} is empty.",
                       "Restore the key file from your backup.")
    return Finding("secret key", "ok", f"{path} is readable by its owner only.")


def _has_stored_secrets(engine: sa.Engine | None) -> bool:
    if engine is None:
        return False
    with Session(engine) as session:
        return session.exec(select(AppSetting.key).where(AppSetting.is_secret)).first() is not None


def _opens_stored_secrets(engine: sa.Engine) -> Finding | None:
    """A fail when the key cannot decrypt a password saved in the app (the key changed)."""
    with Session(engine) as session:
        row = session.exec(select(AppSetting).where(AppSetting.is_secret)).first()
    if row is None:
        return None
    try:
        decrypt_secret(row.value)
    except SecretDecryptionError:
        return Finding("secret key", "fail",
                       f"The key does not open the passwords saved in the app ({row.key}).",
                       "Restore the key they were saved with, or enter them again in Settings.")
    return None


def _smtp(settings: Settings) -> Finding:
    if not settings.smtp_host:
        return Finding("smtp", "warn", f"No SMTP server: mail is written to "
                       f"{settings.sent_mail_dir()} instead of being sent.",
                       "Set SMTP_HOST (and SMTP_USER, SMTP_PASSWORD) or save them in Settings.")
    config = SmtpConfig.from_settings(settings)
    problem = _guarded_text(lambda: check_smtp_connection(config))
    if problem:
        return Finding("smtp", "fail", redact(problem),
                       "Check the SMTP host, port, security and login (Settings > Email).")
    return Finding("smtp", "ok", f"{config.where} accepts a connection"
                   + (" and the login." if config.username else "."))


def _guarded_text(run: Callable[[], str | None]) -> str | None:
    try:
        return run()
    except Exception as problem:  # the check itself broke: say so instead of crashing
        return f"{type(problem).__name__}: {problem}"


def _imap(session: Session, settings: Settings) -> Finding:
    try:
        config = load_imap_config(session=session)
    except SecretDecryptionError as problem:
        return Finding("imap", "fail", str(problem), "Enter the IMAP password again in Settings.")
    if config is None:
        return Finding("imap", "warn", f"No IMAP mailbox is saved: the inbox reads the folder "
                       f"{settings.inbox_maildir}.",
                       "Connect the mailbox under Settings > Mailbox if mail should come in.")
    result = check_imap_connection(config)
    if not result.ok:
        return Finding("imap", "fail", redact(result.message),
                       "Check the mailbox settings and app password (Settings > Mailbox).")
    return Finding("imap", "ok", f"{config.host}:{config.port}: {result.message}.")


def _disk(settings: Settings) -> Finding:
    folder = settings.data_dir
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if existing is None or not existing.is_dir():
        return Finding("disk", "fail", f"DATA_DIR {folder} cannot be created: {existing} is not "
                       "a folder.", "Point DATA_DIR at a folder HireOps may write.")
    if existing == folder:
        try:
            with tempfile.TemporaryFile(dir=folder):
                pass
        except OSError as problem:
            return Finding("disk", "fail", f"Cannot write in DATA_DIR {folder}: "
                           f"{problem.strerror}.", "Give the HireOps user write access to it.")
    free = shutil.disk_usage(existing).free
    if free < MIN_FREE_BYTES:
        return Finding("disk", "fail", f"Only {free / 2**20:.0f} MB free for attachments in "
                       f"{folder}.", "Free some space or move DATA_DIR to a larger disk.")
    note = "" if existing == folder else " (created at first start)"
    return Finding("disk", "ok", f"{free / 2**30:.1f} GB free in {folder}{note}.")


def _public_url(settings: Settings) -> Finding:
    url = settings.public_base_url
    fix = ("Check PUBLIC_BASE_URL, the reverse proxy and that the app runs: candidates open "
           "their interview links there.")
    try:
        with urllib.request.urlopen(url + "/", timeout=PUBLIC_URL_TIMEOUT_S) as response:
            code = response.status
    except urllib.error.HTTPError as problem:
        code = problem.code
    except (OSError, ValueError) as problem:
        reason = getattr(problem, "reason", problem)
        return Finding("public url", "fail", f"{url} does not answer: {reason}.", fix)
    if code >= 500:
        return Finding("public url", "fail", f"{url} answers {code}.", fix)
    if code >= 400:
        return Finding("public url", "warn", f"{url} answers {code}.", fix)
    return Finding("public url", "ok", f"{url} answers {code}.")


def exit_code(findings: list[Finding]) -> int:
    """1 when something must be fixed, else 0 (warnings are advice)."""
    return 1 if any(f.status == "fail" for f in findings) else 0


def format_findings(findings: list[Finding]) -> str:
    """One line per check, and a line saying what to do under each problem."""
    lines = []
    for finding in findings:
        lines.append(f"[{finding.status:^4}] {finding.check}: {finding.message}")
        if finding.fix and finding.status != "ok":
            lines.append(f"       fix: {finding.fix}")
    failed = sum(f.status == "fail" for f in findings)
    warned = sum(f.status == "warn" for f in findings)
    lines.append(f"{failed} problem(s) to fix, {warned} warning(s)." if failed or warned
                 else "Everything checked is in order.")
    return "\n".join(lines)
