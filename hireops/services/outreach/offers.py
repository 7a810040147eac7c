"""Offers: a letter drafted from HR's template, sent as a DOCX through the outbox, and the
candidate's answer.

`preview_offer` fills the "Offer email" and "Offer letter" templates (Settings > Email
templates) with what HR typed; `send_offer` does the same, attaches the letter as a Word file,
queues the email and moves the application to Offer, in one commit. `record_offer_response`
keeps the answer: an acceptance moves the application to Hired (which times the hire), a
decline keeps it in Offer with the reason, for HR to decide what comes next.

Values reach the letter by placeholder name only (`email_templates.render_template`), once, so
a salary typed as "{candidate_name}" stays that text; the HTML mail escapes them and python-docx
writes them as XML text.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from docx import Document
from docx.shared import Pt
from sqlmodel import Session, select

from hireops.models import Application, Candidate, Job, Offer, Stage, User, utcnow
from hireops.services.platform.audit import record_event
from hireops.services.privacy.blind_screening import is_identity_hidden
from hireops.services.platform.clock import format_long_day, parse_day
from hireops.services.text.language.mail_words import mail_word, sender_name
from hireops.services.outreach.email_templates import RenderedMail, get_template, render_template
from hireops.services.mail.sender import MailAttachment
from hireops.services.outreach.outbox import enqueue_mail
from hireops.services.platform.runtime_settings import current_settings
from hireops.services.candidates.stages import change_stage, stage_value
from hireops.services.jobs.job_stages import default_label, job_stages

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SALARY_PERIODS = ("per year", "per month", "per hour")
# Each period's words in the candidate's language (knowledge/data/mail_words).
_PERIOD_WORDS = {"per year": "salary_per_year", "per month": "salary_per_month",
                 "per hour": "salary_per_hour"}
SENT, ACCEPTED, DECLINED = "sent", "accepted", "declined"
# Where an offer makes no sense: the candidate is out, or already hired.
_CLOSED_STAGES = {Stage.rejected.value, Stage.withdrawn.value, Stage.hired.value}
MAX_TEXT_CHARS = {"location": 160, "other_terms": 2000, "reason": 2000}
_CURRENCY = re.compile(r"[A-Z]{3}")
# Digits with optional thousands separators (spaces, commas, apostrophes) and decimals.
_AMOUNT = re.compile(r"[0-9][0-9 ,']{0,15}(?:\.[0-9]{1,2})?")
_DEFAULT_RESPONSE_DAYS = 7


class OfferError(ValueError):
    """An offer cannot be made or answered; the message says why."""


@dataclass(frozen=True)
class OfferForm:
    """What HR types in the "Draft offer" form (all text, as the form sends it)."""

    salary_amount: str
    currency: str
    salary_period: str
    # A typed date: day first "01/03/2027" or ISO "2027-03-01".
    start_date: str
    # "" for the job's location.
    location: str = ""
    # A typed date as above; "" for a week from today.
    response_deadline: str = ""
    # Anything else the letter should say ("30 days of paid holiday").
    other_terms: str = ""


@dataclass(frozen=True)
class OfferDraft:
    """The offer as it would be sent."""

    email: RenderedMail
    letter_title: str
    letter_text: str
    # The placeholder values used, by name.
    values: dict[str, str] = field(default_factory=dict)


def preview_offer(*, session: Session, application_id: int, form: OfferForm,
                  actor: User | None) -> OfferDraft:
    """The email and letter `form` would produce, without storing anything."""
    application, job, candidate = _context(session, application_id)
    return _draft(session, application, job, candidate, form, actor)


def send_offer(*, session: Session, application_id: int, form: OfferForm,
               actor: User | None) -> Offer:
    """Queue the offer email with the letter as a DOCX and move the application to Offer."""
    application, job, candidate = _context(session, application_id)
    if pending_offer(session=session, application_id=application_id) is not None:
        raise OfferError("An offer to this candidate is waiting for an answer: record it "
                         "before sending another.")
    draft = _draft(session, application, job, candidate, form, actor)
    offer = Offer(application_id=application.id, status=SENT, values=draft.values,
                  letter_title=draft.letter_title, letter_text=draft.letter_text,
                  created_by_id=actor.id if actor else None)
    session.add(offer)
    session.flush()
    docx = offer_letter_docx(title=draft.letter_title, text=draft.letter_text,
                             company_name=current_settings().company_name,
                             language=candidate.language)
    message = enqueue_mail(
        session=session, idempotency_key=f"offer:{offer.id}", kind="offer",
        to_address=candidate.email, subject=draft.email.subject, body_text=draft.email.text,
        body_html=draft.email.html, application_id=application.id,
        attachments=[MailAttachment(filename=_docx_name(job.title), content_type=DOCX_TYPE,
                                    content=docx)])
    offer.outbox_id = message.id
    session.add(offer)
    record_event(session=session, action="offer.sent", actor=actor, entity_type="application",
                 entity_id=application.id,
                 after={"offer_id": offer.id, "outbox_id": message.id,
                        "salary": draft.values["salary"],
                        "start_date": draft.values["start_date"]})
    change_stage(session=session, application=application, stage=Stage.offer, actor=actor,
                 extra_after={"offer_id": offer.id})
    session.commit()
    session.refresh(offer)
    return offer


def record_offer_response(*, session: Session, offer_id: int, accepted: bool,
                          reason: str = "", actor: User | None) -> Offer:
    """Keep the candidate's answer: accepted -> Hired; declined stays in Offer with the reason."""
    offer = session.get(Offer, offer_id)
    if offer is None:
        raise OfferError(f"Offer {offer_id} does not exist.")
    if offer.status != SENT:
        raise OfferError(f"This offer was already {offer.status}.")
    reason = _text(reason, "reason")
    if not accepted and not reason:
        raise OfferError("Give the candidate's reason for declining; it is kept with the "
                         "offer.")
    application = session.get(Application, offer.application_id)
    offer.status = ACCEPTED if accepted else DECLINED
    offer.response_reason = reason
    offer.responded_at = utcnow()
    session.add(offer)
    record_event(session=session, action="offer.accepted" if accepted else "offer.declined",
                 actor=actor,
                 entity_type="application", entity_id=application.id,
                 before={"status": SENT}, after={"offer_id": offer.id, "status": offer.status},
                 note=reason)
    if accepted:
        change_stage(session=session, application=application, stage=Stage.hired, actor=actor,
                     extra_after={"offer_id": offer.id})
    session.commit()
    session.refresh(offer)
    return offer


def pending_offer(*, session: Session, application_id: int) -> Offer | None:
    """The offer of this application still waiting for an answer, if any."""
    return session.exec(select(Offer).where(Offer.application_id == application_id,
                                            Offer.status == SENT)
                        .order_by(Offer.id.desc())).first()


def offers_for_applications(*, session: Session,
                            application_ids: list[int]) -> dict[int, list[Offer]]:
    """Each application's offers, newest first."""
    offers: dict[int, list[Offer]] = {app_id: [] for app_id in application_ids}
    if application_ids:
        for offer in session.exec(select(Offer).where(Offer.application_id.in_(application_ids))
                                  .order_by(Offer.id.desc())).all():
            offers[offer.application_id].append(offer)
    return offers


def offer_letter_docx(*, title: str, text: str, company_name: str,
                      language: str = "en") -> bytes:
    """The letter as a Word document: company, date (in the letter's `language`), title,
    then the text's paragraphs."""
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    document.add_paragraph(_xml_safe(company_name)).runs[0].bold = True
    document.add_paragraph(format_long_day(utcnow().date(), language))
    document.add_heading(_xml_safe(title), level=1)
    for block in _xml_safe(text).split("\n\n"):
        if block.strip():
            paragraph = document.add_paragraph()
            lines = block.strip("\n").split("\n")
            for index, line in enumerate(lines):
                run = paragraph.add_run(line)
                if index < len(lines) - 1:
                    run.add_break()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- drafting ------------------------------------------------------------------------------


def _context(session: Session, application_id: int) -> tuple[Application, Job, Candidate]:
    application = session.get(Application, application_id)
    if application is None:
        raise OfferError(f"Application {application_id} does not exist.")
    if application.job_id is None:
        raise OfferError("An offer is for a job: add the candidate to a job first.")
    stage = stage_value(application.stage)
    if stage in _CLOSED_STAGES:
        # Said to HR, in the job's own name for the stage ("Not a fit").
        names = {s.key: s.label for s in job_stages(session=session, job_id=application.job_id)}
        raise OfferError(f"This application is in “{names.get(stage) or default_label(stage)}”: "
                         "no offer can be sent.")
    candidate = session.get(Candidate, application.candidate_id)
    if is_identity_hidden(session=session, candidate_id=candidate.id):
        raise OfferError("Blind screening hides this candidate: reveal them on the candidate "
                         "page before drafting an offer, which names them.")
    if not candidate.email:
        raise OfferError("The candidate has no email address to send the offer to.")
    return application, session.get(Job, application.job_id), candidate


def _draft(session: Session, application: Application, job: Job, candidate: Candidate,
           form: OfferForm, actor: User | None) -> OfferDraft:
    language = candidate.language
    values = {
        "candidate_name": candidate.full_name or candidate.email,
        "job_title": job.title,
        "company_name": current_settings().company_name,
        "recruiter_name": sender_name((actor.full_name or actor.email) if actor else None,
                                      language),
        **_form_values(form, job, language),
    }
    # The email and the letter in the candidate's language, as every other candidate mail.
    email = render_template(get_template(session=session, kind="offer_email",
                                         language=language), values)
    letter = render_template(get_template(session=session, kind="offer_letter",
                                          language=language), values)
    return OfferDraft(email=email, letter_title=letter.subject, letter_text=letter.text,
                      values=values)


def _form_values(form: OfferForm, job: Job, language: str = "en") -> dict[str, str]:
    """The offer placeholders from the form, checked and written out for the letter in the
    candidate's `language` (HR picks the period in English; the letter says it their way)."""
    currency = form.currency.strip().upper()
    if not _CURRENCY.fullmatch(currency):
        raise OfferError("The currency is a three-letter code such as EUR, USD or GBP.")
    if form.salary_period not in SALARY_PERIODS:
        raise OfferError(f"The salary is {', '.join(SALARY_PERIODS)}.")
    start = _date(form.start_date, "start date")
    today = utcnow().date()
    if start < today:
        raise OfferError("The start date is in the past.")
    deadline = (_date(form.response_deadline, "answer-by date") if form.response_deadline.strip()
                else today + timedelta(days=_DEFAULT_RESPONSE_DAYS))
    if deadline < today:
        raise OfferError("The answer-by date is in the past.")
    return {
        "salary": f"{currency} {_amount(form.salary_amount)} "
                  f"{mail_word(language, _PERIOD_WORDS[form.salary_period])}",
        "start_date": format_long_day(start, language),
        "location": _text(form.location, "location") or job.location
        or mail_word(language, "place_to_be_agreed"),
        "response_deadline": format_long_day(deadline, language),
        "other_terms": _text(form.other_terms, "other_terms")
        or mail_word(language, "no_other_terms"),
    }


def _amount(text: str) -> str:
    cleaned = text.strip()
    if not _AMOUNT.fullmatch(cleaned):
        raise OfferError("The salary is a number, e.g. 68000 or 68,000.")
    try:
        amount = Decimal(re.sub(r"[ ,']", "", cleaned))
    except InvalidOperation:
        raise OfferError("The salary is a number, e.g. 68000 or 68,000.") from None
    if amount <= 0:
        raise OfferError("The salary must be more than zero.")
    return f"{amount:,.2f}" if amount != amount.to_integral_value() else f"{amount:,.0f}"


def _date(text: str, what: str) -> date:
    day = parse_day(text)
    if day is None:
        raise OfferError(f"The {what} is not a date (day first, 31/12/2026, or 2026-12-31).")
    return day


def _text(value: str, name: str) -> str:
    """One paragraph of printable text, bounded."""
    cleaned = " ".join(_xml_safe(value).split())
    if len(cleaned) > MAX_TEXT_CHARS[name]:
        raise OfferError(f"The {name.replace('_', ' ')} has more than "
                         f"{MAX_TEXT_CHARS[name]:,} characters.")
    return cleaned


def _xml_safe(text: str) -> str:
    """Without the control characters XML (and so a DOCX) cannot hold; line breaks kept."""
    return "".join(ch for ch in str(text)
                   if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs"))


def _docx_name(job_title: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", job_title).strip("-")[:60] or "offer"
    return f"Offer-{slug}.docx"
