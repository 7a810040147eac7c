"""Turning raw RFC 5322 bytes into a `ParsedMessage`, and the key that stores a message once.

Mail from the wild is often broken: parsing never raises, it falls back to lenient decoding and
records what went wrong in `parse_warnings`.

Speed: the MIME structure is parsed with the fast `compat32` policy, but every header value is
read as `email.policy.default` reads it (its header classes decode encoded words, RFC 2231
parameters and 8-bit bytes in their own way). Values in the plain shapes nearly all mail uses are
taken directly, because for them the default policy's reading is the text itself; only the
others go through the (slow) default header classes.
"""

from __future__ import annotations

import base64
import codecs
import email.policy
import email.utils
import hashlib
import mimetypes
import quopri
import re
from datetime import UTC, datetime
from email import _encoded_words  # the decoder the default policy's header parser uses
from email.header import decode_header
from email.message import Message
from email.parser import BytesParser
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser

from hireops.services.mail.base64_runs import parse_with_runs_folded
from hireops.services.mail.message import ParsedAttachment, ParsedMessage
from hireops.services.candidates.resume_text.limits import UnreadableFile
from hireops.services.candidates.resume_text.plain import decode_text

# Forwarded messages inside forwarded messages: deeper than this is not worth following.
_MAX_NESTING = 5
# A message with more parts than this is malformed or hostile; the rest are ignored.
_MAX_PARTS = 500
_MAX_WARNINGS = 20
# Bytes of body text kept per message (all text parts together, forwarded ones included). A
# letter is a few KB and the resume fallback reads 200,000 characters; a 30 MB body was once
# kept whole, stored and converted from HTML. The rest is dropped before decoding, with a warning.
MAX_BODY_BYTES = 1024 * 1024
# A plain part shorter than this, beside an HTML part this many times longer, is a stub some
# mailers put there ("Your mail client cannot show HTML"); the HTML part is the message.
PLAIN_STUB_CHARS = 200
STUB_RATIO = 5
_MESSAGE_ID_MAX = 900
# Threading headers: how much of one is read, and how many References are kept (the newest;
# a long thread's oldest ids add nothing a nearer one does not).
_THREAD_HEADER_MAX = 20_000
_MAX_REFERENCES = 30
_THREAD_ID = re.compile(r"<[^<>\s]{1,900}>")
# The stored key's column width (Email.message_key).
_KEY_MAX = 255
# Headers added or rewritten on each delivery; left out of the content hash so the same
# message fetched from two folders or two servers hashes the same.
_VOLATILE_HEADERS = {
    "received", "delivered-to", "return-path", "envelope-to", "x-original-to", "status",
    "authentication-results", "received-spf", "arc-seal", "arc-message-signature",
    "arc-authentication-results", "content-length", "lines",
}
_FALLBACK_CHARSETS = ("utf-8", "cp1252")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile(r"\n|\r")  # what the default policy removes when unfolding

# Header values in these shapes read the same under the default policy as they are written:
# an RFC 2045 token (no "*" or "'", which mean RFC 2231), parameters whose names are plain and
# whose values are tokens or quoted strings without escapes, and nothing non-ASCII. (Anything
# containing "=?" is excluded separately: the default policy decodes encoded words everywhere.)
_TOKEN = r"[!#$%&+.^_`|~0-9A-Za-z-]+"
_PARAMETERS = (r"(?:[ \t]*;[ \t]*[!#$&+.^_`|~0-9A-Za-z-]+=(?:" + _TOKEN
               + r'|"[\t !#-\[\]-~]*"))*[ \t]*')
_PLAIN_MIME_VALUE = {
    "content-type": re.compile(_TOKEN + "/" + _TOKEN + _PARAMETERS),
    "content-disposition": re.compile(_TOKEN + _PARAMETERS),
    "content-transfer-encoding": re.compile(_TOKEN),
}
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_ADDR_SPEC = rf"{_ATEXT}(?:\.{_ATEXT})*@{_ATEXT}(?:\.{_ATEXT})*"
_PLAIN_MESSAGE_ID = re.compile(rf"<{_ADDR_SPEC}>")
# "addr@example.com", "Display Name <addr@example.com>" or "\"Display Name\" <addr@example.com>".
_PLAIN_ADDRESS = re.compile(
    rf"[ \t]*(?:(?P<bare>{_ADDR_SPEC})|(?:(?P<phrase>{_ATEXT}(?:[ \t]+{_ATEXT})*)"
    rf'|"(?P<quoted>[\t !#-\[\]-~]*)")?[ \t]*<(?P<angle>{_ADDR_SPEC})>)[ \t]*')
# An RFC 2047 encoded word the default policy's parsers take whole, as one token: no language
# tag, and encoded text of the characters RFC 2047 allows in a phrase (a text that starts with
# "=" must start with "=XX", or the parser splits it elsewhere).
_ENCODED_WORD = re.compile(r"=\?[A-Za-z0-9_.:+-]+\?[QqBb]\?(?:=[0-9A-Fa-f]{2}|[A-Za-z0-9!*+/_.-])"
                           r"[A-Za-z0-9!*+/=_.-]*\?=")
_BLANKS = re.compile(r"([ \t]+)")
# Display names made of encoded words and atoms, e.g. "=?utf-8?q?Jos=C3=A9?= Chen <j@example.com>".
_ENCODED_ADDRESS = re.compile(
    rf"[ \t]*(?P<phrase>[!-;=?-~]+(?:[ \t]+[!-;=?-~]+)*)[ \t]*<(?P<angle>{_ADDR_SPEC})>[ \t]*")
_ATOM = re.compile(_ATEXT)


@lru_cache(maxsize=64)
def _default_header_class(name: str) -> type:
    """The class `email.policy.default` makes for header `name` (it builds a new one per call)."""
    return email.policy.default.header_factory[name]


def _default_header(name: str, value: str) -> str:
    """The header object `email.policy.default` gives for an unfolded value; may raise."""
    return _default_header_class(name.lower())(name, value)


def _unfold(value: str) -> str:
    if "\n" in value or "\r" in value:
        return "".join(_LINE_BREAK.split(value))
    return value


class _FastPolicy(email.policy.Compat32):
    """compat32 parsing (fast), with header values as `email.policy.default` reads them (the
    `Message` methods see exactly what they would see under that policy)."""

    # Lenient: a value the default policy's parser raises on is read as written instead.
    lenient = False

    def header_fetch_parse(self, name: str, value: str) -> str:
        value = _unfold(value)
        plain = _PLAIN_MIME_VALUE.get(name.lower())
        if plain is not None and "=?" not in value and plain.fullmatch(value):
            return value
        if not self.lenient:
            return _default_header(name, value)
        try:
            return _default_header(name, value)
        except Exception:
            return value


_POLICY = _FastPolicy()
_LENIENT_POLICY = _POLICY.clone(lenient=True)


def _parse_bytes(data: bytes) -> Message:
    try:
        return parse_with_runs_folded(BytesParser(policy=_POLICY).parsebytes, data)
    except RecursionError:  # parts nested absurdly deep: being lenient would not help
        raise
    except Exception:  # a header that makes the default policy's parser raise mid-structure
        return parse_with_runs_folded(BytesParser(policy=_LENIENT_POLICY).parsebytes, data)


def _raw_headers(msg: Message) -> dict[str, str]:
    """The first value of each top-level header as sent (folded, 8-bit bytes as surrogates)."""
    headers: dict[str, str] = {}
    for name, value in msg.raw_items():
        headers.setdefault(name.lower(), value)
    return headers


def parse_message(raw: bytes) -> ParsedMessage:
    """Parse `raw` into the fields the pipeline needs; never raises."""
    raw = bytes(raw)
    try:
        return _parse_message(raw)
    except Exception as exc:  # e.g. RecursionError on absurdly nested parts: keep the message
        return ParsedMessage(
            message_key=message_key(raw, ""), message_id="", from_address="", from_name="",
            to_address="", subject="", body_text="", received_at=None,
            parse_warnings=[f"The message could not be parsed ({type(exc).__name__})."])


def _parse_message(raw: bytes) -> ParsedMessage:
    warnings: list[str] = []
    if not raw.strip():
        warnings.append("The message is empty.")
    msg = _parse_bytes(raw)
    headers = _raw_headers(msg)
    _note_defects(msg, warnings)
    message_id = _message_id(_header(headers, "Message-ID", warnings))
    from_name, from_address = _address(headers, "From", warnings)
    _, to_address = _address(headers, "To", warnings)
    collected = _Collected()
    _collect_parts(msg, collected, warnings, depth=0)
    body_text, body_format = collected.body()
    return ParsedMessage(
        message_key=message_key(raw, message_id),
        message_id=message_id,
        from_address=from_address,
        from_name=from_name,
        to_address=to_address,
        subject=_one_line(_header(headers, "Subject", warnings)),
        body_text=body_text,
        body_format=body_format,
        received_at=_date(_raw_header(headers, "Date"), warnings),
        attachments=collected.attachments,
        in_reply_to=next(iter(thread_ids(_raw_header(headers, "In-Reply-To"))), ""),
        references=thread_ids(_raw_header(headers, "References"))[-_MAX_REFERENCES:],
        parse_warnings=_dedupe(warnings)[:_MAX_WARNINGS],
    )


def thread_ids(value: str) -> list[str]:
    """The normalised Message-IDs in an In-Reply-To or References header, in order; anything
    else in the header (comments, stray words) is ignored. One linear scan of a bounded text."""
    found = []
    for bracketed in _THREAD_ID.findall(value[:_THREAD_HEADER_MAX]):
        normalised = normalise_message_id(bracketed)
        if normalised and normalised not in found:
            found.append(normalised)
    return found


def message_key(raw: bytes, message_id: str) -> str:
    """"mid:<normalised Message-ID>" when it is usable, else "sha256:<hash of stable content>"."""
    normalised = normalise_message_id(message_id)
    if normalised and len(normalised) <= _KEY_MAX - len("mid:"):
        return f"mid:{normalised}"
    if normalised:  # a long but usable Message-ID still identifies the message; hash it to fit
        return f"mid:sha256:{hashlib.sha256(normalised.encode()).hexdigest()}"
    return f"sha256:{hashlib.sha256(_stable_content(bytes(raw))).hexdigest()}"


def normalise_message_id(message_id: str) -> str:
    """The Message-ID without brackets or whitespace, domain lower-cased; "" when not sane."""
    value = re.sub(r"\s+", "", message_id or "").strip("<>")
    if not value or len(value) >= _MESSAGE_ID_MAX or not value.isascii() or not value.isprintable():
        return ""
    if "<" in value or ">" in value:
        return ""
    local, at, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}" if at else value


# --- headers -------------------------------------------------------------------------------


def _header(headers: dict[str, str], name: str, warnings: list[str]) -> str:
    """The decoded header; a header the strict parser cannot read is decoded leniently."""
    raw = headers.get(name.lower())
    if raw is None:
        return ""
    value = _unfold(raw)
    text = _plain_header_text(name, value)
    if text is None:
        try:
            text = _clean_text(str(_default_header(name, value)))
        except Exception as exc:  # the modern header parser raises on some broken values
            warnings.append(
                f"The {name} header is malformed ({type(exc).__name__}); read leniently.")
            return _decode_words(_raw_header(headers, name))
    if "\ufffd" in text:
        # Raw 8-bit bytes (not RFC 2047) in the header: guess their charset instead.
        return _decode_words(_raw_header(headers, name))
    return text


def _plain_header_text(name: str, value: str) -> str | None:
    """What the default policy reads from an unfolded Subject or Message-ID, when that is
    plain to see; None when only its header class can tell."""
    if name == "Subject":  # unstructured: only encoded words and 8-bit bytes are decoded
        if "=?" in value:
            return _unstructured_with_encoded_words(value)
        return _sanitize(value)
    if name == "Message-ID" and "=?" not in value and _PLAIN_MESSAGE_ID.fullmatch(value):
        return value
    return None


def _sanitize(value: str) -> str:
    """As the default policy's headers do: 8-bit bytes (surrogates here) are read as UTF-8,
    what is not UTF-8 becomes U+FFFD."""
    if value.isascii():
        return value
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _words(value: str) -> list[str] | None:
    """`value` split into words and the blanks between them (words at even indexes), when it
    is printable ASCII and every word with "=?" in it is a whole encoded word; else None."""
    if not value.isascii() or not value.replace("\t", " ").isprintable():
        return None
    pieces = _BLANKS.split(value)
    for word in pieces[::2]:
        if "=?" in word and not _ENCODED_WORD.fullmatch(word):
            return None
    return pieces


def _decode_word(word: str) -> str:
    """One encoded word, decoded as the default policy does; raises where its parser gives up
    on the word (then only that parser can say what it makes of the rest)."""
    return _encoded_words.decode(word)[0]


def _unstructured_with_encoded_words(value: str) -> str | None:
    """An unstructured header (Subject) as the default policy decodes it: encoded words
    decoded, the blanks between two encoded words dropped, everything else kept."""
    pieces = _words(value)
    if pieces is None:
        return None
    out = []
    previous_encoded = False
    for i in range(0, len(pieces), 2):
        word = pieces[i]
        encoded = bool(word) and _ENCODED_WORD.fullmatch(word) is not None
        if i and not (encoded and previous_encoded):
            out.append(pieces[i - 1])
        if encoded:
            try:
                word = _decode_word(word)
            except Exception:  # the default policy's parser decides
                return None
        out.append(word)
        previous_encoded = encoded
    return _sanitize("".join(out))


def _encoded_display_name(value: str) -> tuple[str, str] | None:
    """(display name, address) for "<words> <addr>" where the words are atoms and encoded
    words, as the default policy reads it; None for any other shape."""
    match = _ENCODED_ADDRESS.fullmatch(value)
    if not match or "=?" in match.group("angle"):  # it decodes encoded words there too
        return None
    pieces = _words(match.group("phrase"))
    if pieces is None:
        return None
    words = []
    for word in pieces[::2]:
        if _ENCODED_WORD.fullmatch(word):
            try:
                words.append(_decode_word(word))
            except Exception:  # the default policy's parser decides
                return None
        elif _ATOM.fullmatch(word):
            words.append(word)
        else:
            return None
    display = " ".join(words)
    if "\r" in display or "\n" in display:  # the default policy's Address refuses these
        return None
    return display, match.group("angle")


def _raw_header(headers: dict[str, str], name: str) -> str:
    value = headers.get(name.lower())
    return "" if value is None else _clean_text(value)


def _decode_words(value: str) -> str:
    """Decode RFC 2047 encoded words without failing on unknown charsets."""
    try:
        parts = decode_header(value)
    except Exception:
        return _clean_text(value)
    out = []
    for chunk, charset in parts:
        if isinstance(chunk, str):
            out.append(chunk)
        elif charset is None:  # text between encoded words comes back escaped like this
            out.append(chunk.decode("raw-unicode-escape", errors="replace"))
        else:
            out.append(_decode_bytes(chunk, charset)[0])
    return _clean_text("".join(out))


def _address(headers: dict[str, str], name: str, warnings: list[str]) -> tuple[str, str]:
    """(display name, address) of the first address in header `name`."""
    value = headers.get(name.lower())
    if value is not None:
        value = _unfold(value)
        plain = _PLAIN_ADDRESS.fullmatch(value) if "=?" not in value else None
        if plain:  # read as the default policy would, without its (slow) parser
            display = plain.group("phrase") or plain.group("quoted") or ""
            return _one_line(display), plain.group("bare") or plain.group("angle")
        encoded = _encoded_display_name(value) if "=?" in value else None
        if encoded:
            return _one_line(_clean_text(encoded[0])), encoded[1]
        try:
            addresses = _default_header(name, value).addresses
            if addresses:
                first = addresses[0]
                address = _valid_address(_clean_text(first.addr_spec))
                if address:
                    return _one_line(_clean_text(first.display_name)), address
        except Exception as exc:
            warnings.append(
                f"The {name} header is malformed ({type(exc).__name__}); read leniently.")
    raw = _raw_header(headers, name)
    if not raw:
        return "", ""
    display, address = email.utils.parseaddr(raw)
    address = _valid_address(address)
    if not address:
        warnings.append(f"The {name} header has no readable address: {raw[:80]!r}.")
    return _one_line(_decode_words(display)), address


def _valid_address(address: str) -> str:
    address = address.strip()
    local, at, domain = address.rpartition("@")
    if not (local and at and domain and address.isprintable()):
        return ""
    if re.search(r"[\s<>()\[\],;:\\\"]", domain):
        return ""
    return address


def _message_id(value: str) -> str:
    value = value.strip()
    bracketed = re.search(r"<[^<>\s]*>", value)
    return bracketed.group(0) if bracketed else re.sub(r"\s+", "", value)


def _date(value: str, warnings: list[str]) -> datetime | None:
    if not value.strip():
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        parsed = None
    if parsed is None or not 1970 <= parsed.year <= 2200:
        warnings.append(f"The Date header could not be read: {value[:80]!r}.")
        return None
    if parsed.tzinfo is None:  # "-0000": the sender did not know its zone; UTC is the convention
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _note_defects(msg: Message, warnings: list[str]) -> None:
    names = {type(defect).__name__ for part in _safe_walk(msg) for defect in part.defects}
    for name in sorted(names):
        readable = re.sub(r"(?<!^)(?=[A-Z])", " ", name.removesuffix("Defect")).lower()
        warnings.append(f"Malformed message structure: {readable}.")


def _safe_walk(msg: Message) -> list[Message]:
    try:
        return list(msg.walk())[:_MAX_PARTS]
    except Exception:
        return [msg]


# --- parts ---------------------------------------------------------------------------------


class _Collected:
    """Body text candidates and attachments found while walking the MIME tree."""

    def __init__(self) -> None:
        self.plain: list[str] = []
        self.html: list[str] = []  # as sent: converted only when there is no plain text
        self.forwarded: list[str] = []
        self.attachments: list[ParsedAttachment] = []
        self.parts_seen = 0
        # Text bytes still allowed (MAX_BODY_BYTES), shared with forwarded messages.
        self.text_budget = MAX_BODY_BYTES

    def body_text(self) -> str:
        return self.body()[0]

    def body(self) -> tuple[str, str]:
        """(body text, "text" | "html" | "" for none): the plain part, or the HTML converted
        when there is no plain part or it is only a stub ("This message is in HTML")."""
        own = "\n\n".join(t for t in self.plain if t)
        body_format = "text" if own else ""
        if self.html and len(own) < PLAIN_STUB_CHARS:
            html = "\n\n".join(t for t in map(html_to_text, self.html) if t)
            if html and (not own or len(html) >= STUB_RATIO * len(own)):
                own, body_format = html, "html"
        text = "\n\n".join(t for t in [own, *self.forwarded] if t).strip()
        return text, body_format if text else ""


def _collect_parts(part: Message, out: _Collected, warnings: list[str], depth: int) -> None:
    out.parts_seen += 1
    if out.parts_seen > _MAX_PARTS:
        if out.parts_seen == _MAX_PARTS + 1:
            warnings.append(f"The message has more than {_MAX_PARTS} parts; the rest were skipped.")
        return
    content_type = _content_type(part)
    if content_type == "message/rfc822":
        _collect_forwarded(part, out, warnings, depth)
    elif part.is_multipart():
        for sub in _subparts(part):
            _collect_parts(sub, out, warnings, depth)
    elif _is_attachment(part, content_type):
        _add_attachment(part, content_type, out, warnings)
    elif content_type == "text/plain":
        out.plain.append(_normalise_text(_part_text(part, out, warnings)))
    elif content_type == "text/html":
        out.html.append(_part_text(part, out, warnings))


def _collect_forwarded(part: Message, out: _Collected, warnings: list[str], depth: int) -> None:
    """A forwarded message: its text follows the outer body, its attachments count as ours."""
    inner = _subparts(part)
    if not inner or not isinstance(inner[0], Message):
        return
    if depth >= _MAX_NESTING:
        warnings.append("Forwarded messages are nested too deeply; the innermost were skipped.")
        return
    forwarded = _decode_forwarded(part, inner[0])
    nested = _Collected()
    nested.parts_seen, nested.text_budget = out.parts_seen, out.text_budget
    _collect_parts(forwarded, nested, warnings, depth + 1)
    out.parts_seen, out.text_budget = nested.parts_seen, nested.text_budget
    heading = _forward_heading(forwarded)
    text = nested.body_text()
    out.forwarded.append(f"{heading}\n{text}" if text else heading)
    out.attachments.extend(nested.attachments)


def _decode_forwarded(part: Message, inner: Message) -> Message:
    """Some mailers base64-encode a forwarded message (RFC 2046 forbids it); undo that."""
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    if encoding not in ("base64", "quoted-printable"):
        return inner
    try:
        encoded = inner.as_bytes(policy=email.policy.default)
        data = (base64.b64decode(encoded) if encoding == "base64"
                else quopri.decodestring(encoded))
        return _parse_bytes(data)
    except Exception:
        return inner


def _forward_heading(msg: Message) -> str:
    headers = _raw_headers(msg)
    fields = []
    for name in ("From", "Date", "Subject"):
        raw = headers.get(name.lower())
        try:  # as the default policy shows them (addresses and dates normalised)
            value = None if raw is None else _default_header(name, _unfold(raw))
        except Exception:
            value = None
        if value is not None:
            fields.append(f"{name}: {_one_line(_clean_text(str(value)))}")
    return "\n".join(["---------- Forwarded message ----------", *fields])


def _subparts(part: Message) -> list:
    try:
        payload = part.get_payload()
    except Exception:
        return []
    return payload if isinstance(payload, list) else []


def _content_type(part: Message) -> str:
    try:
        return part.get_content_type()
    except Exception:
        return "application/octet-stream"


def _is_attachment(part: Message, content_type: str) -> bool:
    if _filename(part) or _disposition(part) == "attachment":
        return True
    # A nameless document (a PDF resume without a filename) is still content, not body;
    # a nameless inline image is a logo or signature and is left out.
    return content_type.split("/")[0] not in ("text", "image", "multipart", "message")


def _disposition(part: Message) -> str | None:
    try:
        return part.get_content_disposition()
    except Exception:
        return None


def _filename(part: Message) -> str:
    try:
        name = part.get_filename() or ""
    except Exception:
        name = ""
    name = _clean_text(str(name))
    name = re.split(r"[\\/]", name)[-1]  # never a path from the sender
    name = "".join(ch for ch in name if ch.isprintable()).strip().lstrip(".")
    return name[:255]


def _add_attachment(part: Message, content_type: str, out: _Collected,
                    warnings: list[str]) -> None:
    name = _filename(part)
    if not name:
        extension = mimetypes.guess_extension(content_type) or ".bin"
        name = f"attachment-{len(out.attachments) + 1}{extension}"
    try:
        payload = part.get_payload(decode=True) or b""
    except Exception as exc:
        warnings.append(f"Attachment {name!r} could not be decoded ({type(exc).__name__}).")
        payload = b""
    if any("Base64" in type(d).__name__ for d in part.defects):
        warnings.append(f"Attachment {name!r} has damaged base64; its content may be incomplete.")
    out.attachments.append(ParsedAttachment(filename=name, content_type=content_type,
                                            payload=payload))


def _part_text(part: Message, out: _Collected, warnings: list[str]) -> str:
    if out.text_budget <= 0:
        _note_body_cut(warnings)
        return ""
    try:
        payload = part.get_payload(decode=True)
    except Exception as exc:
        warnings.append(f"A text part could not be decoded ({type(exc).__name__}).")
        return ""
    if payload is None:
        return ""
    cut = len(payload) > out.text_budget
    if cut:
        payload = payload[:out.text_budget]
        _note_body_cut(warnings)
    out.text_budget -= len(payload)
    try:
        charset = part.get_content_charset()
    except Exception:
        charset = None
    text, problem = _decode_bytes(payload, charset, complete=not cut)
    if problem:
        warnings.append(problem)
    return text


def _note_body_cut(warnings: list[str]) -> None:
    warnings.append(f"The message text is longer than {MAX_BODY_BYTES // 1024} KB; the "
                    "rest was not kept.")


def _decode_bytes(data: bytes, charset: str | None, *, complete: bool = True) -> tuple[str, str]:
    """Decode with the declared charset, else as resume files are decoded (`decode_text`: BOM,
    UTF-8, Western text, then a detected charset); (text, problem or "").
    `complete=False`: the bytes were cut, so a character split at the end is dropped."""
    if charset:
        try:
            return _decode(data, charset, complete), ""
        except UnicodeDecodeError:
            problem = f"The text is not valid {charset}; the text was decoded as a best guess."
        except Exception:  # LookupError, or a name no codec lookup accepts ("utf-8\0", "idna")
            problem = f"Unknown charset {charset!r}; the text was decoded as a best guess."
    else:
        problem = ""
    return _undeclared(data, complete), problem


def _undeclared(data: bytes, complete: bool) -> str:
    """Bytes of unknown charset: KOI8-R or cp1251 without a charset parameter was read as
    cp1252 and came out as "úÄÒÁ×ÓÔ×ÕÊÔÅ"; the resume reader's detection gets it right."""
    if not complete:
        try:  # a cut UTF-8 text: its split last character must not send it to detection
            return _decode(data, "utf-8", complete)
        except UnicodeDecodeError:
            pass
    try:
        return decode_text(data)
    except UnreadableFile:  # NUL bytes: not text, but whatever is readable is kept
        pass
    for fallback in _FALLBACK_CHARSETS:
        try:
            return _decode(data, fallback, complete)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")  # every byte sequence is valid latin-1


def _decode(data: bytes, charset: str, complete: bool) -> str:
    if complete:
        return data.decode(charset)
    # An incremental decoder keeps an incomplete last character back instead of failing.
    return codecs.getincrementaldecoder(charset)().decode(data, final=False)


# --- text clean-up -------------------------------------------------------------------------


def _clean_text(value: str) -> str:
    """Repair undecodable bytes the email package smuggles in as surrogates."""
    if value.isascii() or not any("\udc80" <= ch <= "\udcff" for ch in value):
        return value
    data = value.encode("utf-8", "surrogateescape")
    return _decode_bytes(data, None)[0]


def _one_line(value: str) -> str:
    return _printable(re.sub(r"\s+", " ", value)).strip()


def _printable(text: str) -> str:
    """Drop control characters (NUL cannot even be stored in PostgreSQL text)."""
    return _CONTROL_CHARS.sub("", text)


def _normalise_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _printable(text).strip("\n")


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


class _HtmlText(HTMLParser):
    """Readable text from HTML: blocks become lines, scripts and styles disappear."""

    _SKIP = {"script", "style", "head", "title", "noscript", "template", "svg"}
    _BLOCK = {"p", "div", "tr", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
              "blockquote", "section", "article", "header", "footer", "pre", "hr", "address",
              "form", "dl", "dt", "dd", "center"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.skipping = 0
        self.in_pre = 0
        self.link: str | None = None
        self.link_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag == "br":
            self.chunks.append("\n")
        elif tag == "li":
            self.chunks.append("\n- ")
        elif tag in ("td", "th"):
            self.chunks.append(" ")
        elif tag in self._BLOCK:
            self.chunks.append("\n\n" if tag in ("p", "h1", "h2", "h3", "table") else "\n")
        if tag == "pre":
            self.in_pre += 1
        if tag == "a":
            self.link = dict(attrs).get("href") or None
            self.link_text = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self._SKIP:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCK:
            self.chunks.append("\n\n" if tag in ("p", "h1", "h2", "h3", "table") else "\n")
        if tag == "pre":
            self.in_pre = max(0, self.in_pre - 1)
        if tag == "a" and self.link:
            # Keep a link's target when its text hides it (a portfolio or profile URL).
            shown = "".join(self.link_text)
            if self.link.startswith(("http://", "https://")) and self.link not in shown:
                self.chunks.append(f" <{self.link}>")
            self.link = None

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if not self.in_pre:
            data = re.sub(r"\s+", " ", data)
        self.chunks.append(data)
        if self.link:
            self.link_text.append(data)

    def text(self) -> str:
        text = "".join(self.chunks).replace("\xa0", " ")
        lines = [line.strip() for line in text.split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# A "<" with no ">" before the next "<" opens no tag: it is text. The standard parser re-reads
# the rest of the body at each one (40,000 characters of "<a <a ..." took 99 s), so they are
# written as "&lt;" first, which it reads back as the same "<" in the text.
_STRAY_LESS_THAN = re.compile(r"<(?![^<>]*>)")


def html_to_text(html: str) -> str:
    """Readable plain text from an HTML body."""
    parser = _HtmlText()
    html = _STRAY_LESS_THAN.sub("&lt;", html)
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # the stdlib parser is lenient, but a fallback costs nothing
        stripped = re.sub(r"(?is)<(script|style)\b.*?</\1>|<[^>]+>", " ", html)
        return _one_line(unescape(stripped))
    return _printable(parser.text())


# --- the content hash ----------------------------------------------------------------------


def _stable_content(raw: bytes) -> bytes:
    """The message without per-delivery headers and with normalised line endings."""
    data = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    head, sep, body = data.partition(b"\n\n")
    if not sep and not re.match(rb"[!-9;-~]+:", head):
        return data.rstrip(b"\n")  # no header block at all: hash the whole thing
    kept = [field for field in _header_fields(head) if not _is_volatile(field)]
    return b"\n".join(kept) + b"\n\n" + body.rstrip(b"\n")


def _header_fields(head: bytes) -> list[bytes]:
    """Header fields with their folded continuation lines joined."""
    fields: list[bytes] = []
    for line in head.split(b"\n"):
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1] += b"\n" + line
        elif line:
            fields.append(line)
    return fields


def _is_volatile(field: bytes) -> bool:
    name = field.split(b":", 1)[0].strip().lower().decode("ascii", "replace")
    return name in _VOLATILE_HEADERS or name.startswith("x-")
