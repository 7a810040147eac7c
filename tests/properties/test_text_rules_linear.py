"""Property-based: hostile text through every public reader of stranger text ends in time.

Each call gets long words, long lines without separators, 100,000-character lines, repeated
capitals and mixed scripts, built from pieces that made our rules backtrack or rescan (a rule
that is quadratic takes minutes on 100,000 characters; an exponential one, hours). Every call
runs under a deadline: a rule that stops being linear fails here in seconds, naming the call.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from hireops.models import Job
from hireops.services.ai.local import classifier, interview_evaluator, resume_scorer
from hireops.services.text import skills
from hireops.services.ai.schemas import EmailInput, InterviewInput, JobInput, TranscriptTurn
from hireops.services.candidates.profile import highlight_skills
from hireops.services.candidates.contacts import (
    name_from_address,
    normalize_email,
    normalize_phone,
    parse_contact_info,
)
from hireops.services.interviews import communication, follow_up
from hireops.services.interviews.protected_topics import screen_question
from hireops.services.mail.parsing import html_to_text, normalise_message_id, parse_message
from hireops.services.jobs.matching import match_jobs
from hireops.services.privacy.redaction import redact_resume
from hireops.services.candidates.resume_text import normalize_text, text_from_email_body
from hireops.services.candidates.resume_text.deadline import DeadlineExceeded, run_with_deadline
from hireops.services.candidates.resume_text.latex import latex_to_text
from hireops.services.outreach.slots import parse_slot
from tests.linear_time import assert_linear

# Per call, on up to 100,000 characters. The slowest linear reader (the interview evaluator)
# needs about 2 s there on a quiet machine, 4 s beside a test run of its own; the rules this
# guards against needed minutes. A call over it is timed again against a text 16 times
# shorter: the ratio, not the machine's load, decides.
LIMIT_S = 8.0
LENGTHS = (3_000, 30_000, 100_000)
# Pieces that once made a rule backtrack or rescan, and the shapes of real lines.
PIECES = (
    "a", "A", "Ab", "Abcdefghijk ", "Abcdefghijk", "ABC DEF ", "A. ", "Mr. ", "de ", "1", "1 ",
    " ", "\t", "\n", "\r\n", "A\n", "-", ".", "a.", "a@", "@a", "%a", "+1", "(1", "1-", "1 -",
    "1.", "1/", "www.", "http://", "Ab-", "A'", "Ab'Cd", "A-B", "a-", "é", "Àà", "Aé日本ДΩ",
    "<", "<a ", "<a b='", "<!--", "&#", "\\", "\\a{", "{", "$", "%", "?", ", ", ": ", "| ",
    "• ", "=?utf-8?q?", '"', "2019 - ", "2019-2020 ", "Jan 2019 ", "monday ", "at 3pm ",
    "I ", "um ", "the ", "like, ", "Python ", "Go, ", "apply for the ", "my name is ",
    "experience\n\n", "Tel: ", "Location: ", "x\u200b", "ﷺ", "😀",
)
# Latin with accents, Cyrillic, Greek, CJK, Arabic, emoji, combining and invisible marks.
MIXED_SCRIPTS = st.characters(codec="utf-8", categories=("L", "M", "N", "P", "S", "Z", "Cf"))
ENDINGS = ("", ".", ":", "@", "!", "\n", "x", "1", " experience", ",", "-", "?", ">")


@st.composite
def hostile_texts(draw) -> str:
    """A piece repeated into one long word or line, with an ending that defeats a match."""
    piece = draw(st.one_of(st.sampled_from(PIECES),
                           st.text(MIXED_SCRIPTS, min_size=1, max_size=6)))
    length = draw(st.sampled_from(LENGTHS))
    return (piece * (length // len(piece) + 1))[:length] + draw(st.sampled_from(ENDINGS))


JOB = JobInput(title="Senior Backend Engineer", must_have_skills=["Python", "Go", "SQL"],
               nice_to_have_skills=["Kubernetes"], responsibilities=["Build REST APIs"])
JOB_ROW = Job(id=1, title="Senior Backend Engineer", must_have_skills=["Python", "SQL"],
              nice_to_have_skills=["Go"], responsibilities=["Build REST APIs"],
              description="Build and run APIs.")
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)


def _email(text: str) -> EmailInput:
    return EmailInput(subject=text[:2000], from_address=text[:320], from_name=text[:200],
                      body=text, attachment_names=[text[:255]], attachment_text=text[:4000])


def _raw_message(text: str) -> bytes:
    head = text[:2000].replace("\r", " ").replace("\n", " ")
    return (f"From: {head} <{head}>\nSubject: {head}\nMessage-ID: <{head}>\n"
            f"Content-Type: text/plain; charset=utf-8\n\n{text}").encode("utf-8", "replace")


def _interview(text: str) -> InterviewInput:
    return InterviewInput(job=JOB, transcript=[
        TranscriptTurn(speaker="interviewer", text="Tell me about your Python work?"),
        TranscriptTurn(speaker="candidate", text=text)])


# Every public function that reads text a stranger wrote: a resume, a message, an answer.
READERS: dict[str, Callable[[str], object]] = {
    "contacts.parse_contact_info": lambda t: parse_contact_info(
        resume_text=t, from_name=t[:200], from_address=t[:320]),
    "contacts.normalize_email": normalize_email,
    "contacts.normalize_phone": normalize_phone,
    "contacts.name_from_address": name_from_address,
    "classifier.person_name": classifier.person_name,
    "classifier.classify_email": lambda t: classifier.classify_email(_email(t)),
    "classifier.detect_name": lambda t: classifier.detect_name(_email(t)),
    "classifier.detect_role": lambda t: classifier.detect_role(_email(t)),
    "resume_scorer.score_resume": lambda t: resume_scorer.score_resume(JOB, t),
    "resume_scorer.estimate_years_experience": resume_scorer.estimate_years_experience,
    "skills.skills_in_text": skills.skills_in_text,
    "skills.split_sentences": skills.split_sentences,
    "skills.find_skill_mentions": lambda t: skills.find_skill_mentions(t, "Python"),
    "slots.parse_slot": lambda t: parse_slot(t, now=NOW, candidate_tz="Europe/Paris"),
    "redaction.redact_resume": lambda t: redact_resume(t, names=("Maya Chen",)),
    "mail.parse_message": lambda t: parse_message(_raw_message(t)),
    "mail.html_to_text": html_to_text,
    "mail.normalise_message_id": normalise_message_id,
    # Interview questions are short; the screen tries 243 phrases at each place, so 20,000
    # characters keep it well inside the limit while still catching a rescan.
    "protected_topics.screen_question": lambda t: screen_question(t[:20_000]),
    "resume_text.normalize_text": normalize_text,
    "resume_text.text_from_email_body": text_from_email_body,
    "resume_text.latex_to_text": latex_to_text,
    "matching.match_jobs": lambda t: match_jobs(jobs=[JOB_ROW], subject=t[:2000], body=t,
                                                role_hint=t[:200], resume_text=t),
    "interview_evaluator.evaluate_interview": lambda t: interview_evaluator.evaluate_interview(
        _interview(t)),
    "interview_evaluator.detect_slots": lambda t: interview_evaluator.detect_slots(
        [TranscriptTurn(speaker="candidate", text=t)]),
    "communication.count_fillers": communication.count_fillers,
    "follow_up.has_concrete_example": follow_up.has_concrete_example,
    "follow_up.covered_points": lambda t: follow_up.covered_points(["Python services"], t),
    "candidate_profile.highlight_skills": lambda t: highlight_skills(t, ["Python", "Go"]),
}


def _line(piece: str, length: int = 100_000, ending: str = "") -> str:
    return (piece * (length // len(piece) + 1))[:length] + ending


@pytest.mark.parametrize("reader", sorted(READERS))
# No shrinking: a failing example is already a simple line, and each try of a slow rule costs
# seconds.
@settings(max_examples=6, deadline=None, database=None,
          phases=(Phase.explicit, Phase.reuse, Phase.generate),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# Lines that were measured taking minutes, tried first for every reader.
@example(text="Engineering Development Programming.")
@example(text="BRANCH CHIEF INFORMATION TECHNOLOGY SPECIALIST")
@example(text=_line("%a"))
@example(text=_line(" ", ending="x"))
@example(text=_line("a"))
@example(text=_line("\n", 30_000, "experience"))
@example(text=_line("2019 - ", 30_000))
@example(text=_line("<a ", 30_000))
@example(text=_line("Ab-", 3_000, ", France"))
@given(text=hostile_texts())
def test_every_reader_of_stranger_text_ends_in_time(reader, text):
    read = READERS[reader]
    try:
        run_with_deadline(lambda: read(text), LIMIT_S)
    except DeadlineExceeded:
        # A busy machine or a rule that is not linear. The short text keeps the ending that
        # defeats a match.
        try:
            assert_linear(read, text[: len(text) // 16] + text[-12:], text)
        except (AssertionError, pytest.fail.Exception) as slow:
            pytest.fail(f"{reader} took over {LIMIT_S} s on {len(text):,} characters "
                        f"starting {text[:40]!r}; {slow}")
