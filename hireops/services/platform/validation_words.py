"""Validation errors said the way the page speaks: the field as the page labels it, the limit
in the page's unit ("Resume weight must be at most 100 %", not "resume_weight: Input should be
less than or equal to 1")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hireops.services.platform import labels


@dataclass(frozen=True)
class FieldWording:
    """How a page shows one field: its label, and how a stored value is shown (a 0-1 weight
    as a percentage: scale 100, unit " %")."""

    label: str
    scale: float = 1.0
    unit: str = ""


# Pydantic's rule types, said plainly; {ge} and friends are the limit in the page's unit.
_RULES = {
    "greater_than_equal": "must be at least {ge}",
    "less_than_equal": "must be at most {le}",
    "greater_than": "must be more than {gt}",
    "less_than": "must be less than {lt}",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_parsing": "must be a number",
    "bool_parsing": "must be on or off",
    "literal_error": "must be one of {expected}",
    "string_too_short": "must be at least {min_length} characters",
    "string_too_long": "must be at most {max_length} characters",
    "missing": "is required",
}
_LIMITS = ("ge", "le", "gt", "lt")


def describe_error(error: Mapping[str, Any],
                   fields: Mapping[str, FieldWording] | None = None) -> str:
    """One pydantic error as a sentence: "Resume weight must be at most 100 %"."""
    loc = [str(part) for part in error.get("loc", ()) if not isinstance(part, int)]
    name = loc[0] if loc else ""
    wording = (fields or {}).get(name) or FieldWording(labels.field_label(name) if name else "")
    rule = _RULES.get(str(error.get("type", "")))
    context = {key: _limit(value, wording) if key in _LIMITS else value
               for key, value in (error.get("ctx") or {}).items()}
    if rule:
        try:
            message = rule.format(**context)
        except (KeyError, IndexError):
            message = str(error.get("msg", "is not valid"))
    else:
        message = str(error.get("msg", "is not valid")).removeprefix("Value error, ")
    if not wording.label:
        return message
    return f"{wording.label} {message}" if rule else f"{wording.label}: {message}"


def describe_errors(errors: list[Mapping[str, Any]],
                    fields: Mapping[str, FieldWording] | None = None) -> str:
    """Every error, one sentence each, joined with "; "."""
    return "; ".join(describe_error(error, fields) for error in errors)


def _limit(value: Any, wording: FieldWording) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value * wording.scale:g}{wording.unit}"
    return str(value)
