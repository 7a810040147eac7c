"""Ranking view per job: every candidate for one job, best resume score first, with evidence.

While blind screening hides a candidate, their name is masked and the quoted resume lines are
redacted (they may predate the job turning blind); a stored reveal shows them again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from hireops.models import Application, Candidate
from hireops.services.privacy.blind_screening import hidden_candidate_ids, redact_for, shown_name
from hireops.services.jobs.job_stages import default_label, job_stages
from hireops.services.jobs.records import get_job_or_raise
from hireops.services.platform.labels import recommendation_label

# How much evidence and how many gaps a ranking card shows.
EVIDENCE_SHOWN = 4
GAPS_SHOWN = 4


@dataclass(frozen=True)
class EvidenceLine:
    """One matched skill and the resume sentence that proves it."""

    skill: str
    sentence: str


@dataclass(frozen=True)
class RankedCandidate:
    """One application as the ranking shows it."""

    rank: int
    application_id: int
    candidate_id: int
    # "Candidate #<id>" while blind screening hides the identity.
    name: str
    # None until scored.
    score: float | None
    # The score as shown ("—" until scored).
    score_label: str
    # screen | shortlist | reject, "" until scored.
    recommendation: str
    stage: str
    # Both in words: "Shortlist", and the stage as the job names it ("Interview link sent",
    # "Technical interview").
    recommendation_label: str
    stage_label: str
    # The score was made for an older job or prompt version.
    stale: bool
    evidence: list[EvidenceLine]
    gaps: list[str]


@dataclass(frozen=True)
class JobRanking:
    job_id: int
    title: str
    blind: bool
    rows: list[RankedCandidate]

    @property
    def stale_count(self) -> int:
        return sum(1 for row in self.rows if row.stale)


def rank_job(*, session: Session, job_id: int) -> JobRanking:
    """The job's applications ordered by resume score, highest first; unscored last."""
    job = get_job_or_raise(session=session, job_id=job_id)
    pairs = session.exec(
        select(Application, Candidate)
        .join(Candidate, Candidate.id == Application.candidate_id)
        .where(Application.job_id == job_id)
        .order_by(Application.resume_score.is_(None), Application.resume_score.desc(),
                  Application.id)
    ).all()
    hidden = hidden_candidate_ids(session=session,
                                  candidate_ids=[candidate.id for _, candidate in pairs])
    # The job's own stage names, read once for the whole ranking.
    stage_names = {stage.key: stage.label for stage in job_stages(session=session,
                                                                   job_id=job.id)}
    rows = [_ranked(rank, application, candidate, candidate.id in hidden, job.version,
                    stage_names)
            for rank, (application, candidate) in enumerate(pairs, start=1)]
    return JobRanking(job_id=job.id, title=job.title, blind=job.blind_screening, rows=rows)


def _ranked(rank: int, application: Application, candidate: Candidate, hidden: bool,
            job_version: int, stage_names: dict[str, str]) -> RankedCandidate:
    match = (application.resume_result or {}).get("match") or {}

    def quote(text: object) -> str:
        return redact_for(candidate, str(text)) if hidden else str(text)

    evidence = [EvidenceLine(skill=str(item.get("skill", "")),
                             sentence=quote(item.get("resume_evidence", "")))
                for item in match.get("evidence", [])[:EVIDENCE_SHOWN]]
    stale = application.resume_score is not None and (
        application.resume_stale or application.resume_job_version != job_version)
    stage = getattr(application.stage, "value", str(application.stage))
    return RankedCandidate(
        rank=rank,
        application_id=application.id,
        candidate_id=candidate.id,
        name=shown_name(candidate, hidden=hidden),
        score=application.resume_score,
        score_label="—" if application.resume_score is None else f"{application.resume_score:.0f}",
        recommendation=str(match.get("recommendation", "")),
        stage=stage,
        recommendation_label=recommendation_label(str(match.get("recommendation", ""))),
        stage_label=stage_names.get(stage) or default_label(stage),
        stale=stale,
        evidence=evidence,
        gaps=[quote(gap) for gap in match.get("gaps", [])[:GAPS_SHOWN]],
    )
