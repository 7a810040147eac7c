"""One entry of a select menu that a state fills (jobs, stages, characteristics)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Option:
    # What the menu sends back when chosen, and the words it shows.
    value: str
    label: str
