"""The local interview evaluator: rubric ordering, thin transcripts, slot detection, drafts."""

from __future__ import annotations

import pytest

from hireops.services.ai.local.interview_evaluator import detect_slots, evaluate_interview
from hireops.services.ai.schemas import InterviewInput, JobInput, TranscriptTurn

JOB = JobInput(
    title="Senior Backend Engineer",
    must_have_skills=["Go", "PostgreSQL", "Kubernetes"],
    nice_to_have_skills=["Kafka"],
)


def _turns(*pairs: tuple[str, str]) -> list[TranscriptTurn]:
    turns = []
    for question, answer in pairs:
        turns.append(TranscriptTurn(speaker="interviewer", text=question))
        turns.append(TranscriptTurn(speaker="candidate", text=answer))
    return turns


STRONG = _turns(
    ("Tell me about a system you built recently.",
     "At my last job I built the payment ledger service in Go. It handles about 3 million "
     "transactions a day. I designed the schema in PostgreSQL with the team, and we chose "
     "append-only tables because auditors needed a full history. The trade-off was storage, so we "
     "partitioned by month, which cut query time from 900 ms to 120 ms."),
    ("How do you deploy and run it?",
     "We run everything on Kubernetes. I set up the Helm charts and the rollout strategy. First we "
     "canary 5% of traffic, then we watch error rates and latency metrics for ten minutes, and only "
     "then promote. That reduced failed deploys from about one a week to one a quarter."),
    ("Tell me about a disagreement in your team.",
     "A colleague wanted to move every event to Kafka. I listened, we wrote down the options "
     "together and measured both on our real load. In the end we used Kafka only for ledger events, "
     "and I helped him write the migration plan. The feedback from the team was good."),
    ("Great. When would you be available for a follow-up call?",
     "Tuesday at 3pm works well, or Thursday morning."),
)

WEAK = _turns(
    ("Tell me about a system you built recently.",
     "Um, I mean, like, I did some, uh, websites and stuff, you know, for a few clients, "
     "basically just pages and some forms and things like that for them."),
    ("Have you used Kubernetes?", "Not really, I haven't used Kubernetes."),
    ("How would you store payments data?",
     "Uh, I guess some kind of database, you know, like whatever the company already uses, "
     "I mean it depends, basically it would be fine I think."),
    ("How do you handle disagreements?", "I just do it my way, basically."),
    ("Any questions for us?", "Um, no, not really, I think that is all from me for now, thanks."),
)

MEDIUM = _turns(
    ("Tell me about a system you built recently.",
     "I worked on an internal reporting API in Go. It pulled data from PostgreSQL and produced the "
     "monthly revenue reports for the finance team. I wrote most of the endpoints and the tests, "
     "and a senior colleague reviewed the database design."),
    ("How do you deploy it?",
     "We had a Jenkins pipeline that built a Docker image and deployed it to a virtual machine. "
     "I have not used Kubernetes in production, only in an online course, but I understand pods "
     "and deployments."),
    ("Tell me about a hard bug.",
     "One report was very slow at month end. I looked at the query plan, saw a sequential scan on "
     "the invoices table, added an index and it became much faster. I did not measure it exactly."),
    ("How do you work with your team?",
     "We have daily stand-ups and I ask for help when I am stuck. I review pull requests from the "
     "other developer on the team."),
)


def _evaluate(transcript, job=JOB):
    return evaluate_interview(InterviewInput(job=job, transcript=transcript))


def test_strong_transcript_scores_higher_than_weak():
    strong, weak = _evaluate(STRONG), _evaluate(WEAK)
    assert strong.score > weak.score + 40
    for rating in ("technical_depth", "communication_rating", "problem_solving", "cultural_fit"):
        assert getattr(strong, rating) > getattr(weak, rating)
    assert strong.decision == "advance"
    assert weak.decision == "reject"


def test_medium_transcript_lands_in_between():
    medium = _evaluate(MEDIUM)
    assert _evaluate(WEAK).score < medium.score < _evaluate(STRONG).score
    assert medium.decision == "hold"
    assert any("Kubernetes" in concern for concern in medium.concerns)


def test_strengths_quote_the_transcript():
    strong = _evaluate(STRONG)
    assert any(s.startswith("Spoke about Go from experience") and "payment ledger" in s
               for s in strong.strengths)
    assert any("900 ms to 120 ms" in s for s in strong.strengths)
    assert any("because" in s for s in strong.strengths)


def test_weak_concerns_name_the_problems():
    concerns = " ".join(_evaluate(WEAK).concerns)
    assert "Did not mention Go, PostgreSQL" in concerns
    assert "Said they lack Kubernetes" in concerns
    assert "filler words" in concerns
    assert "Very short answer" in concerns


def test_empty_transcript_is_low_and_explained():
    result = _evaluate([])
    assert result.score == 0
    assert result.decision == "hold"  # nothing to judge: a person decides, not a rule
    assert "empty" in result.concerns[0]
    assert result.summary.count(".") == 2


def test_very_short_transcript_is_low_and_explained():
    result = _evaluate(_turns(("Hello, can you hear me?", "Yes. Hi.")))
    assert result.score < 10
    assert result.decision == "hold"
    assert result.concerns[0].startswith("The transcript is too short to judge")


def test_interviewer_only_transcript_does_not_raise():
    result = _evaluate([TranscriptTurn(speaker="interviewer", text="Hello? Are you there?")])
    assert result.score == 0 and result.strengths == []


def test_preferred_slot_from_availability_answer():
    result = _evaluate(STRONG)
    # The candidate's own sentence, whole: HR reads it and the scheduler parses it.
    assert result.preferred_slot == "Tuesday at 3pm works well, or Thursday morning."
    assert result.scheduling_slots == ["Tuesday at 3pm", "Thursday morning"]
    assert "Tuesday at 3pm" in result.email_draft


@pytest.mark.parametrize(
    ("answer", "slot"),
    [
        ("Mornings are best for me.", "Mornings"),
        ("Any weekday afternoon works.", "Any weekday afternoon"),
        ("Next Monday from 10:00 to 12:00 would be ideal.", "Next Monday from 10:00 to 12:00"),
        ("I could do March 14th at 2pm.", "March 14th at 2pm"),
        ("Fridays after 4 pm.", "Fridays after 4 pm"),
    ],
)
def test_slot_phrases(answer, slot):
    turns = _turns(("What times are you available next week?", answer))
    assert detect_slots(turns)[0] == slot


def test_slot_outside_an_availability_question_needs_a_day():
    turns = _turns(("Tell me about your routine.", "Every morning I review alerts first."),
                   ("Anything else?", "I can also talk again on Wednesday at 11am."))
    assert detect_slots(turns) == ["Wednesday at 11am"]


def test_email_draft_uses_job_title_and_decision():
    assert "Senior Backend Engineer" in _evaluate(STRONG).email_draft
    assert "next step" in _evaluate(STRONG).email_draft
    assert "not to move forward" in _evaluate(WEAK).email_draft


def test_summary_has_two_sentences():
    summary = _evaluate(STRONG).summary
    assert summary.startswith("The candidate gave 3 answers")
    assert "Go, PostgreSQL, Kubernetes" in summary


def test_evaluation_is_deterministic():
    assert _evaluate(STRONG) == _evaluate(STRONG)


OFF_TOPIC = _turns(
    ("Tell me about a system you built recently.",
     "Honestly I would rather talk about my holiday in Portugal. We rented a small house near the "
     "sea, the weather was lovely every single day and the food was excellent, especially fish."),
    ("How do you deploy and run your services?",
     "I really enjoy cooking at the weekend, mostly Italian dishes for my friends, and I have "
     "started baking bread with a sourdough starter that a neighbour gave me last spring."),
    ("Tell me about a disagreement in your team.",
     "My favourite football team lost on Sunday, which was a disappointment, but the stadium "
     "atmosphere was great and we had a nice afternoon out in the sunshine anyway."),
)


def test_off_topic_answers_score_low_with_the_skills_named_as_missing():
    off_topic = _evaluate(OFF_TOPIC)
    assert off_topic.score < _evaluate(MEDIUM).score - 15
    assert off_topic.technical_depth < 20
    assert off_topic.decision in ("reject", "hold")
    assert any("Go" in concern or "Kubernetes" in concern for concern in off_topic.concerns) \
        or "did not discuss" in off_topic.summary


def test_each_rating_is_justified_with_the_candidates_words():
    strong = _evaluate(STRONG)
    assert set(strong.justifications) == {"communication", "technical_depth", "problem_solving",
                                          "cultural_fit"}
    assert strong.justifications["technical_depth"].startswith(
        f"Rated {strong.technical_depth:g}: Discussed Go")
    assert "payment ledger" in strong.justifications["technical_depth"]
    assert "because" in strong.justifications["problem_solving"] or \
        "trade-off" in strong.justifications["problem_solving"]
    assert "colleague" in strong.justifications["cultural_fit"].lower() or \
        "together" in strong.justifications["cultural_fit"]
    weak = _evaluate(WEAK)
    assert "no reasoning" in weak.justifications["problem_solving"] or \
        weak.problem_solving > 0
    assert _evaluate([]).justifications["communication"] == "No answers to judge."
