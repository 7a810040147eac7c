"""All settings of HireOps, read from the environment and `.env` in one place.

Nothing else in the project reads `os.environ`: import `get_settings()` instead.
"""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent

EngineName = Literal["local", "mistral"]


class Settings(BaseSettings):
    """Runtime configuration; every field can be set as an upper-case env var."""

    model_config = SettingsConfigDict(
        env_file=PROJECT_ROOT / ".env", env_file_encoding="utf-8", extra="ignore"
    )

    # Where the data lives; SQLite next to the project unless told otherwise.
    database_url: str = "sqlite:///hireops.db"
    # Fernet key material for stored credentials; generated into `secret_key_file` when unset.
    secret_key: SecretStr | None = Field(default=None, validation_alias="HIREOPS_SECRET_KEY")
    # Where a generated secret key is kept (git-ignored, mode 0600).
    secret_key_file: Path = PROJECT_ROOT / ".hireops_secret"
    # Password for `python -m hireops create-user` when given without a prompt.
    hireops_password: SecretStr | None = None
    # Demo mode allows `seed-demo` to create the demo admin with a known password.
    demo_mode: bool = True
    # Sign-in sessions end after this many hours without use.
    session_hours: float = 12.0
    # Failed sign-ins per email before each further attempt is delayed.
    login_free_attempts: int = 3
    # Upper bound of the delay added per failed attempt, in seconds.
    login_max_delay_s: float = 8.0
    # Shown in the app and in emails.
    company_name: str = "HireOps Demo Co."
    # Where the embedded inbox reads mail from.
    inbox_maildir: Path = PROJECT_ROOT / "data" / "maildir"
    # Where attachment files are kept (content-addressed by SHA-256).
    data_dir: Path = PROJECT_ROOT / "data"
    # Attachments larger than this are recorded but their bytes are not kept.
    attachment_max_store_bytes: int = 25 * 1024 * 1024
    # How often the scheduler polls the inbox, in seconds (0 turns polling off).
    inbox_poll_seconds: int = 60
    # Messages stored or processed per database transaction.
    inbox_batch_size: int = 50
    # A claimed message whose worker has not finished after this long is taken over.
    inbox_claim_timeout_s: int = 600
    # Worker processes that analyse mail with the local engines (0: analyse in the app process).
    inbox_worker_processes: int = 1
    # Remote AI calls in flight at once (threads), per ingest pass.
    ai_max_concurrency: int = 4
    # Minimum resume-to-job similarity (0-1) for an application to an unnamed job.
    match_floor: float = 0.25
    # At most this many jobs get an application from one unnamed-job email.
    match_max_jobs: int = 2

    # AI engines: each agent can use its own engine and model or agent id.
    classifier_engine: EngineName = "local"
    classifier_agent_id: str = ""
    classifier_model: str = "mistral-small-latest"
    resume_scorer_engine: EngineName = "local"
    resume_scorer_agent_id: str = ""
    resume_scorer_model: str = "mistral-medium-latest"
    interview_evaluator_engine: EngineName = "local"
    interview_evaluator_agent_id: str = ""
    interview_evaluator_model: str = "mistral-medium-latest"
    job_generator_engine: EngineName = "local"
    job_generator_agent_id: str = ""
    job_generator_model: str = "mistral-small-latest"

    mistral_api_key: SecretStr | None = None
    # Self-hosted Mistral-compatible endpoint, or a loopback fake in tests.
    mistral_server_url: str | None = None
    mistral_timeout_s: float = 30.0
    mistral_max_retries: int = 2
    # Pause before retry n is initial * 2**(n-1), capped; a server's Retry-After wins, capped too.
    mistral_backoff_initial_s: float = 0.5
    mistral_backoff_max_s: float = 8.0
    # USD per million tokens as [input, output] by model-name prefix, e.g.
    # {"mistral-large": [2.0, 6.0]}; entries override the built-in table in services.ai.calls.
    mistral_prices_usd_per_mtok: dict[str, tuple[float, float]] = Field(default_factory=dict)

    # Resume text extraction (services.resume_text): a file over a limit fails with a reason.
    extraction_max_bytes: int = 10 * 1024 * 1024
    extraction_max_pdf_pages: int = 30
    # Total inflated size of a DOCX's zip members, and inflated/compressed ratio (zip bombs).
    extraction_max_docx_uncompressed: int = 50 * 1024 * 1024
    extraction_max_zip_ratio: float = 100.0
    extraction_max_zip_entries: int = 1000
    # Wall-clock budget per file; 0 runs the parser inline without a deadline.
    extraction_max_seconds: float = 10.0
    # Longer text is cut here (a resume is rarely over 30,000 characters).
    extraction_max_text_chars: int = 200_000
    # Mark mail fetched over IMAP as read on the server (off: the server's mail is left as is).
    imap_mark_seen: bool = False

    def get_secret_key(self) -> str:
        """Return the credentials key, creating and storing one on first use."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        path = self.secret_key_file
        if path.exists():
            return path.read_text().strip()
        key = secrets.token_urlsafe(32)
        # O_EXCL: two processes starting at once must not write two different keys.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return path.read_text().strip()
        with os.fdopen(fd, "w") as handle:
            handle.write(key)
        return key

    def agent_settings(self, agent: str) -> tuple[EngineName, str, str]:
        """Return (engine, agent id, model) configured for one agent."""
        return (
            getattr(self, f"{agent}_engine"),
            getattr(self, f"{agent}_agent_id"),
            getattr(self, f"{agent}_model"),
        )


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings; tests clear this cache after changing env vars.

    HIREOPS_ENV_FILE names another env file (tests point it at /dev/null so a developer's
    `.env` cannot change what they check).
    """
    return Settings(_env_file=os.environ.get("HIREOPS_ENV_FILE", PROJECT_ROOT / ".env"))
