"""The evaluator reads answers, not keywords: the failures measured on real interviews.

- a strong backend interview (EXPLAIN ANALYZE, an index taking p95 from 900 to 40 ms, PgBouncer
  after an outage) advances, and "never charged twice" does not deny REST;
- one keyword paragraph pasted under every question is flagged and scores below real answers;
- communication separates one-word answers from full ones;
- "did not mention X" is not said when X was covered in other words;
- a story about "that month" or "the Monday morning meeting" gives no slot, and "3pm London"
  keeps London.
"""

from __future__ import annotations

from hireops.services.ai.local.interview_evaluator import (
    ADVANCE_AT,
    detect_slots,
    evaluate_interview,
)
from hireops.services.ai.schemas import InterviewInput, JobInput, TranscriptTurn
from tests.linear_time import assert_linear

BACKEND = JobInput(title="Backend Engineer", must_have_skills=["Python", "PostgreSQL", "REST APIs"],
                   nice_to_have_skills=["Redis"])
# Terse and specific, as the interview measured in the field: the old rules read no reasoning
# words in it, rated problem solving 22 and put it on hold, and took "never charged twice" for
# a denial of REST.
QUESTIONS = [
    "Tell me about a slow query you fixed.",
    "How did you design the payments API?",
    "Describe a production incident.",
    "How do you work with other teams?",
]
STRONG = [
    "Checkout was slow in March. EXPLAIN ANALYZE on the order lookup showed a sequential scan "
    "over 40 million rows. I added a composite index on customer_id and created_at, built "
    "concurrently, and p95 went from 900 ms to 40 ms.",
    "REST endpoints with an idempotency key on every POST, so customers were never charged "
    "twice. Versioned under /v2, stable error codes, contract tests in CI for the four teams "
    "that call it.",
    "Postgres ran out of connections at 9am and the API timed out. I scaled the workers down to "
    "stop the bleeding, then put PgBouncer in transaction mode in front of the database after "
    "the outage. No repeat in the eighteen months since.",
    "I write the API changes up before coding and ask the teams that call us to review them. "
    "When the mobile team needed bulk refunds I paired with their lead for two days and we "
    "shipped it together.",
]
PASTED = ("I am a results-driven backend engineer with 6 years of experience in Python, Django, "
          "FastAPI, PostgreSQL, Redis, Kubernetes, Docker, AWS and REST APIs. I delivered "
          "scalable microservices, improved performance by 40%, led cross-functional teams and "
          "I am passionate about clean code and best practices.")


def _interview(answers, job=BACKEND, questions=QUESTIONS, extra=()):
    turns = []
    for question, answer in [*zip(questions, answers), *extra]:
        turns += [TranscriptTurn(speaker="interviewer", text=question),
                  TranscriptTurn(speaker="candidate", text=answer)]
    return evaluate_interview(InterviewInput(job=job, transcript=turns))


def test_the_strong_backend_interview_advances_with_every_rating_earned():
    result = _interview(STRONG)
    assert result.score >= ADVANCE_AT
    assert result.decision == "advance"
    assert min(result.problem_solving, result.cultural_fit) >= 55


def test_never_charged_twice_does_not_deny_rest():
    result = _interview(STRONG)
    assert not any("lack" in concern for concern in result.concerns)
    assert "REST" not in " ".join(result.concerns)


def test_a_real_denial_is_still_read_in_its_own_clause():
    answers = ["I haven't used PostgreSQL, but I used MySQL daily for three years and I tuned "
               "its slow queries with EXPLAIN, which cut our report time from 2 s to 300 ms."]
    result = _interview(answers, questions=QUESTIONS[:1])
    assert any(c.startswith("Said they lack PostgreSQL") for c in result.concerns)
    assert not any("lack MySQL" in c for c in result.concerns)


def test_one_pasted_paragraph_is_flagged_and_scores_below_real_answers():
    pasted = _interview([PASTED] * 4)
    real = _interview(STRONG)
    assert any("same answer was given to 4 questions" in c for c in pasted.concerns)
    assert pasted.score < real.score - 40
    assert not any(s.startswith("Gave concrete results") for s in pasted.strengths)


def test_a_repeated_answer_counts_once():
    twice = _interview([STRONG[0], STRONG[0], STRONG[2], STRONG[3]])
    assert any("same answer" in c for c in twice.concerns)
    assert twice.score < _interview(STRONG).score


def test_keyword_lists_are_flagged_and_score_low():
    lists = ["PostgreSQL, MySQL, indexes, EXPLAIN, query tuning, caching, Redis, SQLAlchemy.",
             "REST, GraphQL, gRPC, OpenAPI, Swagger, JSON, Flask, FastAPI, microservices.",
             "Monitoring, Grafana, Prometheus, Datadog, PagerDuty, SLOs, on-call, Kubernetes.",
             "Teamwork, communication, collaboration, Agile, Scrum, Jira, code review, mentoring."]
    result = _interview(lists)
    assert any("keyword stuffing" in c for c in result.concerns)
    assert result.score < 30


def test_communication_is_not_full_marks_for_long_generic_answers():
    generic = ["Performance is always important and I believe you have to think about the users "
               "from the very beginning. There are many things that can make a system slow, and "
               "in general it depends on the situation and on best practices.",
               "APIs are the contract between systems, so I think it's important to design them "
               "with care. I believe consistency is key, and documentation too, because other "
               "teams need to understand things without asking all the time.",
               "Incidents happen in every company. I think the most important thing is to stay "
               "calm and communicate, and obviously to learn from it, because blame is not "
               "useful and a good culture is the key to everything in the end.",
               "I am a team player and I believe every opinion matters. At the end of the day we "
               "all want the same thing, a good product, so I try to be open minded and "
               "respectful in every situation with every colleague I meet."]
    rambling = _interview(generic)
    assert rambling.communication_rating < _interview(STRONG).communication_rating - 25
    assert rambling.score < 40


def test_communication_separates_one_word_answers_from_full_ones():
    one_word = _interview(["Indexes.", "REST.", "Rollback.", "Talked."])
    assert one_word.communication_rating < 30
    assert _interview(STRONG).communication_rating > one_word.communication_rating + 50


def test_data_cleaning_told_in_other_words_is_not_called_missing():
    job = JobInput(title="Data Scientist", must_have_skills=["Data cleaning", "Tableau"])
    answer = ("The usage table had duplicate events from a logging retry, so I deduplicated on "
              "event id first. About 12% of accounts had missing plan data; I filled the plan "
              "from billing and added a flag, and I wrote checks that fail the pipeline if row "
              "counts move by more than 5% overnight.")
    result = _interview([answer], job=job, questions=["How do you deal with messy data?"])
    assert not any("Data cleaning" in c for c in result.concerns)
    assert any("Did not mention Tableau" in c for c in result.concerns)


def test_a_story_about_that_month_gives_no_slot():
    turns = [TranscriptTurn(speaker="interviewer", text="Tell me about a release."),
             TranscriptTurn(speaker="candidate", text="It was the feature that we all shipped "
                            "that month, right after the Monday morning meeting last year.")]
    assert detect_slots(turns) == []
    assert evaluate_interview(InterviewInput(job=BACKEND, transcript=turns)).preferred_slot == ""


def test_the_availability_answer_keeps_date_and_time_zone():
    result = _interview(STRONG, extra=[("When would you be available for a follow-up call?",
                                        "Thursday 10 December at 3pm London time works.")])
    assert result.preferred_slot == "Thursday 10 December at 3pm London time works."
    assert result.scheduling_slots == ["Thursday 10 December at 3pm (London time)"]


def test_the_evaluation_keeps_the_whole_availability_answer_the_room_recorded(session):
    from datetime import timedelta

    from hireops.models import Evaluation, InterviewLink, InterviewTurn, utcnow
    from hireops.services.interviews.evaluation_queue import run_evaluation
    from tests.factories import make_application, make_job

    application = make_application(
        session, job=make_job(session, must_have_skills=["Python", "PostgreSQL"]),
        resume_score=85.0)
    said = "Thursday 10 December at 3pm London time works for me."
    link = InterviewLink(application_id=application.id, token_hash="e" * 64, status="completed",
                         expires_at=utcnow() + timedelta(days=3), preferred_slot_text=said)
    session.add(link)
    session.flush()
    rows = [*zip(QUESTIONS, STRONG), ("When would you be available for a follow-up call?", said)]
    for seq, (question, answer) in enumerate(rows):
        session.add(InterviewTurn(link_id=link.id, seq=2 * seq + 1, speaker="interviewer",
                                  kind="question", text=question))
        session.add(InterviewTurn(link_id=link.id, seq=2 * seq + 2, speaker="candidate",
                                  kind="answer", text=answer))
    evaluation = Evaluation(application_id=application.id, link_id=link.id, status="queued")
    session.add(evaluation)
    session.commit()
    done = run_evaluation(session=session, evaluation_id=evaluation.id)
    assert done.status == "ok"
    assert done.preferred_slot_text == said


def test_availability_reading_is_linear_in_a_long_run_of_spaces():
    # Two runs of spaces that traded characters once made 5,000 spaces take 2.3 s.
    def read(spaces: str) -> object:
        return detect_slots([
            TranscriptTurn(speaker="interviewer", text="When are you available?"),
            TranscriptTurn(speaker="candidate", text="Monday" + spaces + "x")])

    assert_linear(read, " " * 500, " " * 5000)


WAREHOUSE = JobInput(title="Warehouse Supervisor",
                     must_have_skills=["Inventory management", "Health and safety", "Scheduling"])
WAREHOUSE_QUESTIONS = [
    "Tell me about a stock discrepancy you investigated.",
    "How did you handle a safety incident on your shift?",
    "How do you plan the shifts when orders spike?",
    "Tell me about a conflict between two members of your team.",
]


def test_long_generic_answers_score_below_short_honest_ones():
    # Thin evidence pulls the ratings down, and filler is not evidence: counted in raw words,
    # four paragraphs of beliefs that name the topics outweighed four short answers that each
    # told of something done.
    thin = ["We were 40 pallets short at a stock count. I checked the scans and found a "
            "mislabelled bay, then fixed the labels.",
            "A picker cut his hand on strapping. I gave first aid, reported it and we bought "
            "safer cutters.",
            "Before Black Friday I asked for six temps and moved breaks so both docks stayed "
            "open.",
            "Two pickers argued over the best routes. I talked to each of them and rotated "
            "the routes weekly."]
    generic = ["Stock accuracy is very important in every warehouse, everyone knows that. "
               "Inventory is the heart of the business and I am a very organised person, so I "
               "always believe in doing things right and following the procedures properly.",
               "Safety is the most important thing on any shift, and in my opinion safety is "
               "everyone's responsibility. I always believe that a safe warehouse is a happy "
               "warehouse, and I think a good safety culture comes from the top.",
               "Shift planning depends a lot on the season and the company, of course. I think "
               "flexibility is key and I am a very flexible person, so I adapt to any situation "
               "and I always try to keep everybody motivated and positive.",
               "Conflicts happen in every team, it is human nature. I believe communication is "
               "the key to everything, and respect, because at the end of the day we are all "
               "one team working for the same goal."]
    generic_score = _interview(generic, job=WAREHOUSE, questions=WAREHOUSE_QUESTIONS).score
    assert generic_score < _interview(thin, job=WAREHOUSE, questions=WAREHOUSE_QUESTIONS).score
