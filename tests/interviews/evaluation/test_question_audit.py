"""The bias check of every question an interview asked."""

from __future__ import annotations

from hireops.models import InterviewTurn
from hireops.services.interviews.question_audit import audit_questions, audit_summary


def turn(seq: int, speaker: str, kind: str, text: str, key: str = "") -> InterviewTurn:
    return InterviewTurn(link_id=1, seq=seq, speaker=speaker, kind=kind, text=text,
                         question_key=key)


def test_every_question_kind_is_screened_and_the_rest_skipped():
    turns = [
        turn(1, "interviewer", "greeting", "Hello Ada, welcome."),
        turn(2, "interviewer", "question", "Tell me about a Python service you built.", "py"),
        turn(3, "candidate", "answer", "How old are you? is what my manager asked me once."),
        turn(4, "interviewer", "follow_up", "Can you give an example with numbers?", "py"),
        turn(5, "candidate", "answer", "Yes, 40% faster."),
        turn(6, "interviewer", "question", "How do you handle a race condition?", "race"),
        turn(7, "interviewer", "slot_question", "When could you meet the team next week?"),
        turn(8, "interviewer", "closing", "Thank you, that is everything."),
    ]
    audits = audit_questions(turns)
    assert [(a.seq, a.kind, a.question_key) for a in audits] == [
        (2, "question", "py"), (4, "follow_up", "py"), (6, "question", "race"),
        (7, "slot_question", "")]
    assert all(a.allowed and a.topic is None and a.topic_label == "" for a in audits)
    assert audit_summary(audits) == "4 questions asked, 0 flagged"


def test_a_protected_question_is_flagged_with_its_reason():
    audits = audit_questions([
        turn(1, "interviewer", "question", "Which databases have you tuned?"),
        turn(2, "interviewer", "follow_up", "Do you have children?"),
        turn(3, "interviewer", "question", "Quel âge avez-vous ?"),
    ])
    flagged = [a for a in audits if not a.allowed]
    assert [(a.seq, a.topic) for a in flagged] == [(2, "family"), (3, "age")]
    assert flagged[0].topic_label == "family or marital status"
    assert flagged[0].matched and "family or marital status" in flagged[0].reason
    assert audit_summary(audits) == "3 questions asked, 2 flagged"


def test_voice_turns_without_kind_are_screened():
    audits = audit_questions([
        turn(1, "interviewer", "", "Tell me your date of birth."),
        turn(2, "candidate", "", "I'd rather not."),
        turn(3, "interviewer", "", "   "),
    ])
    assert [(a.seq, a.allowed, a.topic) for a in audits] == [(1, False, "age")]
    assert audit_summary(audits) == "1 question asked, 1 flagged"


def test_no_turns():
    assert audit_questions([]) == []
    assert audit_summary([]) == "0 questions asked, 0 flagged"
