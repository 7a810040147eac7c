"""A browser tab's connection to a running Reflex app, without the browser: an Engine.IO v4 /
Socket.IO websocket on `/_event` (as socket.io-client opens it) with its own client token.

Used where a test or benchmark needs many tabs, or needs one tab to move between app
processes (the same token on another worker reads the state from Redis).
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid

NAMESPACE = "/_event"
ROOT_STATE = "reflex___state____state"


class ReflexSocket:
    """One tab: send events by handler name, collect the state deltas the app sends back."""

    def __init__(self, url: str, path: str, token: str | None = None,
                 headers: dict[str, str] | None = None):
        self.url, self.path = url, path
        self.token = token or str(uuid.uuid4())
        # Extra request headers of the websocket handshake (e.g. what a proxy adds).
        self.headers = headers or {}
        self._socket = None
        self._reader: asyncio.Task | None = None
        self._waiting: asyncio.Future | None = None
        self._seq = 0
        # Every substate's vars as the deltas described them, by full state name.
        self.states: dict[str, dict] = {}

    async def connect(self) -> None:
        import websockets

        address = self.url.replace("http://", "ws://", 1)
        self._socket = await websockets.connect(
            f"{address}{NAMESPACE}/?EIO=4&transport=websocket&token={self.token}",
            max_size=None, open_timeout=30, additional_headers=self.headers)
        opened = await self._socket.recv()  # "0{sid, pingInterval, ...}"
        if not opened.startswith("0"):
            raise RuntimeError(f"unexpected Engine.IO open packet: {opened[:80]}")
        await self._socket.send(f"40{NAMESPACE},")
        joined = await self._socket.recv()  # "40/_event,{sid}"
        if not joined.startswith(f"40{NAMESPACE},"):
            raise RuntimeError(f"namespace refused: {joined[:200]}")
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        prefix = f"42{NAMESPACE},"
        async for message in self._socket:
            if message == "2":  # the server's ping
                await self._socket.send("3")
            elif message.startswith(prefix):
                name, update = json.loads(message[len(prefix):])[:2]
                if name != "event":
                    continue
                delta = update.get("delta") or {}
                for state, values in delta.items():
                    self.states.setdefault(state, {}).update(values)
                if delta and self._waiting is not None and not self._waiting.done():
                    self._waiting.set_result(None)

    async def close(self) -> None:
        if self._socket is not None:
            await self._socket.close()
        if self._reader is not None:
            self._reader.cancel()

    async def send(self, event: str, timeout: float = 60.0, **payload) -> float:
        """Emit `event` (a full handler name); milliseconds until its delta came back.

        A handler that changes no visible var sends no delta, so every event carries a new
        query string in its router data, which changes `router` and makes the app answer once
        the handler has run."""
        self._seq += 1
        self._waiting = asyncio.get_running_loop().create_future()
        message = {"name": event, "payload": payload,
                   "router_data": {"pathname": self.path,
                                   "asPath": f"{self.path}?seq={self._seq}",
                                   "query": {"seq": str(self._seq)}}}
        begun = time.perf_counter()
        await self._socket.send(f"42{NAMESPACE}," + json.dumps(["event", message]))
        await asyncio.wait_for(self._waiting, timeout)
        return (time.perf_counter() - begun) * 1000

    def var(self, state: str, name: str, default=None):
        """A var of `state` as last sent; Reflex suffixes var names with `_rx_state_`."""
        values = self.states.get(state, {})
        return next((v for k, v in values.items() if k == name or k.startswith(f"{name}_rx")),
                    default)
