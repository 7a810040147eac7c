"""Text clean-up shared by all readers, and the email-body fallback."""

from __future__ import annotations

import re

# One translate pass: ligatures spelled out (so skills match), invisible characters dropped,
# exotic spaces made plain, control characters (bar tab and newline) removed.
_CHARACTER_FIXES = str.maketrans(
    {
        "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
        "\ufb05": "st", "\ufb06": "st",
        "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None,
        "\ufeff": None,
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u3000": " ",
        **{chr(code): " " for code in range(0x2000, 0x200B)},
        "\r": "\n", "\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n\n",
        **{chr(code): None for code in (*range(0, 9), *range(14, 32), 0x7F)},
    }
)
_SPACES = re.compile(r"[ \t]+")
_SPACE_AROUND_NEWLINE = re.compile(r" ?\n ?")
# "engi-\nneering" -> "engineering": a letter, a hyphen at the end of the line, a lower-case
# letter next. (It also joins "self-\nmotivated"; every de-hyphenator without a dictionary does.)
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])-\n(?=[a-z\u00df-\u00f6\u00f8-\u00ff])")
# Bullets PDF and Word exports put at line starts, including Symbol-font U+F0B7.
_BULLET = re.compile(r"^[\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2219\u00b7\uf0b7\uf0a7\u2013*] ?",
                     re.MULTILINE)
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_text(text: str) -> str:
    """Plain, readable text: one space between words, paragraphs kept, hyphenation undone."""
    text = text.replace("\r\n", "\n").translate(_CHARACTER_FIXES)
    text = _SPACES.sub(" ", text)
    text = _SPACE_AROUND_NEWLINE.sub("\n", text)
    text = _LINE_END_HYPHEN.sub("", text)
    text = _BULLET.sub("- ", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


# Where a reply's quoted history starts, in the clients and languages seen most.
_HISTORY_START = re.compile(
    r"^(-{2,}\s*(original message|urspr\u00fcngliche nachricht|message d'origine)\s*-{2,}"
    r"|_{10,})$",
    re.IGNORECASE,
)
# Outlook's plain-text history: a "From:" line followed by "Sent:" or "Date:".
_HEADER_FROM = re.compile(r"^(from|von|de)\s?:", re.IGNORECASE)
_HEADER_SENT = re.compile(r"^(sent|date|gesendet|datum|envoy\u00e9)\s?:", re.IGNORECASE)
# "On Mon, 3 Jun 2024, Ann <a@b.c> wrote:" and its German and French forms; Gmail may wrap
# it over two lines, so the end alone is matched here and a dangling "On ..." is dropped too.
_ATTRIBUTION_END = re.compile(r"(wrote|schrieb|a \u00e9crit)\s?:$", re.IGNORECASE)
_ATTRIBUTION_START = re.compile(r"^(on|am|le) \S", re.IGNORECASE)
_MOBILE_FOOTER = re.compile(r"^(sent from my|von meinem|envoy\u00e9 de mon) \S.*$", re.IGNORECASE)


def text_from_email_body(body: str) -> str:
    """The candidate's own words from a plain-text body: no quoted replies, no signature."""
    kept: list[str] = []
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for index, line in enumerate(lines):
        stripped = line.strip()
        if line in ("-- ", "--") or _HISTORY_START.match(stripped) or (
            _HEADER_FROM.match(stripped)
            and index + 1 < len(lines)
            and _HEADER_SENT.match(lines[index + 1].strip())
        ):
            break  # RFC 3676 signature delimiter, or an Outlook-style quoted history
        if stripped.startswith(">") or _MOBILE_FOOTER.match(stripped):
            continue
        if _ATTRIBUTION_END.search(stripped):
            wrapped = not _ATTRIBUTION_START.match(stripped)
            if wrapped and kept and _ATTRIBUTION_START.match(kept[-1].strip()):
                kept.pop()
            continue
        kept.append(line)
    return normalize_text("\n".join(kept))
