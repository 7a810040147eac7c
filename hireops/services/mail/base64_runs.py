"""Parsing mail with its base64 lines set aside: the same message tree, a fraction of the work.

The standard library's parser reads a message line by line in Python, so a 100 KB resume sent
as base64 is some 1,700 lines, each checked for a boundary: most of the time parsing a real
application mail took. A run of such lines is folded into one marker line before parsing and
put back afterwards, in each part's raw payload and in each preamble and epilogue.

Why the tree is the same: the parser decides what a line means by whether it is blank, looks
like a header (a name and a colon, or a leading blank), is a boundary ("--...") or starts with
"From ". A line made only of the base64 alphabet (letters, digits, "+", "/", "=") is none of
these, and the marker line is such a line too, so the parser treats it as it treats each line
it stands for: it ends a header block the same way, and joins the same payload, preamble or
epilogue. The marker line keeps the run's last line break, so where the parser trims the break
of a part's last line it trims the same one. Blank lines are never folded (they end header
blocks). A message that already contains the marker text is parsed whole. `tests/mail/test_base64_runs.py` compares both trees on generated and hostile mail.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from email.message import Message

_MARKER = "HireOpsFoldedBase64Lines"  # followed by the run's number
# Shorter stretches are not worth folding (a few lines of text).
_MIN_RUN_BYTES = 2048
# Base64 characters and line breaks: one character class repeated, so the scan is linear.
_SPAN = re.compile(rb"[A-Za-z0-9+/=\r\n]{%d,}" % _MIN_RUN_BYTES)
# A line break followed by another ("\r\n" is one break): a blank line starts at the second.
_BREAK_PAIRS = (b"\n\n", b"\n\r", b"\r\r")
_BREAKS = re.compile(rb"[\r\n]*")
_FOLDED = re.compile(_MARKER + r"(\d+)")


def parse_with_runs_folded(parse: Callable[[bytes], Message], data: bytes) -> Message:
    """`parse(data)`, with runs of base64 lines folded while it parses and put back after."""
    if _MARKER.encode() in data:
        return parse(data)
    folded, runs = _fold(data)
    if not runs:
        return parse(data)
    message = parse(folded)
    _put_back(message, [run.decode("ascii") for run in runs])
    return message


def _fold(data: bytes) -> tuple[bytes, list[bytes]]:
    """`data` with each run of base64 lines replaced by a marker line; the runs, each without
    its last line break (the marker line keeps it)."""
    pieces: list[bytes] = []
    runs: list[bytes] = []
    copied = 0  # data before this offset is in `pieces`
    for span in _SPAN.finditer(data):
        start, end = _whole_lines(data, *span.span())
        # Cut where blank lines start; consecutive blank lines open the next stretch.
        cuts = _blank_line_starts(data, start, end)
        for begin, stop in zip([start, *cuts], [*cuts, end]):
            begin = _BREAKS.match(data, begin, stop).end()  # past the blank lines
            if stop - begin < _MIN_RUN_BYTES:
                continue
            line_break = b"\r\n" if data[stop - 2:stop] == b"\r\n" else data[stop - 1:stop]
            pieces += [data[copied:begin], f"{_MARKER}{len(runs)}".encode() + line_break]
            runs.append(data[begin:stop - len(line_break)])
            copied = stop
    if not runs:
        return data, []
    pieces.append(data[copied:])
    return b"".join(pieces), runs


def _whole_lines(data: bytes, start: int, end: int) -> tuple[int, int]:
    """The part of `data[start:end]` made of whole lines, each ending with its line break."""
    if start > 0:  # the character before is neither base64 nor a break: a line's middle
        first_break = min((i for i in (data.find(b"\r", start, end), data.find(b"\n", start, end))
                           if i >= 0), default=end)
        start = first_break + (2 if data[first_break:first_break + 2] == b"\r\n" else 1)
    last_break = max(data.rfind(b"\r", start, end), data.rfind(b"\n", start, end))
    return start, (last_break + 1 if last_break >= start else start)


def _blank_line_starts(data: bytes, start: int, end: int) -> list[int]:
    """Where the blank lines of `data[start:end]` (whole lines) start, in order. (Byte
    searches: a regular expression scanning for these is ten times slower.)"""
    found = []
    # Without a carriage return only "\n\n" can occur (the common case, and one search).
    pairs = _BREAK_PAIRS if data.find(b"\r", start, end) >= 0 else _BREAK_PAIRS[:1]
    for pair in pairs:
        at = data.find(pair, start, end)
        while at >= 0:
            found.append(at + 1)
            at = data.find(pair, at + 1, end)
    return sorted(found)


def _put_back(message: Message, runs: list[str]) -> None:
    """Every marker in the tree replaced by the lines it stands for."""

    def unfold(text):
        if isinstance(text, str) and _MARKER in text:
            return _FOLDED.sub(lambda found: runs[int(found.group(1))], text)
        return text

    parts = [message]  # walked with a list, not recursion: the tree may be deep
    while parts:
        part = parts.pop()
        # The raw payload as the parser stored it (`get_payload` would decode or re-read
        # headers): a string for a leaf part, a list of parts otherwise.
        payload = part._payload
        if isinstance(payload, list):
            parts.extend(item for item in payload if isinstance(item, Message))
        else:
            part._payload = unfold(payload)
        part.preamble, part.epilogue = unfold(part.preamble), unfold(part.epilogue)
