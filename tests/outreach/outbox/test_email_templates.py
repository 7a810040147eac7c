"""Email templates: defaults, validation with clear messages, rendering, inert HTML values."""

from __future__ import annotations

import re

import pytest
from sqlmodel import select

from hireops.config import get_settings
from hireops.models import Event
from hireops.services.outreach.email_templates import (
    PLACEHOLDERS,
    TEMPLATE_KINDS,
    EmailTemplate,
    TemplateError,
    default_template,
    get_template,
    preview,
    render_template,
    reset_template,
    save_template,
    validate_template,
)

VALUES = {
    "candidate_name": "Elena Petrova", "job_title": "Backend Engineer",
    "company_name": "Acme", "recruiter_name": "Sam", "interview_link":
    "https://jobs.acme.test/interview/abc", "link_expires": "Friday 18:00 UTC",
    "slot": "Tuesday 10:00", "reason": "the role was filled", "salary": "EUR 68,000 per year",
    "start_date": "Monday 1 March 2027", "location": "Berlin",
    "response_deadline": "Friday 19 February 2027", "other_terms": "none."}


def _template(kind="invite", subject="Interview at {company_name}",
              body="Hi {candidate_name}, start here: {interview_link}") -> EmailTemplate:
    return EmailTemplate(kind=kind, subject=subject, body=body)


@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
def test_every_default_is_valid_and_renders_without_braces(kind) -> None:
    template = default_template(kind)
    validate_template(template)
    mail = render_template(template, VALUES)
    for text in (mail.subject, mail.text, mail.html):
        assert "{" not in text and "}" not in text
    assert "Elena Petrova" in mail.text and "Acme" in mail.text


def test_preview_uses_sample_values_and_the_company_name(monkeypatch) -> None:
    monkeypatch.setenv("COMPANY_NAME", "Globex Ltd")
    get_settings.cache_clear()
    mail = preview("invite")
    assert mail.subject == "Your interview for Senior Backend Engineer at Globex Ltd"
    assert "Alex Example" in mail.text and "/interview/sample-token" in mail.text
    # Unsaved edits are previewed as typed.
    edited = preview("rejection",
                     _template("rejection", "Update", "Dear {candidate_name}: {reason}"))
    assert edited.text.startswith("Dear Alex Example: we chose")


@pytest.mark.parametrize("subject, body, message", [
    ("Hi {candidate_nam}", "{interview_link}",
     "Unknown placeholder {candidate_nam} in the subject. Interview invitation can use: "
     "{candidate_name}, {job_title}, {company_name}, {recruiter_name}, {interview_link}, "
     "{link_expires}."),
    ("Hi", "{interview_link} on {slot}", "Unknown placeholder {slot} in the body."),
    ("Hi {candidate_name", "{interview_link}", "The subject has a brace that does not close"),
    ("Hi", "{interview_link} }", "The body has a brace that does not close"),
    ("Hi", "{interview_link} {}", "The body has an empty {}: name the placeholder"),
    ("Hi", "{interview_link} {candidate_name!r}", "{candidate_name!r} in the body: "
     "placeholders take no format or conversion, write {candidate_name}."),
    ("Hi", "{interview_link} {candidate_name:>20}", "{candidate_name:>20} in the body: "
     "placeholders take no format"),
    ("Hi", "{interview_link} {candidate_name.__class__}",
     "Unknown placeholder {candidate_name.__class__}"),
    ("Hi", "{interview_link} {0}", "Unknown placeholder {0}"),
    ("Hi", "Dear {candidate_name}", "The body must contain {interview_link}."),
    ("", "{interview_link}", "The subject is empty."),
    ("Hi", "   ", "The body is empty."),
    ("Hi\nthere", "{interview_link}", "The subject must be a single line."),
])
def test_broken_templates_are_refused_with_a_clear_message(session, subject, body,
                                                           message) -> None:
    with pytest.raises(TemplateError) as caught:
        save_template(session=session, kind="invite", subject=subject, body=body, actor=None)
    assert str(caught.value).startswith(message)
    assert get_template(session=session, kind="invite").is_default


def test_literal_braces_are_written_doubled() -> None:
    mail = render_template(_template(body="Use {{braces}} at {interview_link}"), VALUES)
    assert mail.text == "Use {braces} at https://jobs.acme.test/interview/abc"


def test_saved_template_is_used_audited_and_can_be_reset(session) -> None:
    assert get_template(session=session, kind="rejection").is_default
    saved = save_template(session=session, kind="rejection", subject="  About {job_title} ",
                          body="Dear {candidate_name},\r\nno.\r\n", actor=None)
    assert (saved.subject, saved.body) == ("About {job_title}", "Dear {candidate_name},\nno.")
    stored = get_template(session=session, kind="rejection")
    assert (stored.subject, stored.body, stored.is_default) == (saved.subject, saved.body, False)
    # Other kinds keep their defaults.
    assert get_template(session=session, kind="invite").is_default
    changes = session.exec(select(Event).where(Event.action == "setting.changed")).all()
    assert changes[-1].after["key"] == "email_template.rejection"

    assert reset_template(session=session, kind="rejection", actor=None).is_default
    assert get_template(session=session, kind="rejection") == default_template("rejection")


def test_unknown_kind_is_refused(session) -> None:
    with pytest.raises(TemplateError, match="Unknown template 'offer'"):
        get_template(session=session, kind="offer")


def test_missing_or_blank_values_stop_the_mail() -> None:
    template = default_template("schedule_confirmation")
    values = {**VALUES, "slot": "   "}
    del values["recruiter_name"]
    with pytest.raises(TemplateError) as caught:
        render_template(template, values)
    assert str(caught.value) == ("No value for {recruiter_name}, {slot}: "
                                 "the mail was not created.")


def test_values_are_inert_in_html_and_cannot_break_the_subject() -> None:
    hostile = {**VALUES,
               "candidate_name": '<script>alert("x")</script> & <b>Bob</b>',
               "job_title": "Engineer\r\nBcc: everyone@example.test"}
    mail = render_template(default_template("invite"), hostile)
    assert "<script>" not in mail.html and "<b>" not in mail.html
    assert ("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Bob&lt;/b&gt;"
            in mail.html)
    assert mail.subject == "Your interview for Engineer Bcc: everyone@example.test at Acme"
    # The text version is plain text: the name as given.
    assert 'Hello <script>alert("x")</script> & <b>Bob</b>,' in mail.text


def test_only_an_http_interview_link_becomes_a_link() -> None:
    mail = render_template(default_template("invite"), VALUES)
    assert ('<a href="https://jobs.acme.test/interview/abc">'
            'https://jobs.acme.test/interview/abc</a>') in mail.html
    assert len(re.findall(r"<a ", mail.html)) == 1
    sneaky = render_template(default_template("invite"),
                             {**VALUES, "interview_link": 'javascript:alert(1)" onclick="x'})
    assert "<a " not in sneaky.html and "javascript:alert(1)&quot; onclick=&quot;x" in sneaky.html
    # A link-looking candidate name stays text.
    named = render_template(default_template("invite"),
                            {**VALUES, "candidate_name": "https://evil.example"})
    assert len(re.findall(r"<a ", named.html)) == 1


def test_html_keeps_paragraphs_and_line_breaks() -> None:
    mail = render_template(_template(body="One\ntwo\n\nThree {interview_link}"), VALUES)
    assert mail.html.count("<p>") == 2 and "One<br>\ntwo" in mail.html


def test_each_kind_offers_only_what_its_sender_knows() -> None:
    assert "slot" not in PLACEHOLDERS["invite"]
    assert "interview_link" not in PLACEHOLDERS["rejection"]
    assert "reason" in PLACEHOLDERS["rejection"]


@pytest.mark.parametrize("kind", TEMPLATE_KINDS)
@pytest.mark.parametrize("language", ["en", "fr", "de", "es"])
def test_a_company_name_ending_in_a_full_stop_is_not_followed_by_another(kind, language) -> None:
    mail = render_template(default_template(kind, language), {**VALUES, "company_name": "Demo Co."})
    for text in (mail.subject, mail.text, mail.html):
        assert "Co.." not in text
    # The sentence still ends where the template ends it.
    if "{company_name}. " in default_template(kind, language).body:
        assert "Demo Co. " in mail.text


def test_a_full_stop_stays_after_a_name_without_one_and_an_ellipsis_keeps_its_dots() -> None:
    template = _template(subject="At {company_name}.", body="{candidate_name}... {interview_link}"
                         "\n\n{company_name}.")
    plain = render_template(template, VALUES)
    assert plain.subject == "At Acme." and plain.text.endswith("Acme.")
    dotted = render_template(template, {**VALUES, "candidate_name": "Jr.",
                                        "company_name": "Demo Co."})
    assert dotted.subject == "At Demo Co." and dotted.text.endswith("\n\nDemo Co.")
    assert dotted.text.startswith("Jr... ")
    assert "<p>Demo Co.</p>" in dotted.html


def test_no_mail_to_a_candidate_can_name_a_stage() -> None:
    """A job's stage names are HR's own words ("Not a fit", "Longlist"): no template a
    candidate receives takes a stage, and none of the defaults names a built-in one."""
    assert not any("stage" in name for names in PLACEHOLDERS.values() for name in names)
    built_in = {"Shortlisted", "Screened", "Screening scheduled", "Interview link sent",
                "Withdrawn", "Rejected", "Matched", "Classified"}
    for kind in TEMPLATE_KINDS:
        template = default_template(kind)
        assert not any(name in template.subject + template.body for name in built_in), kind
