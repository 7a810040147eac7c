"""Words for codes: sources, AI engines, recommendations, decisions, record kinds and field
names, as people read them ("email:maildir" -> "Email (mail folder)",
"resume_scorer" -> "Resume scorer"). The words live in knowledge/data/labels.json; a code not
listed there still reads as words ("interview_link_sent" -> "Interview link sent"). Stored
values as words: value_words.py.
"""

from __future__ import annotations

from hireops.knowledge.loading import read_json
from hireops.models import Stage

_FILE = "labels.json"
# The stages as the tracker, board and reports name them.
STAGE_LABELS = {
    Stage.new: "New",
    Stage.classified: "Classified",
    Stage.matched: "Matched",
    Stage.interview_link_sent: "Interview link sent",
    Stage.screened: "Screened",
    Stage.screening_scheduled: "Screening scheduled",
    Stage.shortlisted: "Shortlisted",
    Stage.offer: "Offer",
    Stage.hired: "Hired",
    Stage.withdrawn: "Withdrawn",
    Stage.rejected: "Rejected",
}


def words_for(code: object) -> str:
    """Any code as words: "shortlist" -> "Shortlist", "pending_hr" -> "Pending hr"."""
    text = str(code or "").strip().replace("_", " ")
    return text[:1].upper() + text[1:]


def _label(section: str, code: object) -> str:
    key = str(code or "").strip()
    table = read_json(_FILE)[section]
    return table.get(key) or table.get(key.lower()) or words_for(key)


def source_label(code: str) -> str:
    """Where an application or candidate came from: "email:imap" -> "Email (mailbox)"."""
    return _label("source", code) if code else ""


def agent_label(code: str) -> str:
    """An AI agent: "resume_scorer" -> "Resume scorer"."""
    return _label("agent", code)


def engine_label(code: str) -> str:
    """An AI engine: "local" -> "Built-in engine"."""
    return _label("engine", code)


def recommendation_label(code: str) -> str:
    """The resume scorer's advice: "shortlist" -> "Shortlist"."""
    return _label("recommendation", code) if code else ""


def decision_label(code: str) -> str:
    """A decision or its status: "advance" -> "Advance", "pending_hr" -> "Waiting for HR"."""
    return _label("decision", code) if code else ""


def stage_label(code: str) -> str:
    """A pipeline stage: "interview_link_sent" -> its label on the tracker."""
    try:
        return STAGE_LABELS.get(Stage(code), words_for(code))
    except ValueError:
        return words_for(code)


def entity_label(code: str) -> str:
    """A kind of record: "interview_link" -> "Interview link"."""
    return _label("entity", code) if code else ""


def actor_label(label: str) -> str:
    """Who did something: a person's email as it is, "system" -> "HireOps", "api:Zapier" ->
    "API token Zapier"."""
    table = read_json(_FILE)["actor"]
    if label in table:
        return table[label]
    if label.startswith("api:"):
        return f"API token {label[4:]}"
    return label or table["system"]


def field_label(name: str) -> str:
    """A stored field's name as a page labels it: "rejection_reason" -> "Reason for rejection"."""
    return _label("field", name)
