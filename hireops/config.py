"""All settings of HireOps, read from the environment and `.env` in one place.

Nothing else in the project reads `os.environ`: import `get_settings()` instead.

`get_settings()` is the environment alone: use it for what only a deployment decides (database,
folders, keys, limits). For anything an admin may change in the app (the fields listed in
`services/runtime_settings.EDITABLE`) read `services.platform.runtime_settings.current_settings()`, which
merges the saved values over these.
"""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from ipaddress import ip_network
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationInfo, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent

EngineName = Literal["local", "mistral"]

# A job's decision thresholds (scores 0-100) and weights when nobody has set others: the
# Settings defaults for new jobs, the Job columns, the job form and the decision rule all
# start from these, so they cannot drift apart.
DEFAULT_RESUME_MIN = 80.0
DEFAULT_INTERVIEW_MIN = 75.0
DEFAULT_REJECT_BELOW = 50.0
DEFAULT_RESUME_WEIGHT = 0.4
DEFAULT_INTERVIEW_WEIGHT = 0.6


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
    # Failed sign-ins per email before each further attempt waits 1, 2, 4, ... s.
    login_free_attempts: int = Field(default=3, ge=1)
    # Failed sign-ins from one client address (over all emails) before each further attempt
    # from it waits likewise; higher than per email, as an office may share one address.
    login_client_free_attempts: int = Field(default=10, ge=1)
    # The longest of those waits, in seconds.
    login_max_delay_s: float = Field(default=8.0, ge=0, le=3600)
    # Failed sign-ins older than this are forgotten (the count starts again), in seconds.
    login_failures_expire_s: float = Field(default=3600.0, gt=0)
    # Reverse proxies (addresses or networks, comma-separated, e.g. "10.0.0.5,10.1.0.0/16")
    # whose X-Forwarded-For is believed. Behind a proxy every request comes from the proxy's
    # address, so the per-client limits would lump all clients together; X-Forwarded-For from
    # anyone else is ignored, since a client can write whatever it likes there.
    trusted_proxies: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Shown in the app and in emails.
    company_name: str = "HireOps Demo Co."
    # The team's time zone (IANA name): working hours and slot suggestions are in it.
    company_timezone: str = "Europe/Paris"
    # How dates are typed into filters: day first ("07/12/2026") or ISO ("2026-12-07"); every
    # date and time shown reads "7 Dec 2026, 14:05 CET" whatever this says (services.platform.clock).
    company_date_style: Literal["day-month-year", "iso"] = "day-month-year"
    # The recruiters' working hours for follow-up interviews, Monday to Friday.
    working_hours_start: int = 9
    working_hours_end: int = 17
    # Length of a booked follow-up interview, in minutes.
    followup_interview_minutes: int = Field(default=45, ge=5, le=480)
    # Where follow-up interviews happen unless a booking names its own place: an address or a
    # video-call link (https://...), shown in the confirmation and the calendar invitation.
    interview_location: str = Field(default="", max_length=500)
    # The public careers page's apply form: a resume larger than this is refused before it is
    # read, and one client address may post the form at most `careers_apply_limit` times per
    # `careers_apply_window_s` seconds, refused posts included (each costs a resume read; a
    # person applies a few times and corrects a typo or two, a script posts hundreds).
    careers_max_upload_bytes: int = Field(default=5 * 1024 * 1024, ge=1024, le=50 * 1024 * 1024)
    careers_apply_limit: int = Field(default=10, ge=0)
    careers_apply_window_s: int = Field(default=3600, ge=1)
    # Where candidates write about their data; named on the privacy notice. Empty: the notice
    # tells them to reply to any email from the team.
    privacy_contact_email: str = ""
    # Candidates with no activity for this many days are anonymised (0: keep until erased).
    retention_days: int = Field(default=0, ge=0)
    # Defaults for NEW jobs (each job keeps its own copy; see services.jobs.records.create_job).
    job_resume_min: float = Field(default=DEFAULT_RESUME_MIN, ge=0, le=100)
    job_interview_min: float = Field(default=DEFAULT_INTERVIEW_MIN, ge=0, le=100)
    job_reject_below: float = Field(default=DEFAULT_REJECT_BELOW, ge=0, le=100)
    job_resume_weight: float = Field(default=DEFAULT_RESUME_WEIGHT, ge=0, le=1)
    job_interview_weight: float = Field(default=DEFAULT_INTERVIEW_WEIGHT, ge=0, le=1)
    # Let the rule advance or reject without HR (off: every such verdict waits for a person).
    job_auto_advance: bool = False
    job_auto_reject: bool = False
    # Where the embedded inbox reads mail from.
    inbox_maildir: Path = PROJECT_ROOT / "data" / "maildir"
    # Where attachment files are kept (content-addressed by SHA-256).
    data_dir: Path = PROJECT_ROOT / "data"
    # Attachments larger than this are recorded but their bytes are not kept.
    attachment_max_store_bytes: int = 25 * 1024 * 1024
    # Consented interview recordings (jobs with recording on): one uploaded chunk at most this
    # large, one interview's file at most `recording_max_bytes`, all recordings together at
    # most `recordings_total_max_bytes`; past a limit the recording stops and the interview
    # goes on. Recordings are deleted `recording_retention_days` after they start (the notice
    # tells the candidate), and with the candidate on erasure or anonymisation.
    recording_chunk_max_bytes: int = Field(default=8 * 1024 * 1024, ge=1024)
    recording_max_bytes: int = Field(default=400 * 1024 * 1024, ge=1024)
    recordings_total_max_bytes: int = Field(default=20 * 1024**3, ge=1024)
    recording_retention_days: int = Field(default=90, ge=1, le=3650)
    # How often the scheduler polls the inbox, in seconds (0 turns polling off).
    inbox_poll_seconds: int = 60
    # The scheduler leader's lease lasts at least this long without a renewal; when the leader
    # dies, another worker takes over after it runs out (lower only in tests).
    scheduler_lease_seconds: float = Field(default=120.0, gt=0)
    # Log detail on standard error: DEBUG, INFO, WARNING or ERROR.
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # "text" (one readable line per event) or "json" (one JSON object per line, for collectors).
    log_format: Literal["text", "json"] = "text"
    # GET /api/v1/health answers 503 once a queued mail has waited longer than this (minutes).
    health_outbox_stuck_minutes: float = Field(default=30.0, gt=0)
    # Reflex's shared state store for several workers (redis://host:6379/0); unset: one worker.
    reflex_redis_url: str | None = None
    # Messages stored or processed per database transaction.
    inbox_batch_size: int = 50
    # A claimed message whose worker has not finished after this long is taken over.
    inbox_claim_timeout_s: int = 600
    # Worker processes that analyse mail with the local engines beside the app process, which
    # analyses too (0: one analysis thread in the app process, while resumes are read in the
    # reader's helper process).
    inbox_worker_processes: int = 0
    # Seconds one message's text work (classify, contact details, job matching, scoring with
    # the local engines) may take; past it the message fails alone, with the reason, and can be
    # requeued. Files have their own `extraction_max_seconds`, remote engines their timeouts.
    # 0: no budget.
    inbox_message_max_seconds: float = Field(default=10.0, ge=0)
    # Remote AI calls in flight at once (threads), per ingest pass.
    ai_max_concurrency: int = 4
    # Reuse a remote AI result for the same agent, model, prompt version and input.
    ai_cache_enabled: bool = True
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

    # The Mistral API key for agents set to the mistral engine (an admin can also save it in
    # Settings, stored encrypted).
    mistral_api_key: SecretStr | None = None
    # Self-hosted Mistral-compatible endpoint, or a loopback fake in tests.
    mistral_server_url: str | None = None
    # Seconds to wait for one Mistral reply, and retries after a failed or timed-out call.
    mistral_timeout_s: float = Field(default=30.0, gt=0, le=600)
    mistral_max_retries: int = Field(default=2, ge=0, le=10)
    # Pause before retry n is initial * 2**(n-1), capped; a server's Retry-After wins, capped too.
    mistral_backoff_initial_s: float = 0.5
    mistral_backoff_max_s: float = 8.0
    # USD per million tokens as [input, output] by model-name prefix, e.g.
    # {"mistral-large": [2.0, 6.0]}; entries override the built-in table in services.ai.calls.
    mistral_prices_usd_per_mtok: dict[str, tuple[float, float]] = Field(default_factory=dict)

    # Resume text extraction (services.candidates.resume_text): a file over a limit fails with a reason.
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
    # Memory one file's reader may use, in MB: readers run in a helper process capped at this
    # much beyond its start (a 1 MB PDF once cost pypdf 460 MB); 0 reads in the app process.
    extraction_max_memory_mb: int = 256
    # Mark mail fetched over IMAP as read on the server (off: the server's mail is left as is).
    imap_mark_seen: bool = False

    # The address candidates open their interview links at (a trailing slash is dropped).
    public_base_url: str = "http://localhost:3000"
    # Interview links expire this many hours after they are generated (at most 30 days).
    interview_link_hours: float = Field(default=72.0, ge=1, le=720)
    # Remind a candidate who has not opened a sent link after this many hours (0: never).
    reminder_unopened_hours: float = Field(default=48.0, ge=0, le=720)
    # Remind a candidate who has not finished this many hours before the link expires (0: never).
    reminder_expiring_hours: float = Field(default=24.0, ge=0, le=720)
    # Interview-token lookups that open no room, allowed per client address per minute (guessing
    # protection; a lookup that finds its link does not count).
    interview_lookups_per_minute: int = 30
    # Integration API requests (token lookups) allowed per client address per minute;
    # requests with a wrong token count too, so guessing is bounded.
    api_token_lookups_per_minute: int = 300
    # The built-in interviewer's time budget shown to the candidate, in minutes.
    interview_minutes: int = Field(default=25, ge=5, le=120)
    # Check a webcam frame on the server with MediaPipe this often (0: never).
    webcam_frame_check_seconds: float = 10.0

    # Outgoing mail (yagmail over SMTP). With no host, mail is written to `outbox_maildir`
    # instead, so the embedded setup shows what would have been sent.
    smtp_host: str = ""
    # 587 with starttls, 465 with ssl; "none" sends in the clear (a loopback relay only).
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_security: Literal["starttls", "ssl", "none"] = "starttls"
    # The login and its (app) password; no user: the server takes mail without a login.
    smtp_user: str = ""
    smtp_password: SecretStr | None = None
    # The sender candidates see and reply to.
    smtp_from_address: str = "recruiting@hireops.local"
    smtp_from_name: str = "HireOps Recruiting"
    # Seconds to wait for the connection and for each server reply.
    smtp_timeout_s: float = 20.0
    # Where mail is written while SMTP_HOST is empty; None: `sent_mail` inside `data_dir`.
    outbox_maildir: Path | None = None
    # Delivery attempts per message before it is marked failed; the pause doubles each time.
    outbox_max_attempts: int = 6
    outbox_backoff_initial_s: float = 30.0
    outbox_backoff_max_s: float = 3600.0
    # How often the scheduler delivers due mail, in seconds.
    outbox_poll_seconds: int = 15

    # ElevenLabs voice interviews; the built-in interviewer runs when no agent is configured.
    elevenlabs_api_key: SecretStr | None = None
    elevenlabs_agent_id: str = ""
    # The shared secret ElevenLabs signs its post-call webhooks with.
    elevenlabs_webhook_secret: SecretStr | None = None
    # Another API address (a loopback fake in tests); None is ElevenLabs' own.
    elevenlabs_base_url: str | None = None
    # Webhooks older than this are refused (replay protection).
    elevenlabs_webhook_tolerance_s: int = 1800

    @field_validator("log_level", "log_format", mode="before")
    @classmethod
    def _case_insensitive(cls, value: object, info: ValidationInfo) -> object:
        # LOG_LEVEL=debug and LOG_FORMAT=JSON are what people type.
        if not isinstance(value, str):
            return value
        return value.strip().upper() if info.field_name == "log_level" else value.strip().lower()

    @field_validator("company_timezone")
    @classmethod
    def _known_time_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"'{value}' is not a known time zone (e.g. Europe/Paris).") from None
        return value

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _proxy_networks(cls, value: str | list[str]) -> list[str]:
        entries = value.split(",") if isinstance(value, str) else value
        networks = []
        for entry in (e.strip() for e in entries):
            if not entry:
                continue
            try:
                networks.append(str(ip_network(entry, strict=False)))
            except ValueError:
                raise ValueError(f"'{entry}' in TRUSTED_PROXIES is not an IP address or "
                                 "network (e.g. 10.0.0.5 or 10.0.0.0/24).") from None
        return networks

    @field_validator("public_base_url")
    @classmethod
    def _http_address(cls, value: str) -> str:
        # Links are built as f"{public_base_url}/interview/{token}": one slash, no query.
        typed = value.strip()
        parts = urlsplit(typed)
        try:
            parts.port  # noqa: B018 (raises on a port that is not a number)
        except ValueError:
            parts = parts._replace(netloc="")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"'{typed}' is not a web address; write it like "
                             "https://hire.example.com.")
        if parts.query or parts.fragment or any(c.isspace() for c in typed):
            raise ValueError("The address must not contain spaces, '?' or '#'.")
        return typed.rstrip("/")

    @model_validator(mode="after")
    def _consistent_numbers(self) -> Settings:
        if not 0 <= self.working_hours_start < self.working_hours_end <= 24:
            raise ValueError("Working hours must run from an earlier to a later hour (0-24).")
        if abs(self.job_resume_weight + self.job_interview_weight - 1.0) > 1e-6:
            raise ValueError("The resume and interview weights must add up to 1.")
        if self.job_reject_below > min(self.job_resume_min, self.job_interview_min):
            raise ValueError("'Reject below' must not be above the resume or interview minimum.")
        return self

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

    def sent_mail_dir(self) -> Path:
        """Where mail goes when no SMTP server is configured."""
        return self.outbox_maildir or self.data_dir / "sent_mail"

    def agent_settings(self, agent: str) -> tuple[EngineName, str, str]:
        """Return (engine, agent id, model) configured for one agent."""
        return (
            getattr(self, f"{agent}_engine"),
            getattr(self, f"{agent}_agent_id"),
            getattr(self, f"{agent}_model"),
        )


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings from the environment (not the admin's saved values: see the
    module docstring); tests clear this cache after changing env vars.

    HIREOPS_ENV_FILE names another env file (tests point it at /dev/null so a developer's
    `.env` cannot change what they check).
    """
    return Settings(_env_file=os.environ.get("HIREOPS_ENV_FILE", PROJECT_ROOT / ".env"))
