"""A Maildir is read in the order its messages arrived. Delivery agents name a file
"<seconds>.M<microseconds>P<pid>Q<count>.<host>" with the microseconds not padded, so sorting
the names as text put "M99" after "M123456" within one second: a person's second mail could be
read before their first."""

from __future__ import annotations

from pathlib import Path

from hireops.services.mail.sources import MaildirSource

ARRIVALS = [
    "1765000000.M99P4242Q1.mx",          # the first, 99 microseconds into the second
    "1765000000.M123456P4242Q2.mx",
    "1765000000.M123456P4242Q10.mx",     # the same microsecond, a later count
    "1765000001.M5P4242Q11.mx",
    "1765000002.31337_12.mx",            # the older "<seconds>.<pid>_<count>" form
    "1765000003.M7P4242Q13.mx:2,S",      # seen by a mail client (in cur/, with its flags)
]


def _message(number: int) -> bytes:
    return (f"From: a@example.com\r\nSubject: message {number}\r\n"
            f"Message-ID: <m{number}@example.com>\r\n\r\nbody {number}\r\n").encode()


def test_messages_are_read_in_the_order_they_arrived(tmp_path: Path):
    for folder in ("new", "cur", "tmp"):
        (tmp_path / folder).mkdir()
    for number, name in enumerate(ARRIVALS):
        (tmp_path / ("cur" if ":2," in name else "new") / name).write_bytes(_message(number))

    subjects = [message.raw.split(b"\r\n")[1].decode()
                for message in MaildirSource(tmp_path).fetch()]

    assert subjects == [f"Subject: message {n}" for n in range(len(ARRIVALS))]


def test_names_in_no_known_form_come_last_in_name_order(tmp_path: Path):
    for folder in ("new", "cur", "tmp"):
        (tmp_path / folder).mkdir()
    for number, name in enumerate(["1765000000.M1P1Q1.mx", "hand-copied-b", "hand-copied-c"]):
        (tmp_path / "new" / name).write_bytes(_message(number))

    uids = [message.uid for message in MaildirSource(tmp_path).fetch()]

    assert uids == ["1765000000.M1P1Q1.mx", "hand-copied-b", "hand-copied-c"]
