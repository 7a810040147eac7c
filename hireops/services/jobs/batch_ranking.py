"""Ranking a folder of resume files against one job: what `python -m hireops rank` prints.

The job is a saved one, or drafted from a title by the configured job generator exactly as the
job form's auto-fill drafts it. Every PDF, DOCX and TXT file of the folder is read with the same
readers as mail attachments and scored by the configured resume scorer. A file that cannot be
read, or whose scoring failed, is listed with its reason and no score: never a made-up number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session

from hireops.config import Settings
from hireops.models import Job
from hireops.services.ai.calls import get_engine
from hireops.services.ai.engine import AIEngineError
from hireops.services.ai.schemas import JobInput
from hireops.services.jobs.scoring import job_input
from hireops.services.candidates.resume_text.extract import extract_text

RESUME_SUFFIXES = (".pdf", ".docx", ".txt")


class JobNotFound(LookupError):
    """No saved job has that id."""


@dataclass(frozen=True)
class RankedFile:
    """One file of the folder and what became of it."""

    file: str  # the file name within the folder
    score: float | None  # None when the file could not be read or scored
    recommendation: str = ""  # screen | shortlist | reject, "" without a score
    evidence: list[dict[str, str]] = field(default_factory=list)  # skill, resume_evidence, ...
    reason: str = ""  # why there is no score

    def as_dict(self) -> dict:
        """The JSON form: file, score and evidence; reason only for a file without a score."""
        item: dict = {"file": self.file, "score": self.score,
                      "recommendation": self.recommendation, "evidence": self.evidence}
        if self.score is None:
            item["reason"] = self.reason
        return item


def drafted_job(*, title: str, settings: Settings) -> JobInput:
    """The job auto-fill would draft from `title` with the configured engine."""
    draft = get_engine("job_generator", settings).generate_job(title).result
    return JobInput(title=title.strip(), must_have_skills=draft.must_have_skills,
                    nice_to_have_skills=draft.nice_to_have_skills,
                    responsibilities=draft.responsibilities,
                    qualifications=draft.qualifications, description=draft.description)


def saved_job(*, session: Session, job_id: int) -> JobInput:
    """What the scorer reads of a saved job; JobNotFound when there is none."""
    job = session.get(Job, job_id)
    if job is None:
        raise JobNotFound(f"no job with id {job_id}")
    return job_input(job)


def resume_files(folder: Path) -> list[Path]:
    """The PDF, DOCX and TXT files directly in `folder`, by name."""
    return sorted((p for p in folder.iterdir()
                   if p.is_file() and p.suffix.lower() in RESUME_SUFFIXES),
                  key=lambda p: p.name)


def _rank_one(path: Path, job: JobInput, engine) -> RankedFile:
    extracted = extract_text(path.name, "", path.read_bytes())
    if extracted.status != "ok" or not extracted.text.strip():
        return RankedFile(path.name, None, reason=extracted.reason or "no text could be read")
    try:
        result = engine.score_resume(job, extracted.text).result
    except AIEngineError as failure:
        return RankedFile(path.name, None, reason=f"scoring failed: {failure}")
    return RankedFile(path.name, result.match.score, result.match.recommendation,
                      [e.model_dump() for e in result.match.evidence])


def rank_folder(*, job: JobInput, folder: Path, settings: Settings) -> list[RankedFile]:
    """Every resume file of `folder` scored against `job`: best first, then the files without
    a score, each group by name."""
    engine = get_engine("resume_scorer", settings)
    ranked = [_rank_one(path, job, engine) for path in resume_files(folder)]
    return sorted(ranked, key=lambda r: (r.score is None, -(r.score or 0.0), r.file))
