"""Message parsing speed: `parse_message` over ~200 varied application emails (a text body,
sometimes an HTML alternative, a 2-30 KB PDF or DOCX resume). Prints `parse_ms_per_message=X`.

    .venv/bin/python benchmarks/parse_mail.py --n 200 --rounds 5
    .venv/bin/python benchmarks/parse_mail.py --parser /tmp/old_parsing.py  # another version

Building the corpus is not timed; the best of `--rounds` passes over it is reported. The `re`
cache is emptied before each pass: real mail brings a new MIME boundary, and so a new regex for
the stdlib parser to compile, with every message.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hireops.services.mail.parsing import parse_message  # noqa: E402
from tests.fakes.mail_factory import DOCX, PDF, build_email, resume_docx, resume_pdf  # noqa: E402

FIRST = ["Maya", "Daniel", "Priya", "Lucas", "Sofia", "José", "Elena", "Tomás", "Amara", "Kenji",
         "Fatima", "Oliver", "Chloé", "Mateo", "Aisha", "Noah", "Ingrid", "Ravi", "Zoë", "Hugo"]
LAST = ["Chen", "Okafor", "Raman", "Martin", "Álvarez", "Whitfield", "Petrova", "Novák", "Diallo",
        "Sato", "Haddad", "Brown", "Lefèvre", "García", "Khan", "Meyer", "Larsen", "Iyer", "Kim"]
ROLES = ["Senior Backend Engineer", "Data Analyst", "Product Designer", "Account Executive"]


def resume_lines(i: int, name: str, email: str, role: str) -> list[str]:
    """Between ~15 and ~300 lines, so the attachment is 2-30 KB."""
    lines = [name, f"{email} | +1 415 555 {1000 + i:04d}", role, "", "EXPERIENCE"]
    for job in range(1 + (i * 7) % 60):
        lines += [f"{role}, Company {i}-{job} ({2020 - job} - {2022 - job})",
                  "- Delivered projects with Python, SQL and a great deal of patience.",
                  "- Worked with product, design and support teams."]
    return lines + ["", "SKILLS", "Python, SQL, Docker"]


def build_corpus(n: int) -> list[bytes]:
    messages = []
    for i in range(n):
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}"
        email = f"applicant{i}@example.com"
        role = ROLES[i % len(ROLES)]
        lines = resume_lines(i, name, email, role)
        if i % 3 == 1:
            attachment = (f"CV {name} {i}.docx", DOCX, resume_docx(lines[:40]))
        else:
            attachment = (f"CV_{i}.pdf", PDF, resume_pdf(lines))
        body = f"Hello,\n\nI am applying for the {role} role. My resume is attached.\n\n{name}"
        html = (f"<p>Hello,</p><p>I am applying for the <b>{role}</b> role.</p>"
                if i % 4 == 0 else "")
        messages.append(build_email(
            sender=email, sender_name=name, subject=f"Application: {role} – {name}", body=body,
            html=html, attachments=[attachment], message_id=f"<bench-{i}@example.com>",
            date=datetime(2026, 11, 2, 9, 30, tzinfo=UTC) + timedelta(minutes=i)))
    return messages


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--parser", help="a parsing.py to time instead of the current one")
    args = parser.parse_args()
    parse = parse_message
    if args.parser:
        spec = importlib.util.spec_from_file_location("other_parsing", args.parser)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        parse = module.parse_message
    messages = build_corpus(args.n)
    sizes = sorted(len(m) for m in messages)
    best = float("inf")
    for _ in range(args.rounds):
        re.purge()
        started = time.perf_counter()
        for raw in messages:
            parse(raw)
        best = min(best, time.perf_counter() - started)
    print(f"messages={len(messages)}")
    print(f"message_kb_min={sizes[0] / 1024:.1f} message_kb_max={sizes[-1] / 1024:.1f}")
    print(f"parse_ms_per_message={best * 1000 / len(messages):.3f}")


if __name__ == "__main__":
    main()
