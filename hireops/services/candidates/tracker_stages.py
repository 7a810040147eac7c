"""The stages the tracker's menus offer: each row's own job's stages (the inline menu), for a
bulk move the stages every selected row's job has, with the ones left out named, and for the
stage filter the built-in stages with every stage the jobs shown added. The talent pool's
few stages carry the company default's names.

A stage a job added ("Technical interview") belongs to that job alone: `move_stage` refuses it
for an application to another job or to the talent pool, so a menu never offers it there.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlmodel import Session

from hireops.services.candidates.stages import is_custom_stage
from hireops.services.candidates.talent_pool import POOL_STAGES
from hireops.services.jobs.job_stages import JobStage, arrange, job_stages, stages_of_jobs


@dataclass(frozen=True)
class BulkStageChoices:
    """What the bulk "Move to stage" menu offers for the selected rows."""

    # In the first job's flow order, each named as every selected job names it.
    choices: list[JobStage]
    # Why some stages are missing ("" when none is): written for HR.
    not_offered: str = ""


def stage_menus(*, session: Session,
                job_ids: set[int | None]) -> dict[int | None, list[JobStage]]:
    """Each job's stages in flow order (None, the talent pool: its own few stages)."""
    menus: dict[int | None, list[JobStage]] = dict(stages_of_jobs(
        session=session, job_ids={j for j in job_ids if j is not None}))
    if None in job_ids:
        menus[None] = pool_stages(session=session)
    return menus


def pool_stages(*, session: Session) -> list[JobStage]:
    """The pool follows no job's flow: its own few stages, in POOL_STAGES order, named as the
    company default names them (Settings), so a rename there reads the same in the pool; a
    job's own names stay that job's."""
    default = {stage.key: stage for stage in job_stages(session=session, job_id=None)}
    return [default[stage.value] for stage in POOL_STAGES]


def stage_filter_choices(*, session: Session, job_ids: set[int]) -> list[JobStage]:
    """What the stage filter offers for the jobs in `job_ids` (no job: the talent pool): one
    job's own flow as it names it; for several, the built-in stages under their built-in names
    with the stages the jobs added in their place after Shortlisted, a stage the jobs name
    differently under every name ("Reference check / References")."""
    if not job_ids:
        return pool_stages(session=session)
    flows = stages_of_jobs(session=session, job_ids=job_ids)
    if len(flows) == 1:
        return next(iter(flows.values()))
    added: dict[str, dict[str, None]] = {}
    for job_id in sorted(flows):
        for stage in flows[job_id]:
            if is_custom_stage(stage.key):
                added.setdefault(stage.key, {})[stage.label] = None
    built_in = arrange([])
    after = max(i for i, stage in enumerate(built_in) if stage.kind == "custom") + 1
    merged = built_in[:after] + [JobStage(key, " / ".join(names), 0, "custom")
                                 for key, names in added.items()] + built_in[after:]
    return [replace(stage, position=position) for position, stage in enumerate(merged)]


def bulk_stage_choices(menus: dict[int | None, list[JobStage]],
                       job_ids: set[int | None]) -> BulkStageChoices:
    """The stages every job in `job_ids` has, in the flow order of the first; a stage the jobs
    name differently shows every name ("Shortlisted / Longlist")."""
    present = [menus[job_id] for job_id in _ordered(job_ids) if job_id in menus]
    if not present:
        return BulkStageChoices(choices=[])
    shared = set.intersection(*({c.key for c in menu} for menu in present))
    choices = []
    for choice in present[0]:
        if choice.key in shared:
            names = dict.fromkeys(c.label for menu in present for c in menu if c.key == choice.key)
            choices.append(replace(choice, label=" / ".join(names)))
    left_out = dict.fromkeys(c.label for menu in present for c in menu if c.key not in shared)
    not_offered = ""
    if left_out:
        not_offered = (f"Not every selected job has {_listed(list(left_out))}: select one job's "
                       "applications to move them there.")
    return BulkStageChoices(choices=choices, not_offered=not_offered)


def _ordered(job_ids: set[int | None]) -> list[int | None]:
    # Jobs first by id, the talent pool last: the same selection always reads the same.
    return sorted((j for j in job_ids if j is not None)) + ([None] if None in job_ids else [])


def _listed(names: list[str]) -> str:
    quoted = [f"“{name}”" for name in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
