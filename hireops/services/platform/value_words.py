"""Stored values as people read them, bounded: stages and decisions by their labels, booleans
Yes/No, timestamps on the one clock, lists joined ("–" for nothing). Apart from labels.py because
it reads the clock, and the clock reads the settings, whose errors are worded with labels.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from hireops.knowledge.loading import read_json
from hireops.services.platform import clock
from hireops.services.platform.labels import (
    decision_label,
    field_label,
    recommendation_label,
    source_label,
    stage_label,
)

_FILE = "labels.json"
# A stored ISO timestamp ("2026-12-07T13:05:00+00:00"), shown on the one clock.
_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})")
_LONGEST_VALUE = 300
# Fields people typed: shown as typed, even when the text happens to be a code ("Open").
_FREE_TEXT = frozenset({"title", "name", "full_name", "reason", "note", "description", "job",
                        "email", "to", "topic", "nearest_jobs", "location", "department"})



def value_label(field: str, value: Any) -> str:
    """A stored value as words, bounded: stages and decisions by their labels, booleans
    Yes/No, timestamps on the one clock, lists joined; "–" for nothing."""
    if value is None or value == "" or value == [] or value == {}:
        return "–"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float):
        value = f"{value:g}"
    if isinstance(value, (list, tuple)):
        text = ", ".join(value_label(field, item) for item in value[:20])
    elif isinstance(value, dict):
        text = "; ".join(f"{field_label(k)}: {value_label(k, v)}" for k, v in
                         list(value.items())[:20])
    else:
        text = _scalar(field, str(value))
    return text if len(text) <= _LONGEST_VALUE else text[:_LONGEST_VALUE - 1] + "…"


def _scalar(field: str, text: str) -> str:
    if field == "stage":
        return stage_label(text)
    if field in ("decision", "decision_status"):
        return decision_label(text)
    if field == "source":
        return source_label(text)
    if field == "recommendation":
        return recommendation_label(text)
    if len(text) <= 40 and _ISO_MOMENT.fullmatch(text):
        try:
            return clock.format_local(datetime.fromisoformat(text.replace("Z", "+00:00")))
        except ValueError:
            return text
    if field in _FREE_TEXT:
        return text
    return read_json(_FILE)["value"].get(text, text)
