"""A bias check of every question an interview actually asked, for the evaluation report.

The plan is screened before the interview, but what was asked is what counts: a follow-up is
written during the interview and a voice agent phrases its own questions. So the stored turns are
screened again with the same protected-topic screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from hireops.models import InterviewTurn
from hireops.services.interviews.protected_topics import TOPIC_LABELS, screen_question

# Interviewer turns that ask something. Voice transcripts carry no kind (""), so every one of
# their interviewer turns is screened: screening a greeting costs nothing, missing a question
# phrased as a statement ("Tell me your age") would.
QUESTION_KINDS = frozenset({"question", "follow_up", "slot_question", ""})


class QuestionAudit(BaseModel):
    """One asked question and what the protected-topic screen said about it."""

    model_config = ConfigDict(frozen=True)

    seq: int  # the turn's position in the interview
    kind: str  # question | follow_up | slot_question | "" (voice)
    question_key: str  # the planned question, "" when unplanned
    text: str
    allowed: bool
    topic: str | None  # a key of TOPIC_LABELS when flagged
    topic_label: str  # readable topic, "" when allowed
    matched: str | None  # the phrase that touched the topic
    reason: str


def audit_questions(turns: Sequence[InterviewTurn]) -> list[QuestionAudit]:
    """Screen every interviewer question in `turns` (in interview order)."""
    audits = []
    for turn in turns:
        if turn.speaker != "interviewer" or (turn.kind or "") not in QUESTION_KINDS:
            continue
        if not (turn.text or "").strip():
            continue
        verdict = screen_question(turn.text)
        audits.append(QuestionAudit(
            seq=turn.seq, kind=turn.kind or "", question_key=turn.question_key or "",
            text=turn.text, allowed=verdict.allowed, topic=verdict.topic,
            topic_label=TOPIC_LABELS.get(verdict.topic or "", ""), matched=verdict.matched,
            reason=verdict.reason))
    return audits


def audit_summary(audits: Sequence[QuestionAudit]) -> str:
    """One line for a report: "8 questions asked, 0 flagged"."""
    asked, flagged = len(audits), sum(1 for a in audits if not a.allowed)
    return f"{asked} question{'' if asked == 1 else 's'} asked, {flagged} flagged"
