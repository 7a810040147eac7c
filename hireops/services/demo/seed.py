"""Demo data for a first look: jobs, candidates with scored applications, and a demo admin.

Only in demo mode. Demo application emails go into the embedded Maildir for the inbox to read.
Running it twice changes nothing: every record is looked up before it is
created. Jobs are drafted and resumes scored by the local engine, through the same entry points
the app uses, so the AI usage page shows those calls.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from sqlmodel import Session, select

from hireops.config import Settings, get_settings
from hireops.models import Application, Candidate, CandidateTag, Job, Role, Stage, utcnow
from hireops.services.ai.calls import generate_job, score_resume
from hireops.services.ai.schemas import JobInput
from hireops.services.platform.audit import record_event
from hireops.services.platform.auth import create_user, get_user_by_email
from hireops.services.demo.conversation import seed_demo_conversation
from hireops.services.demo.scorecards import seed_demo_scorecard
from hireops.services.candidates.tags import parse_tags
from hireops.services.jobs.job_stages import add_stage, copy_default_to_job
from hireops.services.demo.history import engines_are_local, seed_history

DEMO_ADMIN_EMAIL = "admin@hireops.demo"
DEMO_ADMIN_PASSWORD = "hireops-demo-admin"
DEMO_JOB_TITLES = ("Senior Backend Engineer", "Data Analyst", "Product Designer",
                   "Account Executive")
DEMO_SOURCE = "demo"
# Shown on the public careers page; the last demo job stays internal, to show the switch.
DEMO_PUBLISHED_TITLES = DEMO_JOB_TITLES[:3]
# Steps of its own one demo job adds between the shortlist and the offer (services.jobs.job_stages).
DEMO_JOB_STAGES = {"Senior Backend Engineer": ("Technical interview", "Reference check")}


class DemoNotAllowed(RuntimeError):
    """Demo data (and its known password) is refused outside demo mode."""


def seed_demo(*, session: Session, history: bool = False) -> str:
    """Create whatever demo records are missing, and with `history` six weeks of hiring
    (`services/demo/history.py`, what `seed-demo` shows); returns a one-line summary."""
    if not get_settings().demo_mode:
        raise DemoNotAllowed("seed-demo only runs with DEMO_MODE=true; it creates a known password.")
    admin = get_user_by_email(session=session, email=DEMO_ADMIN_EMAIL)
    if admin is None:
        admin = create_user(session=session, email=DEMO_ADMIN_EMAIL, password=DEMO_ADMIN_PASSWORD,
                            role=Role.admin, full_name="Demo Admin")
    # Demo data is always drafted and scored by the local engine, whatever is configured.
    local = get_settings().model_copy(
        update={"job_generator_engine": "local", "resume_scorer_engine": "local"})
    jobs = {title: _demo_job(session, title, admin.id, local) for title in DEMO_JOB_TITLES}
    created = sum(_demo_candidate(session, entry, jobs, local) for entry in _demo_candidates())
    session.commit()
    note = ""
    if history and engines_are_local():
        created += seed_history(session=session, jobs=jobs, admin=admin)
    elif history:
        note = " (no history: it is replayed with the local engines only)"
    mail = _demo_mail(get_settings().inbox_maildir)
    first = _demo_candidates()[0]
    mail += seed_demo_conversation(session=session, admin=admin, job=jobs[first["job"]],
                                   email=first["email"].lower(),
                                   maildir=get_settings().inbox_maildir)
    second = session.exec(select(Application).join(
        Candidate, Candidate.id == Application.candidate_id).where(
        Candidate.email_normalized == _demo_candidates()[1]["email"].lower())).first()
    if second is not None:
        seed_demo_scorecard(session=session, admin=admin, application_id=second.id)
    return (f"demo ready: admin {DEMO_ADMIN_EMAIL}, {len(jobs)} jobs, {created} new "
            f"candidate(s), {mail} demo message(s) put in the inbox{note}")


def _demo_mail(maildir: Path) -> int:
    """Put the demo messages in the Maildir's new/ once (a file already there is left alone)."""
    for sub in ("new", "cur", "tmp"):
        (maildir / sub).mkdir(parents=True, exist_ok=True)
    added = 0
    for message in sorted(resources.files("hireops.demo").joinpath("mail").iterdir()):
        if not message.name.endswith(".eml"):
            continue
        key = f"hireops-demo-{message.name.removesuffix('.eml')}"
        if any((maildir / sub / key).exists() for sub in ("new", "cur")):
            continue
        (maildir / "new" / key).write_bytes(message.read_bytes())
        added += 1
    return added


def _demo_candidates() -> list[dict]:
    text = resources.files("hireops.demo").joinpath("candidates.json").read_text("utf-8")
    return json.loads(text)


def _demo_job(session: Session, title: str, admin_id: int, local: Settings) -> Job:
    job = session.exec(select(Job).where(Job.title == title)).first()
    if job is not None:
        return job
    reply = generate_job(session=session, title=title, settings=local)
    draft, engine = reply.result, reply.call.engine
    job = Job(title=title, department=draft.department, location=draft.location,
              seniority=draft.seniority, description=draft.description,
              must_have_skills=draft.must_have_skills,
              nice_to_have_skills=draft.nice_to_have_skills,
              responsibilities=draft.responsibilities, qualifications=draft.qualifications,
              generated_by=engine, created_by_id=admin_id,
              published_on_careers=title in DEMO_PUBLISHED_TITLES)
    session.add(job)
    session.flush()
    record_event(session=session, action="job.created", actor_label="demo", entity_type="job",
                 entity_id=job.id, after={"title": title})
    copy_default_to_job(session=session, job_id=job.id)
    for label in DEMO_JOB_STAGES.get(title, ()):
        add_stage(session=session, job_id=job.id, label=label, actor=None)
    return job


def _demo_candidate(session: Session, entry: dict, jobs: dict[str, Job], local: Settings) -> bool:
    email = entry["email"].lower()
    if session.exec(select(Candidate).where(Candidate.email_normalized == email)).first():
        return False
    candidate = Candidate(full_name=entry["name"], email=entry["email"], email_normalized=email,
                          phone=entry["phone"], location=entry["location"],
                          resume_text=entry["resume"], source=DEMO_SOURCE)
    session.add(candidate)
    session.flush()
    job = jobs[entry["job"]]
    job_input = JobInput(title=job.title, must_have_skills=job.must_have_skills,
                         nice_to_have_skills=job.nice_to_have_skills,
                         responsibilities=job.responsibilities,
                         qualifications=job.qualifications)
    reply = score_resume(session=session, job=job_input, resume_text=entry["resume"],
                         subject_type="candidate", subject_id=candidate.id, settings=local)
    result = reply.result
    candidate.current_title = result.candidate_summary.current_title
    session.add(Application(candidate_id=candidate.id, job_id=job.id, stage=Stage.matched,
                            source=DEMO_SOURCE, resume_score=result.match.score,
                            resume_result=result.model_dump(), resume_job_version=job.version,
                            resume_prompt_version=reply.call.prompt_version,
                            last_activity_at=utcnow()))
    record_event(session=session, action="candidate.created", actor_label="demo",
                 entity_type="candidate", entity_id=candidate.id, after={"name": entry["name"]})
    # A few tags, so the tracker's tag filter has something to show.
    for label, key in parse_tags(", ".join(entry.get("tags", []))):
        session.add(CandidateTag(candidate_id=candidate.id, tag=label, tag_key=key))
    return True
