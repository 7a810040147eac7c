"""A per-process cache of values that hold while the database's data version does not move."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

Value = TypeVar("Value")


class VersionedCache:
    """Values computed in this process, each reused while the data version it was computed at
    is still current; past `size` entries the least recently used one goes."""

    def __init__(self, size: int) -> None:
        self._size = size
        # key -> (data version, value)
        self._entries: OrderedDict[tuple, tuple[tuple, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_compute(self, key: tuple, version: tuple, compute: Callable[[], Value]) -> Value:
        """The value kept for `key` at `version`, else `compute()` (run outside the lock: it
        may read the database) kept for the next call."""
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None and hit[0] == version:
                self._entries.move_to_end(key)
                return hit[1]
        value = compute()
        with self._lock:
            self._entries[key] = (version, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return value
