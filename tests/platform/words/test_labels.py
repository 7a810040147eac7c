"""Codes become words: sources, engines, recommendations, stages, fields and stored values."""

from __future__ import annotations

from hireops.services.platform import labels, value_words


def test_sources_engines_and_badges_read_as_words():
    assert labels.source_label("email:maildir") == "Email (mail folder)"
    assert labels.source_label("email:imap") == "Email (mailbox)"
    assert labels.source_label("demo") == "Demo data"
    assert labels.source_label("api") == "API"
    assert labels.source_label("Careers page") == "Careers page"
    assert labels.agent_label("resume_scorer") == "Resume scorer"
    assert labels.engine_label("local") == "Built-in engine"
    assert labels.recommendation_label("shortlist") == "Shortlist"
    assert labels.stage_label("interview_link_sent") == "Interview link sent"
    assert labels.decision_label("pending_hr") == "Waiting for HR"


def test_codes_not_listed_still_read_as_words():
    assert labels.source_label("partner_portal") == "Partner portal"
    assert labels.stage_label("not_a_stage") == "Not a stage"
    assert labels.field_label("employment_type") == "Employment type"
    assert labels.words_for("") == ""


def test_who_did_it():
    assert labels.actor_label("system") == "HireOps"
    assert labels.actor_label("inbox") == "The inbox"
    assert labels.actor_label("api:Zapier") == "API token Zapier"
    assert labels.actor_label("hr@example.com") == "hr@example.com"


def test_stored_values_in_words_and_on_the_clock():
    assert value_words.value_label("stage", "matched") == "Matched"
    assert value_words.value_label("decision", "advance") == "Advance"
    assert value_words.value_label("published_on_careers", True) == "Yes"
    assert value_words.value_label("resume_weight", 0.4) == "0.4"
    assert value_words.value_label("expires_at", "2026-12-07T13:05:00+00:00") == "7 Dec 2026, 14:05 CET"
    assert value_words.value_label("status", "open") == "Open"
    assert value_words.value_label("must_have_skills", ["Python", "SQL"]) == "Python, SQL"
    assert value_words.value_label("rejection_reason", None) == "–"
    # What a person typed stays as typed, even when it looks like a code.
    assert value_words.value_label("title", "open") == "open"


def test_values_are_bounded():
    shown = value_words.value_label("note", "x" * 10_000)
    assert len(shown) == 300 and shown.endswith("…")
    assert len(value_words.value_label("skills", ["y" * 100] * 1000)) == 300
