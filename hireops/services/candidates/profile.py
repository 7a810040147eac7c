"""One candidate on one page: profile, highlighted resume, every application's score breakdown,
timeline, team notes, duplicate merging and the audited reveal of blind-screened identities."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from hireops import routes
from hireops.models import (
    Application, Attachment, Candidate, ConversationMessage, Email, Event, Job, User,
)
from hireops.services.platform.audit import record_event
from hireops.services.reports.audit_sentences import describe_events
# reveal_identity lives with the rest of blind screening; the candidate page's callers still
# find it here.
from hireops.services.privacy.blind_screening import (  # noqa: F401
    REVEAL_ACTION, redact_for, reveal_identity, shown_name,
)
from hireops.services.jobs.job_stages import default_label, stage_label_map
from hireops.services.candidates.stages import stage_value
from hireops.services.candidates.tags import move_tags
from hireops.services.candidates.talent_pool import describe_nearest, job_title_of
from hireops.services.platform.clock import format_local
from hireops.services.privacy.hidden_events import shown_events
from hireops.services.platform.labels import actor_label, source_label

NOTE_ACTION = "candidate.note"
MERGE_ACTION = "candidate.merged"
NOTE_MAX_CHARS = 2000
TIMELINE_LIMIT = 200
# Filled on the kept record from the merged one when the kept record has them empty.
MERGE_FILLED_FIELDS = ("full_name", "email", "email_normalized", "phone", "phone_normalized",
                       "phone_tail", "linkedin_url", "github_url", "location", "current_title",
                       "resume_text", "resume_attachment_id")
HIDDEN = "[hidden]"
# How job skills list alternatives: "Python, Go or Java", "AWS/GCP".
_SKILL_SEPARATORS = re.compile(r",|/|\bor\b|\band\b", re.IGNORECASE)


class CandidateMergeRefused(ValueError):
    """The two records cannot be merged (same record, or one already merged)."""


@dataclass
class ResumeSegment:
    # A run of resume text, shown highlighted when it names a matched skill.
    text: str
    matched: bool


@dataclass
class EvidenceRow:
    # The skill the scorer matched.
    skill: str
    # The resume sentence that proves it.
    sentence: str
    # "Must-have" or "Nice-to-have".
    importance: str


@dataclass
class KnockoutRow:
    # The job's knockout requirement, e.g. a work permit.
    requirement: str
    # pass | unknown | fail
    result: str
    # What in the resume decided it ("" when nothing did).
    evidence: str


@dataclass
class ApplicationCard:
    application_id: int
    # None for the talent-pool entry (an application to no job, titled "Talent pool").
    job_id: int | None
    job_title: str
    # The stage key (a Stage value or the job's own "custom_..."), and its name for the job.
    stage: str
    stage_label: str
    # "82" or "—" when not scored yet; score_value is -1 then, for the badge colour.
    score: str
    score_value: float
    # screen | shortlist | reject, or "" when not scored.
    recommendation: str
    # "74%" or "".
    confidence: str
    evidence: list[EvidenceRow] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    risks: list[str] = field(default_factory=list)
    knockouts: list[KnockoutRow] = field(default_factory=list)
    screening_questions: list[str] = field(default_factory=list)
    # The job changed since the score was computed.
    stale: bool = False
    applied: str = ""
    # The talent-pool entry, and (as the tracker says it) the nearest open jobs with the fit
    # 0-100 measured when the candidate joined the pool: "Data Analyst (fit 34), ...".
    talent_pool: bool = False
    nearest_jobs: str = ""


@dataclass
class TimelineEntry:
    # "1 Mar 2026, 10:00 CET" (services.platform.clock).
    at: str
    actor: str
    # The audit action, e.g. "candidate.note".
    action: str
    # A readable label for the action.
    label: str
    note: str
    # A note written by the team (drawn differently from system events).
    is_note: bool


@dataclass
class EmailEntry:
    email_id: int
    received: str
    subject: str
    status: str


@dataclass
class CandidateProfile:
    candidate_id: int
    # The name, or "Candidate #<id>" while a blind-screening job hides the identity.
    display_name: str
    email: str
    phone: str
    location: str
    linkedin_url: str
    github_url: str
    current_title: str
    source: str
    created: str
    # One of the applications is for a blind-screening job.
    blind: bool
    # The identity is hidden right now (blind and not revealed).
    identity_hidden: bool
    # The record was merged into another one (0 when it was not).
    merged_into_id: int
    resume_segments: list[ResumeSegment] = field(default_factory=list)
    # The original resume file and where the browser downloads it ("" when there is none).
    resume_filename: str = ""
    resume_url: str = ""
    applications: list[ApplicationCard] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    emails: list[EmailEntry] = field(default_factory=list)


def get_candidate_or_raise(*, session: Session, candidate_id: int) -> Candidate:
    """The candidate, or LookupError."""
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        raise LookupError(f"Candidate {candidate_id} does not exist.")
    return candidate


def get_candidate_profile(*, session: Session, candidate_id: int) -> CandidateProfile:
    """Everything the candidate page shows, as display-ready values; while blind screening
    hides the identity, without it (quotes from the resume and notes included)."""
    candidate = get_candidate_or_raise(session=session, candidate_id=candidate_id)
    # An outer join: the talent-pool entry is an application to no job (its job is None).
    rows = session.exec(select(Application, Job).outerjoin(Job, Job.id == Application.job_id)
                        .where(Application.candidate_id == candidate_id)
                        .order_by(Application.created_at.desc(), Application.id.desc())).all()
    blind = any(job is not None and job.blind_screening for _, job in rows)
    hidden = blind and candidate.identity_revealed_at is None
    # Quotes were made before the job turned blind too, so they are redacted when shown.
    quote = (lambda text: redact_for(candidate, text)) if hidden else (lambda text: text)
    skills = sorted({term for app, _ in rows for e in _match(app).get("evidence", [])
                     for term in evidence_terms(e.get("skill", ""), e.get("resume_evidence", ""))},
                    key=len, reverse=True)
    resume = quote(candidate.resume_text)
    attachment = _resume_attachment(session, candidate)
    show = (lambda value: "" if hidden else value)
    labels = stage_label_map(session=session, job_ids={app.job_id for app, _ in rows})
    return CandidateProfile(
        candidate_id=candidate.id,
        display_name=shown_name(candidate, hidden=hidden),
        email=show(candidate.email), phone=show(candidate.phone),
        # A location can be a street address.
        location=show(candidate.location), linkedin_url=show(candidate.linkedin_url),
        github_url=show(candidate.github_url), current_title=candidate.current_title,
        source=source_label(candidate.source), created=_when(candidate.created_at),
        blind=blind, identity_hidden=hidden, merged_into_id=candidate.merged_into_id or 0,
        resume_segments=highlight_skills(resume, skills),
        # The original file carries the identity, so it is withheld while hidden.
        resume_filename="" if hidden or attachment is None else attachment.filename,
        resume_url="" if hidden or attachment is None else routes.candidate_resume(candidate.id),
        applications=[_application_card(app, job, quote, labels) for app, job in rows],
        timeline=_timeline(session, candidate_id, [app.id for app, _ in rows], quote),
        emails=_emails(session, candidate_id, hidden),
    )


def highlight_skills(text: str, skills: list[str]) -> list[ResumeSegment]:
    """Split `text` into runs, marking whole-word, case-insensitive mentions of `skills`."""
    terms = [s.strip() for s in skills if s and s.strip()]
    if not text or not terms:
        return [ResumeSegment(text=text, matched=False)] if text else []
    pattern = _word_pattern(terms)
    segments: list[ResumeSegment] = []
    position = 0
    for found in pattern.finditer(text):
        if found.start() > position:
            segments.append(ResumeSegment(text=text[position:found.start()], matched=False))
        segments.append(ResumeSegment(text=found.group(0), matched=True))
        position = found.end()
    if position < len(text):
        segments.append(ResumeSegment(text=text[position:], matched=False))
    return segments


def evidence_terms(skill: str, sentence: str) -> list[str]:
    """The names in a job's skill ("Python, Go or Java") that its evidence sentence mentions."""
    parts = [p.strip() for p in _SKILL_SEPARATORS.split(skill) if p.strip()]
    return [p for p in parts if _word_pattern([p]).search(sentence)]


def _word_pattern(terms: list[str]) -> re.Pattern:
    # Longest first so "Machine learning" wins over "learning"; lookarounds act as word
    # boundaries that also work for skills ending in symbols such as "C++" or "C#".
    alternatives = "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))
    return re.compile(rf"(?<![\w+#])(?:{alternatives})(?![\w+#])", re.IGNORECASE)


def add_note(*, session: Session, candidate_id: int, text: str, actor: User | None) -> Event:
    """Record a team note on the candidate, as an audit event."""
    get_candidate_or_raise(session=session, candidate_id=candidate_id)
    note = text.strip()
    if not note:
        raise ValueError("Write a note first.")
    if len(note) > NOTE_MAX_CHARS:
        raise ValueError(f"A note can hold at most {NOTE_MAX_CHARS} characters.")
    event = record_event(session=session, action=NOTE_ACTION, actor=actor,
                         entity_type="candidate", entity_id=candidate_id, note=note)
    session.commit()
    return event


@dataclass(frozen=True)
class MergeOutcome:
    """What a merge did: applications moved to the kept record, applications to a job the kept
    record had already applied to (they stay on the duplicate, as history, out of the
    tracker), and emails moved."""

    moved: list[int]
    folded: list[int]
    emails: int

    def describe(self, merged: str = "the duplicate") -> str:
        """The merge in words for HR (never "moved 0 applications"); `merged` names the
        duplicate (the audit note gives its number, a toast does not)."""
        parts = [f"Merged {merged} into this record."]
        if self.moved:
            parts.append(f"{_count(len(self.moved), 'application')} moved here.")
        if self.folded:
            parts.append("Its application to a job this record had already applied to is kept "
                         "in its history and no longer listed." if len(self.folded) == 1 else
                         f"Its {len(self.folded)} applications to jobs this record had already "
                         "applied to are kept in its history and no longer listed.")
        if self.emails:
            parts.append(f"{_count(self.emails, 'email')} moved here.")
        return " ".join(parts)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def merge_candidates(*, session: Session, keep_id: int, merge_id: int,
                     actor: User | None) -> MergeOutcome:
    """Fold the duplicate `merge_id` into `keep_id`."""
    if keep_id == merge_id:
        raise CandidateMergeRefused("A candidate cannot be merged into itself.")
    keep = get_candidate_or_raise(session=session, candidate_id=keep_id)
    merge = get_candidate_or_raise(session=session, candidate_id=merge_id)
    if keep.merged_into_id or merge.merged_into_id:
        raise CandidateMergeRefused("One of these records was already merged into another.")
    before_keep = {name: getattr(keep, name) for name in MERGE_FILLED_FIELDS}
    kept_jobs = set(session.exec(select(Application.job_id)
                                 .where(Application.candidate_id == keep_id)).all())
    moved, left = [], []
    for application in session.exec(select(Application)
                                    .where(Application.candidate_id == merge_id)).all():
        if application.job_id in kept_jobs:
            left.append(application.id)
            continue
        application.candidate_id = keep_id
        session.add(application)
        moved.append(application.id)
    emails = session.exec(select(Email).where(Email.candidate_id == merge_id)).all()
    # Mails, the conversation and files uploaded without a mail follow the person.
    for row in (*emails, *_owned_rows(session, merge_id)):
        row.candidate_id = keep_id
        session.add(row)
    moved_tags = move_tags(session=session, from_id=merge_id, to_id=keep_id)
    for name in MERGE_FILLED_FIELDS:
        if not getattr(keep, name) and getattr(merge, name):
            setattr(keep, name, getattr(merge, name))
    # The person's own equal-opportunities answers follow their applications (and, as
    # everywhere, stay out of the audit event).
    if merge.self_reported:
        keep.self_reported = {**merge.self_reported, **(keep.self_reported or {})}
    merge.merged_into_id = keep_id
    session.add_all([keep, merge])
    after_keep = {name: getattr(keep, name) for name in MERGE_FILLED_FIELDS}
    outcome = MergeOutcome(moved=moved, folded=left, emails=len(emails))
    note = outcome.describe(f"candidate #{merge_id}").replace("this record", f"#{keep_id}")
    for entity_id in (keep_id, merge_id):
        record_event(session=session, action=MERGE_ACTION, actor=actor, entity_type="candidate",
                     entity_id=entity_id, note=note,
                     before={"candidate": before_keep if entity_id == keep_id
                             else {"merged_into_id": None}},
                     after={"candidate": after_keep if entity_id == keep_id
                            else {"merged_into_id": keep_id},
                            "moved_applications": moved, "left_applications": left,
                            "moved_emails": [e.id for e in emails], "moved_tags": moved_tags})
    session.commit()
    return outcome


def _owned_rows(session: Session, candidate_id: int) -> list:
    return [*session.exec(select(ConversationMessage)
                          .where(ConversationMessage.candidate_id == candidate_id)).all(),
            *session.exec(select(Attachment).where(Attachment.candidate_id == candidate_id)).all()]


def _match(application: Application) -> dict:
    return (application.resume_result or {}).get("match") or {}


def _application_card(application: Application, job: Job | None, quote: Callable[[str], str],
                      labels: dict[tuple[int | None, str], str]) -> ApplicationCard:
    result = application.resume_result or {}
    match = _match(application)
    score = application.resume_score
    confidence = match.get("confidence")
    pooled = job is None
    return ApplicationCard(
        application_id=application.id, job_id=application.job_id,
        job_title=job_title_of(job),
        stage=stage_value(application.stage),
        # A job's own names are looked up by its id; the pool follows no job's flow, its
        # stages carry the company default's names (as in the tracker).
        stage_label=labels.get((application.job_id, application.stage))
        or default_label(application.stage),
        score="—" if score is None else f"{score:.0f}",
        score_value=-1.0 if score is None else float(score),
        recommendation=match.get("recommendation", ""),
        confidence="" if confidence is None else f"{confidence:.0%}",
        evidence=[EvidenceRow(skill=e.get("skill", ""),
                              sentence=quote(e.get("resume_evidence", "")),
                              importance="Nice-to-have" if e.get("importance") == "nice_to_have"
                              else "Must-have")
                  for e in match.get("evidence", [])],
        gaps=[quote(g) for g in match.get("gaps", [])],
        risks=[quote(r) for r in match.get("risks", [])],
        knockouts=[KnockoutRow(requirement=k.get("requirement", ""),
                               result=k.get("result", "unknown"),
                               evidence=quote(k.get("evidence", "")))
                   for k in result.get("knockouts", [])],
        screening_questions=[quote(q) for q in result.get("screening_questions", [])],
        stale=bool(application.resume_stale), applied=_when(application.created_at),
        talent_pool=pooled,
        nearest_jobs=describe_nearest(application.resume_result) if pooled else "",
    )


def _timeline(session: Session, candidate_id: int, application_ids: list[int],
              quote: Callable[[str], str]) -> list[TimelineEntry]:
    email_ids = session.exec(select(Email.id).where(Email.candidate_id == candidate_id)).all()
    scopes = [sa.and_(Event.entity_type == "candidate", Event.entity_id == candidate_id)]
    if application_ids:
        scopes.append(sa.and_(Event.entity_type == "application",
                              Event.entity_id.in_(application_ids)))
    if email_ids:
        scopes.append(sa.and_(Event.entity_type == "email", Event.entity_id.in_(email_ids)))
    events = session.exec(select(Event).where(sa.or_(*scopes))
                          .order_by(Event.at.desc(), Event.id.desc()).limit(TIMELINE_LIMIT)).all()
    events = list(events)
    # The audit log's sentences; blind screening hides the candidate in them as there.
    words = describe_events(session=session, events=events,
                            shown=shown_events(session=session, events=events))
    return [TimelineEntry(at=_when(event.at), actor=actor_label(event.actor_label),
                          action=event.action, label=_label(event, words[event.id].sentence),
                          note=quote(event.note), is_note=event.action == NOTE_ACTION)
            for event in events]


def _emails(session: Session, candidate_id: int, hidden: bool) -> list[EmailEntry]:
    emails = session.exec(select(Email).where(Email.candidate_id == candidate_id)
                          .order_by(Email.received_at.desc(), Email.id.desc())).all()
    return [EmailEntry(email_id=email.id, received=_when(email.received_at or email.fetched_at),
                       subject=HIDDEN if hidden else (email.subject or "(no subject)"),
                       status=email.status) for email in emails]


def _resume_attachment(session: Session, candidate: Candidate) -> Attachment | None:
    if not candidate.resume_attachment_id:
        return None
    attachment = session.get(Attachment, candidate.resume_attachment_id)
    return attachment if attachment is not None and attachment.storage_path else None


def _label(event: Event, sentence: str) -> str:
    # A note is drawn as the team's words, under a short heading.
    return "Note" if event.action == NOTE_ACTION else sentence


def _when(moment: datetime | None) -> str:
    return format_local(moment)
