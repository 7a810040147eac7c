"""Command line: `python -m hireops migrate | create-user | seed-demo | ingest | export |
backup | restore | doctor | env-example | rank`."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from hireops.config import get_settings
from hireops.log_setup import configure_logging


def _migrate(_args: argparse.Namespace) -> int:
    from hireops.services.text.gazetteer_file import ensure_city_file
    from hireops.services.text.language.model_files import ensure_model_folder
    from hireops.services.platform.migrations import upgrade_database

    upgrade_database()
    print("database is up to date")
    # Built here so the app's first resume does not wait for them (they are built then
    # otherwise).
    print(f"place names: {ensure_city_file()}")
    print(f"language model: {ensure_model_folder()}")
    return 0


def _create_user(args: argparse.Namespace) -> int:
    from hireops.db import session_scope
    from hireops.services.platform.auth import AuthError, create_user

    secret = get_settings().hireops_password
    password = secret.get_secret_value() if secret else None
    if password is None:
        if not sys.stdin.isatty():
            print("error: set HIREOPS_PASSWORD or run in a terminal to be asked", file=sys.stderr)
            return 2
        password = getpass.getpass("Password: ")
        if getpass.getpass("Repeat password: ") != password:
            print("error: the passwords differ", file=sys.stderr)
            return 2
    try:
        with session_scope() as session:
            user = create_user(session=session, email=args.email, password=password,
                               role=args.role, full_name=args.name)
            print(f"created {user.role.value if hasattr(user.role, 'value') else user.role} "
                  f"{user.email}")
    except AuthError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    return 0


def _seed_demo(args: argparse.Namespace) -> int:
    from hireops.db import session_scope
    from hireops.services.demo.seed import DemoNotAllowed, seed_demo

    try:
        with session_scope() as session:
            summary = seed_demo(session=session, history=not args.basic)
    except DemoNotAllowed as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    print(summary)
    return 0


def _ingest(args: argparse.Namespace) -> int:
    import json

    from hireops.db import session_scope
    from hireops.services.inbox.ingest import run_ingest_pass
    from hireops.services.mail.sources import MaildirSource
    from hireops.services.mail.config import configured_imap_source

    if args.imap:
        with session_scope() as session:
            source = configured_imap_source(session=session)
        if source is None:
            print("error: no IMAP mailbox is configured (Settings > Mailbox)", file=sys.stderr)
            return 2
    else:
        source = MaildirSource(args.maildir or get_settings().inbox_maildir)
    summary = run_ingest_pass(source=source)
    print(json.dumps(summary.as_dict()))
    return 1 if summary.source_error else 0


def _export(args: argparse.Namespace) -> int:
    from sqlmodel import Session

    from hireops.db import get_engine
    from hireops.models import Stage
    from hireops.services.candidates.export import export_rows, export_tracker
    from hireops.services.candidates.tracker import TrackerFilter, TrackerSort

    unknown = sorted(set(args.stage or []) - {stage.value for stage in Stage})
    if unknown:
        print(f"error: unknown stage {', '.join(unknown)}; use one of "
              f"{', '.join(stage.value for stage in Stage)}", file=sys.stderr)
        return 2
    filter = TrackerFilter(job_ids=args.job_id or [], stages=args.stage or [],
                           search=args.search or "")
    with Session(get_engine()) as session:
        rows = export_tracker(session=session, filter=filter, sort=TrackerSort())
    Path(args.out).write_bytes(export_rows(rows, args.format))
    print(f"exported {len(rows)} application(s) to {args.out} ({args.format})")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from hireops.db import get_engine
    from hireops.services.operations.backup import BackupError, write_backup

    try:
        summary = write_backup(engine=get_engine(), out=Path(args.out))
    except BackupError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    print(f"backup written to {summary.path}: revision {summary.revision}, "
          f"{sum(summary.rows.values())} rows in {len(summary.rows)} tables, "
          f"{summary.files} file(s)")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from hireops.db import get_engine
    from hireops.services.operations.backup import BackupError, restore_backup

    try:
        summary = restore_backup(database_url=get_settings().database_url, engine=get_engine(),
                                 backup=Path(getattr(args, "from")))
    except BackupError as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    print(f"restored {sum(summary.rows.values())} rows and {summary.files} file(s) from "
          f"{summary.path} (revision {summary.revision})")
    return 0


def _doctor(_args: argparse.Namespace) -> int:
    from hireops.services.operations.doctor import exit_code, format_findings, run_doctor

    findings = run_doctor()
    print(format_findings(findings))
    return exit_code(findings)


def _env_example(_args: argparse.Namespace) -> int:
    from hireops.services.operations.env_example import render_env_example

    sys.stdout.write(render_env_example())
    return 0


def _rank(args: argparse.Namespace) -> int:
    import json

    from hireops.db import session_scope
    from hireops.services.ai.engine import AIEngineError
    from hireops.services.jobs.batch_ranking import (
        JobNotFound,
        drafted_job,
        rank_folder,
        saved_job,
    )
    from hireops.services.platform.runtime_settings import current_settings

    folder = Path(args.resumes)
    if not folder.is_dir():
        print(f"error: {folder} is not a folder", file=sys.stderr)
        return 2
    settings = current_settings()
    try:
        if args.job_id is not None:
            with session_scope() as session:
                job = saved_job(session=session, job_id=args.job_id)
        else:
            job = drafted_job(title=args.title, settings=settings)
    except (JobNotFound, AIEngineError, ValueError) as problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    ranked = rank_folder(job=job, folder=folder, settings=settings)
    if not args.json:
        for item in ranked:
            shown = f"{item.score:5.1f}  {item.recommendation:9}" if item.score is not None \
                else f"{'-':>5}  {'unread':9}"
            print(f"{shown}  {item.file}{'  (' + item.reason + ')' if item.reason else ''}")
    # The last line is always the JSON array, so scripts can read it after any messages.
    print(json.dumps([item.as_dict() for item in ranked], ensure_ascii=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m hireops", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="apply database migrations").set_defaults(run=_migrate)
    create = commands.add_parser("create-user", help="add a user (password from HIREOPS_PASSWORD "
                                 "or a prompt)")
    create.add_argument("--email", required=True)
    create.add_argument("--role", required=True, choices=["admin", "recruiter", "viewer"])
    create.add_argument("--name", default="")
    create.set_defaults(run=_create_user)
    ingest = commands.add_parser("ingest", help="fetch, store and process mail once; prints a "
                                 "JSON summary as the last line")
    where = ingest.add_mutually_exclusive_group()
    where.add_argument("--maildir", help="a Maildir folder (default: INBOX_MAILDIR)")
    where.add_argument("--imap", action="store_true", help="the IMAP mailbox saved in Settings")
    ingest.set_defaults(run=_ingest)
    export = commands.add_parser("export", help="write the Candidates grid for a filter as CSV "
                                 "or XLSX (the same file as the page's Export)")
    export.add_argument("--format", required=True, choices=["csv", "xlsx"])
    export.add_argument("--out", required=True, help="the file to write")
    export.add_argument("--job-id", type=int, action="append", help="only this job (repeatable)")
    export.add_argument("--stage", action="append", help="only this stage, e.g. matched or "
                        "shortlisted (repeatable)")
    export.add_argument("--search", help="text in the candidate's name or email, or the job title")
    export.set_defaults(run=_export)
    backup = commands.add_parser("backup", help="write every table and attachment file into "
                                 "a new folder (restorable into SQLite or PostgreSQL)")
    backup.add_argument("--out", required=True, help="a new or empty folder")
    backup.set_defaults(run=_backup)
    restore = commands.add_parser("restore", help="restore a backup into an empty database")
    restore.add_argument("--from", required=True, help="the backup folder")
    restore.set_defaults(run=_restore)
    commands.add_parser("doctor", help="check this deployment (secret key, database, "
                        "migrations, SMTP, IMAP, disk, PUBLIC_BASE_URL) and say what to fix; "
                        "exit code 1 when something must be fixed").set_defaults(run=_doctor)
    commands.add_parser("env-example", help="print .env.example: every setting with its "
                        "default and meaning").set_defaults(run=_env_example)
    rank = commands.add_parser("rank", help="score every PDF, DOCX and TXT resume in a folder "
                               "against a job; the last line is a JSON array, best first")
    which_job = rank.add_mutually_exclusive_group(required=True)
    which_job.add_argument("--title", help="draft the job from this title, as auto-fill does")
    which_job.add_argument("--job-id", type=int, help="a saved job")
    rank.add_argument("--resumes", required=True, help="the folder of resume files")
    rank.add_argument("--json", action="store_true", help="print only the JSON array")
    rank.set_defaults(run=_rank)
    seed = commands.add_parser("seed-demo", help="load demo jobs, candidates, six weeks of "
                               "hiring history and the demo admin (demo mode only; safe to "
                               "repeat)")
    seed.add_argument("--basic", action="store_true",
                      help="only the jobs and ten scored candidates, no history (the fixed "
                      "data the browser tests start from)")
    seed.set_defaults(run=_seed_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    configure_logging()
    return args.run(args)


if __name__ == "__main__":
    from hireops.services.platform.private_files import restrict_new_files

    # Exports, backups and a new database hold personal data: owner-only.
    restrict_new_files()
    sys.exit(main())
