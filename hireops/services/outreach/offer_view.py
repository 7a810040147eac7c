"""What the candidate page's "Offer and hire" section shows: each application's place in its
job's own stages, the stages HR may move it to there, and its offers with their answers."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from hireops.models import Application, Job, Offer, OutboxMessage, Stage
from hireops.services.platform.clock import format_local
from hireops.services.jobs.job_stages import JobStage, stages_of_jobs
from hireops.services.outreach.offers import offers_for_applications
from hireops.services.candidates.stages import stage_value
from hireops.services.outreach.outbox import SENT

# The stages a person moves an application to from here; the pipeline moves itself, and a
# rejection goes through the decision card or the tracker, which ask for the reason.
MOVABLE_KINDS = ("custom", "offer", "hired", "withdrawn")
OFFER_STATUS_LABELS = {"sent": "Waiting for an answer", "accepted": "Accepted",
                       "declined": "Declined"}


@dataclass
class StageChoice:
    key: str
    label: str


@dataclass
class OfferRow:
    offer_id: int
    status: str
    status_label: str
    title: str
    salary: str
    start_date: str
    made: str
    # "sent", "pending", "failed" ... for the offer email; "" when not queued.
    mail_status: str
    reason: str
    answered: str


@dataclass
class OfferTarget:
    """One application, its stage in its job's flow, and its offers (newest first)."""

    application_id: int
    job_title: str
    stage: str
    stage_label: str
    # False once rejected, withdrawn or hired, or while an offer waits for its answer.
    can_offer: bool
    stages: list[StageChoice] = field(default_factory=list)
    offers: list[OfferRow] = field(default_factory=list)
    # What the job calls Offer and Hired, for the dialogs that say where a move goes.
    offer_label: str = "Offer"
    hired_label: str = "Hired"


def offer_targets(*, session: Session, candidate_id: int) -> list[OfferTarget]:
    """The candidate's applications to jobs, newest first, with their offers."""
    rows = session.exec(select(Application, Job).join(Job, Job.id == Application.job_id)
                        .where(Application.candidate_id == candidate_id)
                        .order_by(Application.created_at.desc())).all()
    offers = offers_for_applications(session=session, application_ids=[a.id for a, _ in rows])
    mail = _mail_status(session, [o.outbox_id for group in offers.values() for o in group])
    flows = stages_of_jobs(session=session, job_ids={job.id for _, job in rows})
    targets = []
    for application, job in rows:
        stages = flows[job.id]
        stage = stage_value(application.stage)
        labels = {s.key: s.label for s in stages}
        waiting = any(o.status == "sent" for o in offers[application.id])
        targets.append(OfferTarget(
            application_id=application.id, job_title=job.title, stage=stage,
            stage_label=labels.get(stage, stage),
            can_offer=not waiting and stage not in ("rejected", "withdrawn", "hired"),
            stages=_choices(stages, stage),
            offers=[_offer_row(o, mail.get(o.outbox_id, "")) for o in offers[application.id]],
            offer_label=labels[Stage.offer.value], hired_label=labels[Stage.hired.value]))
    return targets


def _choices(stages: list[JobStage], current: str) -> list[StageChoice]:
    """The stages HR may move to from here, and the current one first when it is not among
    them (a pipeline step, Rejected), so the menu always shows where the application is."""
    choices = [StageChoice(s.key, s.label) for s in stages if s.kind in MOVABLE_KINDS]
    if all(choice.key != current for choice in choices):
        label = next((s.label for s in stages if s.key == current), current)
        choices.insert(0, StageChoice(current, label))
    return choices


def _offer_row(offer: Offer, mail_status: str) -> OfferRow:
    values = offer.values or {}
    return OfferRow(
        offer_id=offer.id, status=offer.status,
        status_label=OFFER_STATUS_LABELS.get(offer.status, offer.status),
        title=offer.letter_title, salary=str(values.get("salary", "")),
        start_date=str(values.get("start_date", "")),
        made=format_local(offer.created_at), mail_status=mail_status,
        reason=offer.response_reason,
        answered=format_local(offer.responded_at))


def _mail_status(session: Session, outbox_ids: list[int | None]) -> dict[int, str]:
    ids = [i for i in outbox_ids if i is not None]
    if not ids:
        return {}
    rows = session.exec(select(OutboxMessage.id, OutboxMessage.status,
                               OutboxMessage.delivered_to)
                        .where(OutboxMessage.id.in_(ids))).all()
    # Mail that only reached the local outbox folder was not sent to anyone.
    return {i: ("saved to the outbox folder" if status == SENT and where == "folder"
                else status) for i, status, where in rows}
