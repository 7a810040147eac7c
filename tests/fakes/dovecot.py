"""A real Dovecot IMAP server on loopback, configured and started by the test itself.

Needs the Debian `dovecot-imapd` package (scripts/install_system_packages.sh). Tests that use
the `dovecot` fixture are skipped when the binary is missing.
"""

from __future__ import annotations

import datetime as dt
import imaplib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

USERNAME = "candidate-inbox@hireops.test"
PASSWORD = "app-password-7Qx!"
_START_TIMEOUT_S = 10.0

_CONFIG = """\
# Written by tests/fakes/dovecot.py: a throwaway server for one test.
{version_line}
base_dir = {root}/run
state_dir = {root}/state
instance_name = hireops-test-{port}
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
{cleartext_setting}
auth_mechanisms = plain login
# Failed logins answer at once (the default waits 2 s), keeping wrong-password tests fast.
auth_failure_delay = 0
default_login_user = dovenull
default_internal_user = dovecot
first_valid_uid = 1
mail_location = maildir:{root}/home/%u/Maildir

passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid=dovecot gid=dovecot home={root}/home/%u
}}

service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
  # No penalty socket: the auth process then skips the growing per-IP delay after failed
  # logins (2 s, 4 s, ...) that would slow the wrong-password tests.
  unix_listener anvil-auth-penalty {{
    mode = 0
  }}
}}
service stats {{
  # Nothing reads the statistics; keep the unprivileged processes able to write to them.
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
"""


def dovecot_binary() -> str | None:
    return shutil.which("dovecot") or (
        "/usr/sbin/dovecot" if os.path.exists("/usr/sbin/dovecot") else None)


def dovecot_version() -> tuple[int, ...]:
    out = subprocess.run([dovecot_binary() or "dovecot", "--version"], capture_output=True,
                         text=True, check=True).stdout
    return tuple(int(p) for p in out.split()[0].split(".")[:2])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DovecotServer:
    """One Dovecot with its own config, mail folder and port; start() and stop() at will.

    Restarting keeps the port and the mail (and so the UIDVALIDITY), like a real server reboot.
    """

    def __init__(self, *, username: str = USERNAME, password: str = PASSWORD) -> None:
        self.username = username
        self.password = password
        self.host = "127.0.0.1"
        self.port = free_port()
        # Not pytest's tmp_path: that sits under a root-only 0700 folder the dovecot user
        # cannot enter.
        self.root = Path(tempfile.mkdtemp(prefix="hireops-dovecot-"))
        self.root.chmod(0o755)
        self.config_path = self.root / "dovecot.conf"
        self._process: subprocess.Popen | None = None
        self._write_files()

    # --- lifecycle --------------------------------------------------------------------------

    def start(self) -> DovecotServer:
        if self.running:
            return self
        self._process = subprocess.Popen(
            [dovecot_binary() or "dovecot", "-F", "-c", str(self.config_path)],
            stdout=subprocess.DEVNULL, stderr=self._stderr_file(), start_new_session=True,
            umask=0o022,
        )
        self._wait_for_greeting()
        return self

    def stop(self) -> None:
        """Stop the server and every imap process it runs; open connections see EOF."""
        process, self._process = self._process, None
        if process is None:
            return
        # The whole process group at once: Dovecot's master alone waits about a second for its
        # children, and killing only the master would leave orphans.
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)
        self._wait_port_closed()

    def close(self) -> None:
        """Stop and remove the mail, config and logs."""
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def __enter__(self) -> DovecotServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- mail -------------------------------------------------------------------------------

    def append(self, raw: bytes, folder: str = "INBOX", flags: str = "") -> str:
        """Deliver `raw` with IMAP APPEND (creating `folder` if needed); return the new UID."""
        with self.imap() as client:
            if folder != "INBOX":
                client.create(folder)  # NO when it exists, which is fine
            status, data = client.append(folder, f"({flags})" if flags else None,
                                         imaplib.Time2Internaldate(dt.datetime.now(dt.UTC)), raw)
            if status != "OK":
                raise RuntimeError(f"APPEND failed: {data!r}")
            # Dovecot answers "[APPENDUID <uidvalidity> <uid>] Append completed."
            return data[0].decode().split("]")[0].split()[-1]

    def flags(self, folder: str = "INBOX") -> dict[str, str]:
        """UID -> FLAGS of every message, read without changing anything."""
        with self.imap() as client:
            client.select(folder, readonly=True)
            status, data = client.uid("FETCH", "1:*", "(FLAGS)")
            result = {}
            for item in data:
                if not item:
                    continue
                text = item.decode()
                uid = text.split("UID ")[1].split()[0].rstrip(")")
                result[uid] = text.split("FLAGS (")[1].split(")")[0]
            return result

    def imap(self) -> imaplib.IMAP4:
        client = imaplib.IMAP4(self.host, self.port, timeout=5)
        client.login(self.username, self.password)
        return client

    @property
    def maildir(self) -> Path:
        return self.root / "home" / self.username / "Maildir"

    def log_text(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    # --- internals --------------------------------------------------------------------------

    def _write_files(self) -> None:
        major_minor = dovecot_version()
        # 2.4 renamed the cleartext switch and wants the config version stated.
        newer = major_minor >= (2, 4)
        self.config_path.write_text(_CONFIG.format(
            root=self.root, port=self.port,
            version_line="dovecot_config_version = 2.4.0" if newer else "",
            cleartext_setting=("auth_allow_cleartext = yes" if newer
                               else "disable_plaintext_auth = no"),
        ))
        (self.root / "passwd").write_text(f"{self.username}:{{PLAIN}}{self.password}\n")
        for name in ("run", "state", "home"):
            (self.root / name).mkdir(exist_ok=True)
            (self.root / name).chmod(0o755)
        # Modes set outright, not left to the umask: once the app module is imported the test
        # process runs with umask 077 (hireops.services.platform.private_files), and Dovecot's
        # unprivileged auth process could then not read the password file.
        for path in (self.config_path, self.root / "passwd"):
            path.chmod(0o644)
        dovecot = pwd.getpwnam("dovecot")
        home = self.root / "home"
        os.chown(home, dovecot.pw_uid, dovecot.pw_gid)

    def _wait_for_greeting(self) -> None:
        deadline = time.monotonic() + _START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._process is not None and self._process.poll() is not None:
                raise RuntimeError(f"Dovecot exited at start: {self._startup_output()}")
            try:
                with socket.create_connection((self.host, self.port), timeout=1) as sock:
                    if sock.recv(100).startswith(b"* OK"):
                        return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"Dovecot did not answer on port {self.port}: {self.log_text()}")

    def _wait_port_closed(self) -> None:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                socket.create_connection((self.host, self.port), timeout=0.2).close()
            except OSError:
                return
            time.sleep(0.05)

    def _stderr_file(self):
        # A file, not a pipe nobody reads: a full pipe would block the server.
        with open(self.root / "stderr.log", "ab") as handle:
            return os.dup(handle.fileno())

    def _startup_output(self) -> str:
        stderr = (self.root / "stderr.log").read_text(errors="replace")
        return (stderr + "\n" + self.log_text()).strip()


@pytest.fixture
def dovecot() -> Iterator[DovecotServer]:
    """A running Dovecot with an empty INBOX for `USERNAME` / `PASSWORD`."""
    if dovecot_binary() is None:
        pytest.skip("Dovecot is not installed (run scripts/install_system_packages.sh)")
    if os.geteuid() != 0:
        pytest.skip("The test Dovecot is configured to start as root (it drops to dovecot)")
    server = DovecotServer()
    try:
        server.start()
        yield server
    finally:
        server.close()
