"""`python -m hireops doctor` as a real subprocess against a good deployment (SQLite at head, a
0600 key, aiosmtpd with a login, Dovecot, an answering public address) and a broken one, where
every check names its problem and its fix, and no password is printed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hireops.config import PROJECT_ROOT, get_settings
from hireops.services.operations.doctor import run_doctor
from hireops.services.mail.sources import ImapConfig, save_imap_config
from hireops.services.platform.migrations import downgrade_database
from tests.fakes.dovecot import dovecot  # noqa: F401  (a pytest fixture, used by name)
from tests.fakes.loopback_http import FakeHandler, LoopbackHTTPServer
from tests.fakes.smtp_server import FakeSmtpServer, free_port

SMTP_LOGIN = ("hr@hireops.test", "smtp-pass-Zk81")
CHECKS = ["database", "migrations", "secret key", "smtp", "imap", "disk", "public url"]


class _Homepage(FakeHandler):
    """A reverse proxy in front of the app: the home page answers 200."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._send(200, b"<html>HireOps</html>", content_type="text/html")


def _doctor(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {name: value for name, value in os.environ.items()
            if not name.startswith(("MISTRAL_", "HIREOPS_", "SMTP_", "DATABASE_", "LOG_"))}
    return subprocess.run([sys.executable, "-m", "hireops", "doctor"], cwd=PROJECT_ROOT,
                          env={**base, "HIREOPS_ENV_FILE": os.devnull, **env},
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)


def _statuses(stdout: str) -> dict[str, str]:
    """check -> ok | warn | fail, from lines like `[fail] smtp: ...`."""
    found = {}
    for line in stdout.splitlines():
        if line.startswith("["):
            status, _, rest = line[1:].partition("]")
            found[rest.strip().split(":")[0]] = status.strip()
    return found


@pytest.fixture
def deployment(database_url, session, tmp_path, monkeypatch, dovecot):  # noqa: F811
    """A working deployment; tests break parts of it. Returns the environment it runs with."""
    data = tmp_path / "data"
    data.mkdir()
    env = {"DATABASE_URL": database_url, "SECRET_KEY_FILE": str(tmp_path / "secret"),
           "INBOX_MAILDIR": str(tmp_path / "maildir"), "DATA_DIR": str(data),
           "SMTP_HOST": "127.0.0.1", "SMTP_SECURITY": "none", "SMTP_USER": SMTP_LOGIN[0],
           "SMTP_PASSWORD": SMTP_LOGIN[1]}
    smtp = FakeSmtpServer(login=SMTP_LOGIN)
    smtp.start()
    web = LoopbackHTTPServer(_Homepage).start()
    env.update(SMTP_PORT=str(smtp.port), PUBLIC_BASE_URL=web.url)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    get_settings().get_secret_key()  # created 0600, as the app does at first start
    save_imap_config(session=session, actor=None, config=ImapConfig(
        host=dovecot.host, port=dovecot.port, security="none", username=dovecot.username,
        password=dovecot.password, timeout_s=5))
    yield env
    web.stop()
    smtp.stop()


def test_good_deployment_passes(deployment, dovecot):  # noqa: F811
    result = _doctor(deployment)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _statuses(result.stdout) == dict.fromkeys(CHECKS, "ok"), result.stdout
    assert "Everything checked is in order." in result.stdout
    assert "INBOX has 0 messages" in result.stdout


def test_broken_deployment_says_what_to_fix(deployment, database_url, dovecot, tmp_path):  # noqa: F811
    key_file = Path(deployment["SECRET_KEY_FILE"])
    key_file.chmod(0o644)
    downgrade_database(database_url, "0011")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    broken = {**deployment, "SMTP_PASSWORD": "wrong-smtp-pass-Q2",
              "PUBLIC_BASE_URL": f"http://127.0.0.1:{free_port()}",
              "DATA_DIR": str(blocker / "data")}
    dovecot.stop()  # the mail server is down
    result = _doctor(broken)
    assert result.returncode == 1, result.stdout + result.stderr
    assert _statuses(result.stdout) == {**dict.fromkeys(CHECKS, "fail"), "database": "ok"}, \
        result.stdout
    out = result.stdout
    assert "chmod 600" in out and "mode 0644" in out
    assert "python -m hireops migrate" in out and "revision 0011" in out
    assert str(blocker) in out
    assert "does not answer" in out
    assert "7 problem(s)" not in out and "6 problem(s) to fix" in out
    for secret in ("wrong-smtp-pass-Q2", SMTP_LOGIN[1], dovecot.password,
                   key_file.read_text().strip()):
        assert secret not in result.stdout + result.stderr


def test_database_down_is_reported_and_the_rest_still_checked(deployment, tmp_path):
    down = {**deployment, "DATABASE_URL": f"postgresql+psycopg://hireops:pg-pass-9@127.0.0.1:"
                                          f"{free_port()}/hireops"}
    result = _doctor(down)
    assert result.returncode == 1
    statuses = _statuses(result.stdout)
    assert statuses["database"] == "fail" and statuses["disk"] == "ok"
    assert statuses["public url"] == "ok"
    assert "pg-pass-9" not in result.stdout + result.stderr


def test_a_changed_key_cannot_open_the_saved_passwords(deployment):
    key_file = Path(deployment["SECRET_KEY_FILE"])
    key_file.write_text("another-key-than-the-one-the-passwords-were-saved-with")
    findings = {f.check: f for f in run_doctor()}
    assert findings["secret key"].status == "fail"
    assert "does not open the passwords" in findings["secret key"].message
    assert findings["imap"].status == "fail"
