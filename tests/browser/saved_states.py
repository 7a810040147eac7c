"""What the running app saved of its tabs' states (`app_env` keeps them in workdir/states):
the tests that check no secret is saved with a tab read them here."""

from __future__ import annotations

from pathlib import Path

from tests.browser.waiting import wait_for


def saved_states(app) -> dict[Path, bytes]:
    """Every saved tab state of `app`, by file."""
    folder = Path(app.env["REFLEX_STATES_WORKDIR"])
    return {path: path.read_bytes() for path in folder.glob("*.pkl")}


def wait_for_saved(app, needle: bytes, timeout_s: float = 20.0) -> dict[Path, bytes]:
    """The saved states once one of them holds `needle` (Reflex writes them a moment after
    the event)."""

    def holding() -> dict[Path, bytes] | None:
        states = saved_states(app)
        return states if any(needle in payload for payload in states.values()) else None

    return wait_for(holding, timeout_s, what=f"a saved tab state holding {needle!r}")


def holding(states: dict[Path, bytes], secret: str) -> list[str]:
    """The names of the saved states that hold `secret`."""
    return [path.name for path, payload in states.items() if secret.encode() in payload]
