"""The local rubric with the interviewer's planned questions: expected points and concrete
examples count per answer; without a plan it scores exactly as before."""

from __future__ import annotations

from datetime import timedelta

from hireops.models import Evaluation, InterviewLink, InterviewTurn, utcnow
from hireops.services.ai.local.interview_evaluator import (
    MIN_WORDS_TO_JUDGE,
    REJECT_BELOW,
    evaluate_interview,
)
from hireops.services.ai.schemas import (
    InterviewInput,
    JobInput,
    PlannedQuestionInput,
    TranscriptTurn,
)
from hireops.services.interviews.evaluation_queue import interview_input, run_evaluation
from tests.factories import make_application, make_job

JOB = JobInput(title="Backend Engineer", must_have_skills=["Python", "PostgreSQL"])

QUERY = PlannedQuestionInput(
    key="data.slow_query", text="A PostgreSQL query got slow. How would you find out why?",
    expected_points=["read the query plan with EXPLAIN", "add or fix an index",
                     "measure before and after"])
INCIDENT = PlannedQuestionInput(
    key="ops.incident", text="Tell me about a production incident you handled in Python.",
    expected_points=["rollback", "root cause", "postmortem"])
QUESTIONS = [QUERY, INCIDENT]

# Covers the expected points of both questions.
STRONG = [
    ("A PostgreSQL query got slow. How would you find out why?", QUERY.key,
     "I would run EXPLAIN ANALYZE to read the plan. Last year a report query did a sequential "
     "scan on 40 million rows, so I added a composite index on customer and date. I measured "
     "it before and after: 9 seconds down to 80 ms."),
    ("Tell me about a production incident you handled in Python.", INCIDENT.key,
     "A Python release broke payments at my last job. I did a rollback within ten minutes, then "
     "found the root cause, a missing migration, and wrote the postmortem with the team."),
]
# Fluent, specific and confident, but answers other questions than the ones asked.
FLUENT = [
    ("A PostgreSQL query got slow. How would you find out why?", QUERY.key,
     "I love PostgreSQL and Python. At my last company I led a team of five engineers and we "
     "shipped a new billing product in three months, which increased revenue by 20 percent. "
     "I organised our planning and I mentored two juniors."),
    ("Tell me about a production incident you handled in Python.", INCIDENT.key,
     "In my previous role I built a Python dashboard for the sales team. It grew to 300 daily "
     "users and I improved onboarding so new hires were productive twice as fast."),
]


def transcript(rows: list[tuple[str, str, str]], keys: bool = True) -> list[TranscriptTurn]:
    turns = []
    for question, key, answer in rows:
        turns.append(TranscriptTurn(speaker="interviewer", text=question,
                                    question_key=key if keys else ""))
        turns.append(TranscriptTurn(speaker="candidate", text=answer,
                                    question_key=key if keys else ""))
    return turns


def evaluate(rows, questions=(), job: JobInput = JOB, keys: bool = True):
    return evaluate_interview(InterviewInput(job=job, transcript=transcript(rows, keys),
                                             questions=list(questions)))


def test_covering_the_expected_points_beats_a_fluent_answer_missing_them():
    strong, fluent = evaluate(STRONG, QUESTIONS), evaluate(FLUENT, QUESTIONS)
    assert strong.technical_depth > fluent.technical_depth + 25
    assert strong.score > fluent.score + 15
    assert any("looked for" in c for c in fluent.concerns)
    assert not any("looked for" in c for c in strong.concerns)
    # Without the plan the answers are still read against their questions: naming both skills
    # no longer makes the fluent answers look deeper.
    assert evaluate(FLUENT, keys=False).technical_depth < evaluate(
        STRONG, keys=False).technical_depth


def test_without_questions_the_score_is_as_before():
    for rows in (STRONG, FLUENT):
        before = evaluate(rows, keys=False)  # the input as it was before plans were passed
        assert evaluate(rows).model_dump() == before.model_dump()
    # Questions with no expected points change nothing either.
    bare = [PlannedQuestionInput(key=q.key, text=q.text) for q in QUESTIONS]
    assert evaluate(STRONG, bare).model_dump() == evaluate(STRONG).model_dump()


def test_a_follow_up_answer_counts_towards_its_question():
    first = ("A PostgreSQL query got slow. How would you find out why?", QUERY.key,
             "I would run EXPLAIN to read the plan and look for what it scans in the query.")
    follow = ("Could you give an example from your work?", QUERY.key,
              "Last year I added an index on orders and measured it before and after: "
              "from 4 seconds to 50 ms.")
    alone = evaluate([first], [QUERY])
    both = evaluate([first, follow], [QUERY])
    assert not any("looked for" in c for c in both.concerns)
    assert both.technical_depth > alone.technical_depth


def test_non_english_answers_are_checked_against_their_points():
    job = JobInput(title="Développeur backend", must_have_skills=["PostgreSQL"])
    question = PlannedQuestionInput(
        key="fr.requete", text="Une requête PostgreSQL est devenue lente : que faites-vous ?",
        expected_points=["plan d'exécution", "index", "mesurer avant et après"])
    covering = [(question.text, question.key,
                 "J'ai lu le plan d'exécution avec EXPLAIN, puis j'ai ajouté un index sur la "
                 "colonne date. J'ai mesuré avant et après : de 3 secondes à 40 ms sur "
                 "PostgreSQL, en 2023, pour la facturation de 2 millions de clients.")]
    missing = [(question.text, question.key,
                "J'aime beaucoup PostgreSQL et je travaille bien en équipe. Dans mon dernier "
                "poste j'ai dirigé un projet de facturation pendant 2 ans avec 5 collègues, "
                "et nous avons livré en avance.")]
    good, poor = evaluate(covering, [question], job), evaluate(missing, [question], job)
    assert good.technical_depth > poor.technical_depth
    assert any("looked for" in c for c in poor.concerns)


def test_a_very_short_interview_scores_low():
    rows = [(QUERY.text, QUERY.key, "Indexes."), (INCIDENT.text, INCIDENT.key, "Rollback.")]
    result = evaluate(rows, QUESTIONS)
    assert result.score < REJECT_BELOW / 2
    assert result.decision == "hold"  # too little to judge: a person looks, no auto-reject
    assert result.concerns[0].startswith("The transcript is too short to judge")
    assert sum(len(a.split()) for *_, a in rows) < MIN_WORDS_TO_JUDGE


# --- the evaluation queue ------------------------------------------------------------------

def test_evaluation_stores_signals_and_audit_beside_the_engine_result(session):
    application = make_application(
        session, job=make_job(session, must_have_skills=["Python", "PostgreSQL"]),
        resume_score=85.0)
    plan = {"questions": [{**q.model_dump(), "source": "must_have", "kind": "skill"}
                          for q in QUESTIONS]}
    link = InterviewLink(application_id=application.id, token_hash="f" * 64, status="completed",
                         expires_at=utcnow() + timedelta(days=3), plan=plan)
    session.add(link)
    session.flush()
    start = utcnow()
    for seq, (question, key, answer) in enumerate(STRONG):
        shown = start + timedelta(minutes=2 * seq)
        session.add(InterviewTurn(link_id=link.id, seq=2 * seq + 1, speaker="interviewer",
                                  kind="question", text=question, question_key=key,
                                  started_at=shown, ended_at=shown))
        session.add(InterviewTurn(link_id=link.id, seq=2 * seq + 2, speaker="candidate",
                                  kind="answer", text=answer, question_key=key,
                                  started_at=shown, ended_at=shown + timedelta(seconds=90)))
    evaluation = Evaluation(application_id=application.id, link_id=link.id, status="queued")
    session.add(evaluation)
    session.commit()

    built = interview_input(session=session, link=link)
    assert [q.key for q in built.questions] == [QUERY.key, INCIDENT.key]
    assert built.questions[0].expected_points == QUERY.expected_points
    assert [t.question_key for t in built.transcript] == [QUERY.key] * 2 + [INCIDENT.key] * 2

    done = run_evaluation(session=session, evaluation_id=evaluation.id)
    assert done.status == "ok"
    engine_alone = evaluate_interview(built)
    assert done.score == engine_alone.score == done.result["score"]
    signals = done.result["communication_signals"]
    assert signals["answers"] == 2 and signals["timed_answers"] == 2
    assert signals["total_words"] == 75
    assert signals["words_per_minute"] == 25.0  # 75 words in 180 s from question to answer
    assert signals["longest_pause_seconds"] is None
    audit = done.result["question_audit"]
    assert [(a["seq"], a["allowed"]) for a in audit] == [(1, True), (3, True)]
