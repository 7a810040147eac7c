"""The emails HireOps sends, as templates HR can edit in Settings.

A template is a subject and a plain-text body with `{placeholder}` fields; `{{` and `}}` are
literal braces. Placeholders are substituted by name only (never `str.format`, which would let
a template reach attributes such as `{candidate_name.__class__}`), every value is escaped in
the HTML version, and a missing value stops the mail instead of sending a literal `{slot}`.
"""

from __future__ import annotations

import html
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from sqlmodel import Session

from hireops.knowledge.loading import read_json
from hireops.models import User
from hireops.services.platform.app_settings import get_setting, set_setting
from hireops.services.platform.public_addresses import interview_address
from hireops.services.text.language.supported import DEFAULT_LANGUAGE, supported_language
from hireops.services.text.punctuation import french_spacing, text_after
from hireops.services.platform.runtime_settings import current_settings

TemplateKind = Literal["invite", "schedule_confirmation", "rejection", "link_reminder",
                       "application_received", "message_question", "message_update",
                       "message_pool_question", "message_pool_update", "offer_email",
                       "offer_letter"]
TEMPLATE_KINDS: tuple[TemplateKind, ...] = (
    "invite", "schedule_confirmation", "rejection", "link_reminder", "application_received",
    "message_question", "message_update", "message_pool_question", "message_pool_update",
    "offer_email", "offer_letter")
# The starting points HR can pick when writing to a candidate from the candidate page.
CONVERSATION_TEMPLATE_KINDS: tuple[TemplateKind, ...] = ("message_question", "message_update")
# The same starting points for a message about no job (the talent pool): worded without one,
# since "your application for {job_title}" would name a job that does not exist.
NO_JOB_TEMPLATE_KIND: dict[TemplateKind, TemplateKind] = {
    "message_question": "message_pool_question", "message_update": "message_pool_update"}
# The outbox's `kind` for mail made from each template (the offer letter travels as the DOCX
# attached to the offer email).
OUTBOX_KIND: dict[TemplateKind, str] = {
    "invite": "invite", "schedule_confirmation": "schedule", "rejection": "rejection",
    "link_reminder": "reminder", "application_received": "acknowledgement",
    "message_question": "conversation", "message_update": "conversation",
    "message_pool_question": "conversation", "message_pool_update": "conversation",
    "offer_email": "offer", "offer_letter": "offer"}
TEMPLATE_TITLES: dict[TemplateKind, str] = {
    "invite": "Interview invitation", "schedule_confirmation": "Schedule confirmation",
    "rejection": "Rejection", "link_reminder": "Interview link reminder",
    "application_received": "Application received (careers page)",
    "message_question": "Message: a question for the candidate",
    "message_update": "Message: an update on the application",
    "message_pool_question": "Message to the talent pool: a question",
    "message_pool_update": "Message to the talent pool: news",
    "offer_email": "Offer email (letter attached)",
    "offer_letter": "Offer letter (DOCX, subject = title)"}

_COMMON = ("candidate_name", "job_title", "company_name", "recruiter_name")
# A message about no job has no job title to give.
_NO_JOB = ("candidate_name", "company_name", "recruiter_name")
# What HR types in the offer form; the offer letter must state the first two.
OFFER_FIELDS = ("salary", "start_date", "location", "response_deadline", "other_terms")
# Each template only offers the values its sender actually has (no slot before scheduling).
PLACEHOLDERS: dict[TemplateKind, tuple[str, ...]] = {
    "invite": (*_COMMON, "interview_link", "link_expires"),
    "schedule_confirmation": (*_COMMON, "slot"),
    "rejection": (*_COMMON, "reason"),
    "link_reminder": (*_COMMON, "interview_link", "link_expires"),
    "application_received": ("candidate_name", "job_title", "company_name"),
    "message_question": _COMMON,
    "message_update": _COMMON,
    "message_pool_question": _NO_JOB,
    "message_pool_update": _NO_JOB,
    "offer_email": (*_COMMON, *OFFER_FIELDS),
    "offer_letter": (*_COMMON, *OFFER_FIELDS),
}
# A body without these would not do its job (an invitation with no link).
REQUIRED_IN_BODY: dict[TemplateKind, tuple[str, ...]] = {
    "invite": ("interview_link",), "schedule_confirmation": ("slot",), "rejection": (),
    "link_reminder": ("interview_link",), "application_received": (),
    "message_question": (), "message_update": (), "message_pool_question": (),
    "message_pool_update": (), "offer_email": (),
    "offer_letter": ("salary", "start_date")}
# Values shown as links in the HTML version (only when they are http(s) addresses).
_LINK_FIELDS = frozenset({"interview_link"})
MAX_SUBJECT_CHARS = 200
MAX_BODY_CHARS = 20_000
_SETTING_KEY = "email_template."

# The built-in texts, one data file per language (knowledge/data/email_templates/<lang>.json).
# HR's edits in Settings replace the English text only: the French, German and Spanish ones
# stay the built-in translations, so an edit never sends English words to a French candidate.
DEFAULT_TEMPLATES: dict[TemplateKind, tuple[str, str]] = {
    kind: (entry["subject"], entry["body"])
    for kind, entry in read_json("email_templates/en.json").items()}


class TemplateError(ValueError):
    """A template cannot be saved or rendered; the message says what to fix."""


@dataclass(frozen=True)
class EmailTemplate:
    kind: TemplateKind
    subject: str
    body: str
    # True when nothing is stored and the built-in text is used.
    is_default: bool = False
    # The language it is written in: French text is sent with French spacing (`render_template`).
    language: str = DEFAULT_LANGUAGE


@dataclass(frozen=True)
class RenderedMail:
    """A template filled in: ready for `enqueue_mail`."""

    subject: str
    text: str
    # The same text as HTML: every value escaped, the interview link clickable.
    html: str


def get_template(*, session: Session, kind: str, language: str = DEFAULT_LANGUAGE
                 ) -> EmailTemplate:
    """The template of `kind` in `language`: for English HR's stored one, else the built-in
    text; for French, German and Spanish the built-in translation (any other: English)."""
    kind = _check_kind(kind)
    if supported_language(language) != DEFAULT_LANGUAGE:
        return default_template(kind, language)
    stored = get_setting(session=session, key=_SETTING_KEY + kind)
    if isinstance(stored, dict) and stored.get("subject") and stored.get("body"):
        return EmailTemplate(kind=kind, subject=stored["subject"], body=stored["body"])
    return default_template(kind)


def default_template(kind: str, language: str = DEFAULT_LANGUAGE) -> EmailTemplate:
    """The built-in template of `kind` in `language` (English for any we do not speak)."""
    kind = _check_kind(kind)
    entry = read_json(f"email_templates/{supported_language(language)}.json")[kind]
    return EmailTemplate(kind=kind, subject=entry["subject"], body=entry["body"],
                         is_default=True, language=supported_language(language))


def save_template(*, session: Session, kind: str, subject: str, body: str,
                  actor: User | None) -> EmailTemplate:
    """Validate and store a template (audited); a TemplateError says what is wrong."""
    template = EmailTemplate(kind=_check_kind(kind), subject=subject.strip(),
                             body=body.replace("\r\n", "\n").strip())
    validate_template(template)
    set_setting(session=session, key=_SETTING_KEY + template.kind,
                value={"subject": template.subject, "body": template.body}, actor=actor)
    session.commit()
    return template


def reset_template(*, session: Session, kind: str, actor: User | None) -> EmailTemplate:
    """Go back to the built-in template (the stored one is replaced by no value)."""
    kind = _check_kind(kind)
    set_setting(session=session, key=_SETTING_KEY + kind, value=None, actor=actor)
    session.commit()
    return default_template(kind)


def validate_template(template: EmailTemplate) -> None:
    """Raise TemplateError for a wrong placeholder, a stray brace or a missing required one."""
    allowed = PLACEHOLDERS[template.kind]
    if not template.subject.strip():
        raise TemplateError("The subject is empty.")
    if "\n" in template.subject or "\r" in template.subject:
        raise TemplateError("The subject must be a single line.")
    if len(template.subject) > MAX_SUBJECT_CHARS:
        raise TemplateError(f"The subject is longer than {MAX_SUBJECT_CHARS} characters.")
    if not template.body.strip():
        raise TemplateError("The body is empty.")
    if len(template.body) > MAX_BODY_CHARS:
        raise TemplateError(f"The body is longer than {MAX_BODY_CHARS:,} characters.")
    used_in_body: set[str] = set()
    for part, text in (("subject", template.subject), ("body", template.body)):
        for name in _fields(text, part):
            if name not in allowed:
                raise TemplateError(
                    f"Unknown placeholder {{{name}}} in the {part}. "
                    f"{TEMPLATE_TITLES[template.kind]} can use: {_listed(allowed)}.")
            if part == "body":
                used_in_body.add(name)
    missing = [name for name in REQUIRED_IN_BODY[template.kind] if name not in used_in_body]
    if missing:
        raise TemplateError(f"The body must contain {_listed(missing)}.")


def render_template(template: EmailTemplate, values: Mapping[str, object]) -> RenderedMail:
    """Fill in the values; TemplateError names every placeholder that has no value. A French
    mail, its text and the values HR typed into it (a reason, an offer's terms) alike, gets a
    narrow no-break space before ? ! : ; in place of the ordinary one people type, so the mark
    never wraps alone (links are left as they are); other languages stay as written."""
    subject_parts = _in_language(_segments(template.subject, "subject"), template.language)
    body_parts = _in_language(_segments(template.body, "body"), template.language)
    values = _values_in_language(values, template.language)
    missing = sorted({name for _, name in subject_parts + body_parts
                      if name is not None and _is_blank(values.get(name))})
    if missing:
        raise TemplateError(f"No value for {_listed(missing)}: the mail was not created.")
    subject_parts = _punctuated(subject_parts, values)
    body_parts = _punctuated(body_parts, values)
    # A line break in a value must not start a new header line.
    subject = "".join(literal + (" ".join(str(values[name]).split()) if name else "")
                      for literal, name in subject_parts)
    text = "".join(literal + (str(values[name]) if name else "") for literal, name in body_parts)
    return RenderedMail(subject=subject, text=text, html=_html(body_parts, values))


def _in_language(parts: list[tuple[str, str | None]],
                 language: str) -> list[tuple[str, str | None]]:
    if supported_language(language) != "fr":
        return parts
    return [(french_spacing(literal), name) for literal, name in parts]


def _values_in_language(values: Mapping[str, object], language: str) -> Mapping[str, object]:
    if supported_language(language) != "fr":
        return values
    return {name: value if name in _LINK_FIELDS or not isinstance(value, str)
            else french_spacing(value) for name, value in values.items()}


def _punctuated(parts: list[tuple[str, str | None]],
                values: Mapping[str, object]) -> list[tuple[str, str | None]]:
    """The parts with the text after each value written as it reads after that value: a
    company called "Demo Co." before the template's full stop ends the sentence once."""
    punctuated, previous = [], ""
    for literal, name in parts:
        punctuated.append((text_after(previous, literal), name))
        previous = str(values[name]).rstrip() if name else ""
    return punctuated


def sample_values() -> dict[str, str]:
    """Made-up values for previews; the company name is the configured one."""
    return {
        "candidate_name": "Alex Example", "job_title": "Senior Backend Engineer",
        "company_name": current_settings().company_name,
        "interview_link": interview_address("sample-token"),
        "link_expires": "14 Mar 2026, 18:00 CET (13:00 EDT your time)",
        "slot": "Tue 17 Mar 2026, 05:00–05:45 EDT (Tue 17 Mar 2026, 10:00–10:45 CET for us)",
        "recruiter_name": "Sam Recruiter", "reason": "we chose a candidate with more "
        "experience in distributed systems",
        "salary": "EUR 68,000 per year", "start_date": "Monday 1 March 2027",
        "location": "Berlin (hybrid)", "response_deadline": "Friday 19 February 2027",
        "other_terms": "30 days of paid holiday a year."}


def preview(kind: str, template: EmailTemplate | None = None) -> RenderedMail:
    """`template` (e.g. unsaved edits) or the built-in one, filled in with sample values."""
    template = template or default_template(kind)
    validate_template(template)
    return render_template(template, sample_values())


# --- parsing and HTML ----------------------------------------------------------------------


def _segments(text: str, part: str) -> list[tuple[str, str | None]]:
    """(literal text, placeholder name or None) pairs; braces are checked on the way."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise TemplateError(
            f"The {part} has a brace that does not close ({exc}). Placeholders look like "
            "{candidate_name}; write {{ or }} for a literal brace.") from None
    segments = []
    for literal, name, format_spec, conversion in parsed:
        if name is not None:
            if not name.strip():
                raise TemplateError(f"The {part} has an empty {{}}: name the placeholder, "
                                    "e.g. {candidate_name}.")
            if format_spec or conversion:
                shown = name + (f"!{conversion}" if conversion else "") + (
                    f":{format_spec}" if format_spec else "")
                raise TemplateError(f"{{{shown}}} in the {part}: placeholders take no format "
                                    f"or conversion, write {{{name}}}.")
        segments.append((literal, name))
    return segments


def _fields(text: str, part: str) -> list[str]:
    return [name for _, name in _segments(text, part) if name is not None]


def _html(body_parts: list[tuple[str, str | None]], values: Mapping[str, object]) -> str:
    """The body as simple HTML; template text and values are both escaped."""
    pieces = []
    for literal, name in body_parts:
        pieces.append(html.escape(literal))
        if name is not None:
            pieces.append(_html_value(name, str(values[name])))
    paragraphs = "".join(pieces).replace("\r\n", "\n").split("\n\n")
    body = "\n".join("<p>" + "<br>\n".join(p.strip().split("\n")) + "</p>"
                     for p in paragraphs if p.strip())
    return ('<div style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; '
            f'line-height: 1.5;">\n{body}\n</div>')


def _html_value(name: str, value: str) -> str:
    shown = html.escape(value)
    if name in _LINK_FIELDS and value.lower().startswith(("https://", "http://")):
        return f'<a href="{html.escape(value, quote=True)}">{shown}</a>'
    return shown


def _is_blank(value: object) -> bool:
    return value is None or not str(value).strip()


def _listed(names: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in names)


def _check_kind(kind: str) -> TemplateKind:
    if kind not in TEMPLATE_KINDS:
        raise TemplateError(f"Unknown template {kind!r}; use one of {', '.join(TEMPLATE_KINDS)}.")
    return kind  # type: ignore[return-value]
