"""Names for HireOps' helper processes, as `ps`, `top` and /proc show them."""

from __future__ import annotations

# Linux keeps 15 characters of a process name.
MAX_NAME_CHARS = 15


def name_this_process(name: str) -> None:
    """Call this process `name` (Linux only; elsewhere, and where /proc is read-only, nothing
    happens): a spawned worker is otherwise one more "python" beside the app."""
    try:
        with open("/proc/self/comm", "w", encoding="ascii") as comm:
            comm.write(name[:MAX_NAME_CHARS])
    except OSError:
        pass
