"""Threading headers come from strangers: read in bounded, linear time, normalised, and never
more than the newest 30 References."""

from __future__ import annotations

from hireops.services.mail.parsing import parse_message, thread_ids
from tests.fakes.mail_factory import build_email
from tests.linear_time import assert_linear


def _message(headers: dict[str, str]) -> bytes:
    return build_email(sender="a@example.test", subject="Re: hello", body="Hi",
                       extra_headers=headers)


def test_in_reply_to_and_references_are_normalised_and_bounded():
    references = " ".join(f"<id-{i}@Mail.Example>" for i in range(200))
    parsed = parse_message(_message({"In-Reply-To": "(comment) <ABC@Example.COM> junk",
                                     "References": references}))
    assert parsed.in_reply_to == "ABC@example.com"
    assert len(parsed.references) == 30
    assert parsed.references[-1] == "id-199@mail.example"


def test_hostile_threading_headers_take_linear_time():
    for text in ("<" * 200_000, "<" + "a" * 200_000, "<a" * 100_000, "<a@b> " * 40_000):
        assert len(thread_ids(text)) <= 20_000 // 5
        # Within the 20,000 characters read: beyond them every header costs the same.
        assert_linear(thread_ids, text[:1_250], text[:20_000])
    assert thread_ids("<a@b>\r\nBcc: x@y <c@d>") == ["a@b", "c@d"]
