"""Each job's stages: the pipeline's fixed steps, the human steps HR arranges, and the built-in
ends (Offer, Hired, Withdrawn, Rejected).

The contract, for every page that shows a job's flow (board columns, candidate page, settings):

    job_stages(session=session, job_id=job.id) -> list[JobStage(key, label, position, kind)]

in flow order, `position` 0..n-1. `key` is what `Application.stage` holds; `label` is what HR
calls it for this job; `kind` is one of KINDS:

- "pipeline": new .. screening_scheduled, moved by the pipeline itself; fixed order, renamable.
- "custom": the human steps, Shortlisted and every stage HR adds ("Technical interview"):
  renamable and reorderable; the added ones can be removed while no application is in them.
- "offer", "hired", "withdrawn", "rejected": built in, in that order at the end; renamable.

A job with no stages of its own follows the company default (Settings), which is copied onto a
job when it is created; `job_id=None` reads or edits the company default itself.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, select

from hireops.models import Application, JobStageConfig, Stage, User
from hireops.services.platform.app_settings import get_setting, set_setting
from hireops.services.platform.audit import record_event
from hireops.services.platform.labels import STAGE_LABELS
from hireops.services.candidates.stages import CUSTOM_STAGE_PREFIX, is_custom_stage

KINDS = ("pipeline", "custom", "offer", "hired", "withdrawn", "rejected")
PIPELINE_STAGES = (Stage.new, Stage.classified, Stage.matched, Stage.interview_link_sent,
                   Stage.screened, Stage.screening_scheduled)
# The built-in human step; it can move among the custom stages but not be removed (the jobs
# list counts it, and the tracker moves to it).
BUILT_IN_CUSTOM = (Stage.shortlisted,)
END_STAGES = (Stage.offer, Stage.hired, Stage.withdrawn, Stage.rejected)
MAX_LABEL_CHARS = 60
MAX_CUSTOM_STAGES = 12
# The company default's setting; the reports' data version reads when it was last saved.
DEFAULT_STAGES_SETTING = "job_stages.default"
# The audit action of a job's own stages edited (the reports name the stages from them).
STAGES_CHANGED = "job.stages_changed"
# Anything but letters and digits becomes one underscore in a key.
_NOT_KEY_CHARS = re.compile(r"[^a-z0-9]+")


class StageConfigError(ValueError):
    """A stage change cannot be made; the message says why."""


@dataclass(frozen=True)
class JobStage:
    # What Application.stage holds: a Stage value or "custom_<slug>".
    key: str
    # The name shown for this job.
    label: str
    # Order in the flow, 0 first.
    position: int
    # One of KINDS.
    kind: str


def job_stages(*, session: Session, job_id: int | None) -> list[JobStage]:
    """The stages of job `job_id` in flow order (the company default when it has none of its
    own, or when `job_id` is None)."""
    if job_id is not None:
        rows = session.exec(select(JobStageConfig).where(JobStageConfig.job_id == job_id)
                            .order_by(JobStageConfig.position, JobStageConfig.id)).all()
        if rows:
            return arrange([(row.key, row.label) for row in rows])
    stored = get_setting(session=session, key=DEFAULT_STAGES_SETTING)
    if isinstance(stored, list):
        return arrange([(str(item.get("key", "")), str(item.get("label", "")))
                        for item in stored if isinstance(item, dict)])
    return arrange([])


def stages_of_jobs(*, session: Session, job_ids: set[int]) -> dict[int, list[JobStage]]:
    """`job_stages` of several jobs in one query (the default read once, only for jobs that
    have no stages of their own)."""
    rows = session.exec(select(JobStageConfig).where(JobStageConfig.job_id.in_(job_ids))
                        .order_by(JobStageConfig.position, JobStageConfig.id)).all() \
        if job_ids else []
    pairs: dict[int, list[tuple[str, str]]] = {}
    for row in rows:
        pairs.setdefault(row.job_id, []).append((row.key, row.label))
    stages = {job_id: arrange(entries) for job_id, entries in pairs.items()}
    if job_ids - set(stages):
        default = job_stages(session=session, job_id=None)
        stages.update({job_id: default for job_id in job_ids - set(stages)})
    return stages


def stage_label_map(*, session: Session,
                    job_ids: set[int | None]) -> dict[tuple[int | None, str], str]:
    """(job id, stage key) -> label for the jobs' own stages, in one query; stages a job does
    not rename are absent (callers fall back to the built-in label). None, the talent pool,
    follows no job: its stages carry the company default's names."""
    if not job_ids:
        return {}
    jobs = {job_id for job_id in job_ids if job_id is not None}
    rows = session.exec(select(JobStageConfig.job_id, JobStageConfig.key, JobStageConfig.label)
                        .where(JobStageConfig.job_id.in_(jobs))).all() if jobs else []
    labels = {(job_id, key): label for job_id, key, label in rows}
    # Jobs made before stages were configurable follow the default (a second read, only then).
    without_rows = job_ids - {job_id for job_id, _, _ in rows}
    if without_rows:
        default = {stage.key: stage.label for stage in job_stages(session=session, job_id=None)}
        for job_id in without_rows:
            labels.update({(job_id, key): label for key, label in default.items()})
    return labels


def arrange(entries: list[tuple[str, str]]) -> list[JobStage]:
    """The full, checked flow from (key, label) pairs: the pipeline's steps first in their
    fixed order, then the custom stages in the order given, then the built-in ends; a built-in
    stage that is missing comes back with its default label, an unknown key is dropped."""
    labels: dict[str, str] = {}
    custom_order: list[str] = []
    for key, label in entries:
        if key in labels:
            continue
        if key in {s.value for s in PIPELINE_STAGES + END_STAGES}:
            labels[key] = label
        elif key in {s.value for s in BUILT_IN_CUSTOM} or is_custom_stage(key):
            labels[key] = label
            custom_order.append(key)
    for stage in BUILT_IN_CUSTOM:
        if stage.value not in labels:
            custom_order.insert(0, stage.value)
    ordered = ([(s.value, "pipeline") for s in PIPELINE_STAGES]
               + [(key, "custom") for key in custom_order]
               + [(s.value, s.value) for s in END_STAGES])
    return [JobStage(key=key, label=_clean_label(labels.get(key, "")) or default_label(key),
                     position=position, kind=kind)
            for position, (key, kind) in enumerate(ordered)]


def default_label(key: str) -> str:
    """The built-in name of a stage (the key itself for an unnamed custom stage)."""
    try:
        return STAGE_LABELS[Stage(key)]
    except ValueError:
        return key.removeprefix(CUSTOM_STAGE_PREFIX).replace("_", " ").capitalize()


# --- editing -------------------------------------------------------------------------------


def add_stage(*, session: Session, job_id: int | None, label: str,
              actor: User | None) -> JobStage:
    """Add a custom stage at the end of the human steps (before Offer)."""
    label = _checked_label(label)
    stages = job_stages(session=session, job_id=job_id)
    if sum(1 for s in stages if is_custom_stage(s.key)) >= MAX_CUSTOM_STAGES:
        raise StageConfigError(f"A job has at most {MAX_CUSTOM_STAGES} stages of its own.")
    if any(s.label.casefold() == label.casefold() for s in stages):
        raise StageConfigError(f"There is already a stage called {label!r}.")
    key = _new_key(label, {s.key for s in stages})
    pairs = [(s.key, s.label) for s in stages]
    last_custom = max(i for i, s in enumerate(stages) if s.kind == "custom")
    pairs.insert(last_custom + 1, (key, label))
    saved = _save(session, job_id, pairs, actor, f"added stage {label!r}")
    return next(s for s in saved if s.key == key)


def rename_stage(*, session: Session, job_id: int | None, key: str, label: str,
                 actor: User | None) -> JobStage:
    """Give stage `key` a new name (its key, and the applications in it, stay)."""
    label = _checked_label(label)
    stages = job_stages(session=session, job_id=job_id)
    _find(stages, key)
    if any(s.label.casefold() == label.casefold() and s.key != key for s in stages):
        raise StageConfigError(f"There is already a stage called {label!r}.")
    pairs = [(s.key, label if s.key == key else s.label) for s in stages]
    saved = _save(session, job_id, pairs, actor, f"renamed stage {key!r} to {label!r}")
    return _find(saved, key)


def move_stage(*, session: Session, job_id: int | None, key: str, offset: int,
               actor: User | None) -> list[JobStage]:
    """Move a custom stage `offset` places (-1 earlier, +1 later) among the custom stages."""
    stages = job_stages(session=session, job_id=job_id)
    if _find(stages, key).kind != "custom":
        raise StageConfigError("Only the stages between the pipeline and the offer can be "
                               "reordered.")
    custom = [s.key for s in stages if s.kind == "custom"]
    index = custom.index(key)
    target = min(max(index + offset, 0), len(custom) - 1)
    custom.insert(target, custom.pop(index))
    labels = {s.key: s.label for s in stages}
    pairs = [(k, labels[k]) for k in custom] + [(s.key, s.label) for s in stages
                                                if s.kind != "custom"]
    return _save(session, job_id, pairs, actor, f"moved stage {key!r}")


def remove_stage(*, session: Session, job_id: int | None, key: str,
                 actor: User | None) -> list[JobStage]:
    """Remove a stage HR added; refused while any application of the job is in it."""
    stages = job_stages(session=session, job_id=job_id)
    stage = _find(stages, key)
    if not is_custom_stage(key):
        raise StageConfigError(f"{stage.label!r} is built in and cannot be removed.")
    if job_id is not None:
        waiting = session.exec(select(sa.func.count()).select_from(Application).where(
            Application.job_id == job_id, Application.stage == key)).one()
        if waiting:
            raise StageConfigError(f"{waiting} application(s) are in {stage.label!r}: move "
                                   "them to another stage first.")
    pairs = [(s.key, s.label) for s in stages if s.key != key]
    return _save(session, job_id, pairs, actor, f"removed stage {stage.label!r}")


def copy_default_to_job(*, session: Session, job_id: int) -> list[JobStage]:
    """Give a new job its own copy of the company default (later default edits leave it)."""
    stages = job_stages(session=session, job_id=None)
    _write_rows(session, job_id, stages)
    return stages


# --- storage -------------------------------------------------------------------------------


def _save(session: Session, job_id: int | None, pairs: list[tuple[str, str]],
          actor: User | None, note: str) -> list[JobStage]:
    before = [s.label for s in job_stages(session=session, job_id=job_id)]
    stages = arrange(pairs)
    if job_id is None:
        set_setting(session=session, key=DEFAULT_STAGES_SETTING, actor=actor,
                    value=[{"key": s.key, "label": s.label} for s in stages])
    else:
        _write_rows(session, job_id, stages)
        record_event(session=session, action=STAGES_CHANGED, actor=actor,
                     entity_type="job", entity_id=job_id, before={"stages": before},
                     after={"stages": [s.label for s in stages]}, note=note)
    session.commit()
    return stages


def _write_rows(session: Session, job_id: int, stages: list[JobStage]) -> None:
    existing = {row.key: row for row in session.exec(
        select(JobStageConfig).where(JobStageConfig.job_id == job_id)).all()}
    for stage in stages:
        row = existing.pop(stage.key, None) or JobStageConfig(job_id=job_id, key=stage.key,
                                                               label="", kind=stage.kind)
        row.label, row.position, row.kind = stage.label, stage.position, stage.kind
        session.add(row)
    for row in existing.values():
        session.delete(row)
    session.flush()


def _find(stages: list[JobStage], key: str) -> JobStage:
    for stage in stages:
        if stage.key == key:
            return stage
    raise StageConfigError(f"This job has no stage {key!r}.")


def _new_key(label: str, taken: set[str]) -> str:
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    slug = _NOT_KEY_CHARS.sub("_", ascii_label.lower()).strip("_")[:20] or "stage"
    key, number = CUSTOM_STAGE_PREFIX + slug, 2
    while key in taken:
        key, number = f"{CUSTOM_STAGE_PREFIX}{slug}_{number}", number + 1
    return key


def _clean_label(label: str) -> str:
    """One line of printable text, spaces collapsed, at most MAX_LABEL_CHARS."""
    printable = "".join(ch for ch in str(label) if unicodedata.category(ch)[0] != "C")
    return " ".join(printable.split())[:MAX_LABEL_CHARS]


def _checked_label(label: str) -> str:
    if len(label) > 10 * MAX_LABEL_CHARS:
        raise StageConfigError(f"A stage name has at most {MAX_LABEL_CHARS} characters.")
    cleaned = _clean_label(label)
    if not cleaned:
        raise StageConfigError("Give the stage a name.")
    if len(" ".join(label.split())) > MAX_LABEL_CHARS:
        raise StageConfigError(f"A stage name has at most {MAX_LABEL_CHARS} characters.")
    return cleaned
