"""The built-in interviewer's question plan for realistic jobs and resumes.

Each case asks what a recruiter would check before an interview: 5-8 distinct questions, every
custom question present (or visibly replaced), the resume's gaps probed kindly, every question
carrying expected points, nothing on a protected topic, and the same plan every time.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

# The evaluator's own test for availability questions: no planned question may look like one.
from hireops.services.ai.local.availability import AVAILABILITY_QUESTION as _AVAILABILITY_QUESTION
from hireops.services.ai.local.resume_scorer import score_resume
from hireops.services.text.skills import SKILLS
from hireops.services.ai.schemas import JobInput
from hireops.services.interviews.protected_topics import screen_question
from hireops.services.interviews.question_bank import (
    FAMILIES,
    SLOT_QUESTION,
    all_bank_questions,
    questions_for_skills,
)
from hireops.services.interviews.question_plan import (
    QuestionPlan,
    build_question_plan,
    slot_question,
)

TODAY = date(2026, 11, 21)


def _plan(job: JobInput, resume_result: dict, custom: list[str] | None = None,
          **limits: int) -> QuestionPlan:
    return build_question_plan(
        job_title=job.title, must_have_skills=job.must_have_skills,
        nice_to_have_skills=job.nice_to_have_skills, responsibilities=job.responsibilities,
        custom_questions=custom or [], resume_result=resume_result, **limits)


def _scored(job: JobInput, resume: str) -> dict:
    return score_resume(job, resume, today=TODAY).model_dump()


# --- jobs and resumes --------------------------------------------------------------------

BACKEND_JOB = JobInput(
    title="Backend Engineer",
    must_have_skills=["Python, Go or Java", "REST APIs", "PostgreSQL", "Docker", "Kubernetes"],
    nice_to_have_skills=["Kafka", "Terraform"],
    responsibilities=["Design and build REST APIs for the payments platform",
                      "Own services in production, including on-call"],
    knockout_requirements=["Right to work in the UK"],
)
BACKEND_RESUME = """Elena Petrova
Backend Developer | elena.petrova@example.com

EXPERIENCE
Backend Developer, Shoply — Mar 2021 – Present
- Built the order service in Python and FastAPI, handling 2M requests a day.
- Designed PostgreSQL schemas and cut slow queries from 900 ms to 80 ms with better indexes.
- Wrote REST APIs used by the mobile team and documented them with OpenAPI.

Junior Developer, WebCo — Jan 2019 – Dec 2020
- Maintained Django apps and wrote unit tests with pytest.

SKILLS
Python, FastAPI, Django, PostgreSQL, Git, Linux
"""

SALES_JOB = JobInput(
    title="Account Executive",
    must_have_skills=["Salesforce", "Pipeline management", "Negotiation", "Prospecting",
                      "MEDDIC"],
    nice_to_have_skills=["Cold calling", "SaaS sales"],
    responsibilities=["Own the full sales cycle from discovery to signature",
                      "Build and manage a pipeline of mid-market accounts"],
)
SALES_RESUME = """Daniel Okafor
Account Executive | daniel.okafor@example.com

EXPERIENCE
Account Executive, Ledgerly — Mar 2022 – Present
- Closed $1.4M in new ARR in FY2025, finishing at 124% of quota.
- Owned a $3M sales pipeline of 60+ opportunities in Salesforce and kept forecasts within 5%.
- Negotiated multi-year contracts with procurement and legal teams.

Sales Development Representative, Brightcall — Jun 2019 – Feb 2022
- Booked 25 qualified meetings a month through cold calls and LinkedIn Sales Navigator.
"""

NURSE_JOB = JobInput(
    title="Registered Nurse",
    must_have_skills=["nursing registration", "patient care", "medication administration",
                      "infection control", "BLS", "Epic or Cerner"],
    nice_to_have_skills=["wound care", "IV therapy"],
    responsibilities=["Assess patients and plan, deliver and evaluate their care",
                      "Administer medications and treatments safely and accurately"],
)
# A hand-written scorer result, as the Mistral engine might return it: no knockouts field,
# gaps spelled as the job wrote them.
NURSE_RESULT = {
    "candidate_summary": {"name": "Aisha Khan", "years_experience_est": 6.0,
                          "current_title": "Staff Nurse",
                          "key_strengths": ["patient care", "medication administration"]},
    "match": {
        "score": 71.0, "confidence": 0.8,
        "evidence": [
            {"skill": "Patient care", "resume_evidence": "Cared for up to 8 patients per shift "
                                                         "on a 30-bed surgical ward."},
            {"skill": "Medication administration",
             "resume_evidence": "Administered IV and oral medication with double checks."},
            {"skill": "BLS", "resume_evidence": "BLS certified (renewed 2025)."},
        ],
        "gaps": ["Epic or Cerner", "infection control"],
        "risks": [], "recommendation": "screen",
    },
    "screening_questions": [
        "Which electronic health record systems have you used day to day?",
        "What would you want to achieve in your first 90 days as Registered Nurse?",
    ],
}

ACCOUNTANT_JOB = JobInput(
    title="Staff Accountant",
    must_have_skills=["Bookkeeping", "Accounts payable", "Reconciliation", "Month-end close",
                      "Excel", "IFRS or GAAP"],
    nice_to_have_skills=["NetSuite", "Xero"],
    responsibilities=["Prepare journal entries and reconciliations for the month-end close",
                      "Support the annual audit"],
)
ACCOUNTANT_RESUME = """Marta Silva
Accountant | marta.silva@example.com

EXPERIENCE
Accountant, Norrland Foods — Feb 2020 – Present
- Ran the month-end close for three entities and cut it from 8 to 5 working days.
- Reconciled 14 bank accounts every month and cleared a backlog of 300 unmatched items.
- Processed 400 supplier invoices a month in accounts payable using Xero.
- Built Excel models with pivot tables for the finance director.

Bookkeeper, Silva & Co — Jan 2016 – Dec 2019
- Kept the books for 30 small business clients.
"""

UX_JOB = JobInput(
    title="UX Designer",
    must_have_skills=["UX design", "Figma", "user research", "usability testing",
                      "design systems", "accessibility"],
    nice_to_have_skills=["HTML", "motion design"],
    responsibilities=["Lead user research and turn it into clear flows and prototypes",
                      "Work with engineers to ship accessible interfaces"],
)
UX_RESUME = """Jonas Weber
Product Designer | jonas.weber@example.com

EXPERIENCE
Product Designer, Travelio — Apr 2021 – Present
- Designed the booking flow in Figma and ran 12 usability tests that cut drop-off by 18%.
- Built and maintained our design system with 120 components shared with engineering.

UI Designer, Pixelhaus — Sep 2018 – Mar 2021
- Created interface designs and prototypes for e-commerce clients.

SKILLS
Figma, Sketch, prototyping, design systems
"""

CASES = {
    "backend": (BACKEND_JOB, lambda: _scored(BACKEND_JOB, BACKEND_RESUME),
                ["How do you approach code review in your team?"]),
    "sales": (SALES_JOB, lambda: _scored(SALES_JOB, SALES_RESUME),
              ["What is the largest deal you have closed, and what was your role in it?"]),
    "nurse": (NURSE_JOB, lambda: NURSE_RESULT,
              ["How do you handle a patient who refuses their medication?"]),
    "accountant": (ACCOUNTANT_JOB, lambda: _scored(ACCOUNTANT_JOB, ACCOUNTANT_RESUME),
                   ["Which ERP systems have you used?", "How do you prioritise at month end?"]),
    "ux": (UX_JOB, lambda: _scored(UX_JOB, UX_RESUME),
           ["Tell us about a design decision you changed after user feedback."]),
}


@pytest.fixture(params=sorted(CASES))
def case(request: pytest.FixtureRequest) -> tuple[JobInput, dict, list[str], QuestionPlan]:
    job, result, custom = CASES[request.param]
    resume_result = result()
    return job, resume_result, custom, _plan(job, resume_result, custom)


# --- every plan --------------------------------------------------------------------------

def test_plans_have_five_to_eight_unique_questions(case):
    _, _, _, plan = case
    assert 5 <= len(plan.questions) <= 8
    keys = [q.key for q in plan.questions]
    texts = [q.text.casefold() for q in plan.questions]
    assert len(set(keys)) == len(keys)
    assert len(set(texts)) == len(texts)


def test_every_custom_question_is_asked_word_for_word(case):
    _, _, custom, plan = case
    asked = [q.text for q in plan.questions if q.source == "custom"]
    assert asked == custom


def test_every_question_carries_three_to_five_expected_points(case):
    _, _, _, plan = case
    for question in plan.questions:
        assert 3 <= len(question.expected_points) <= 5, question
        assert all(p.strip() and "{" not in p for p in question.expected_points)


def test_no_planned_question_touches_a_protected_topic(case):
    _, _, _, plan = case
    assert all(screen_question(q.text).allowed for q in plan.questions)
    assert plan.screening_log == []


def test_plans_open_with_a_warm_up_and_end_with_problem_solving(case):
    job, _, _, plan = case
    assert plan.questions[0].kind == "warm_up"
    assert job.title in plan.questions[0].text
    assert plan.questions[-1].kind == "problem_solving"


def test_sections_follow_the_natural_order(case):
    _, _, _, plan = case
    order = ["general", "resume", "must_have", "gap", "screening", "custom"]
    sources = [q.source for q in plan.questions[1:-1]]
    assert sources == sorted(sources, key=order.index)


def test_gaps_are_probed_kindly_and_never_asked_as_known_skills(case):
    _, resume_result, _, plan = case
    gaps = resume_result["match"]["gaps"]
    probes = [q for q in plan.questions if q.source == "gap"]
    if gaps:
        assert probes, "a resume with gaps gets at least one gap probe"
    for probe in probes:
        assert probe.text.startswith("Your resume doesn't mention")
        assert "That's fine" in probe.text
        assert probe.skill in probe.expected_points
    skill_questions = {q.skill.casefold() for q in plan.questions if q.source == "must_have"}
    assert not skill_questions & {g.casefold() for g in gaps}


def test_skill_questions_come_from_the_bank(case):
    _, _, _, plan = case
    bank_keys = {q.key for q in all_bank_questions()}
    skill_questions = [q for q in plan.questions if q.source == "must_have"]
    assert skill_questions
    for question in skill_questions:
        assert question.bank_key in bank_keys or question.bank_key == "general.skill_experience"
        assert question.skill


def test_the_same_input_gives_the_same_plan(case):
    job, resume_result, custom, plan = case
    again = _plan(job, resume_result, custom)
    assert again.model_dump() == plan.model_dump()


def test_questions_do_not_look_like_availability_questions(case):
    # The local evaluator leaves answers to availability questions out of its rubric.
    _, _, _, plan = case
    assert not any(_AVAILABILITY_QUESTION.search(q.text) for q in plan.questions)


def test_plan_round_trips_through_json(case):
    _, _, _, plan = case
    assert QuestionPlan.model_validate_json(plan.model_dump_json()) == plan


# --- particular jobs ---------------------------------------------------------------------

def test_backend_plan_probes_the_container_gaps_and_grounds_python():
    resume_result = _scored(BACKEND_JOB, BACKEND_RESUME)
    assert resume_result["match"]["gaps"] == ["Docker", "Kubernetes"]
    plan = _plan(BACKEND_JOB, resume_result)
    by_key = {q.key: q for q in plan.questions}
    assert "gap.docker" in by_key
    # "Python, Go or Java" is asked about as the alternative the resume shows.
    python = next(q for q in plan.questions if q.source == "must_have")
    assert python.skill == "Python"
    assert "pytest and test layout" in python.expected_points
    # The scorer's own Docker/Kubernetes questions repeat the gap probes, so they are skipped;
    # the right-to-work confirmation adds something, so it is asked.
    skipped = {s.text for s in plan.skipped}
    assert any("The role asks for Docker" in text for text in skipped)
    assert any(q.text.startswith("Can you confirm this requirement: Right to work")
               for q in plan.questions)


def test_backend_problem_question_is_set_in_the_first_responsibility():
    plan = _plan(BACKEND_JOB, _scored(BACKEND_JOB, BACKEND_RESUME))
    assert plan.questions[-1].text.startswith(
        "Imagine that in your first month you need to design and build REST APIs for the "
        "payments platform")


def test_sales_plan_asks_about_pipeline_and_negotiation_from_the_sales_bank():
    plan = _plan(SALES_JOB, _scored(SALES_JOB, SALES_RESUME))
    families = {q.bank_key.split(".")[0] for q in plan.questions if q.source == "must_have"}
    assert families == {"sales"}
    assert any(q.bank_key == "sales.pipeline" and "Salesforce" in q.text
               for q in plan.questions)


def test_nurse_plan_reads_a_hand_written_result_and_probes_both_gaps():
    plan = _plan(NURSE_JOB, NURSE_RESULT, CASES["nurse"][2])
    probes = [q for q in plan.questions if q.source == "gap"]
    assert [p.skill for p in probes] == ["Epic or Cerner", "infection control"]
    skill_keys = {q.bank_key for q in plan.questions if q.source == "must_have"}
    assert skill_keys <= {"healthcare.medication", "healthcare.deteriorating_patient",
                          "healthcare.life_support", "healthcare.patient_education"}
    # The custom question is about medication, so it is grounded in the medication question.
    custom = next(q for q in plan.questions if q.source == "custom")
    assert custom.expected_points[:2] == ["the rights of medication administration",
                                          "double-checking"]


def test_nurse_first_days_question_is_not_mistaken_for_a_nursing_skill_question():
    # "... as Registered Nurse" names the job: the question is kept, with first-days points.
    first_days = "What would you want to achieve in your first 90 days as Registered Nurse?"
    plan = _plan(NURSE_JOB, {**NURSE_RESULT, "screening_questions": [first_days]})
    asked = next(q for q in plan.questions if q.text == first_days)
    assert asked.source == "screening" and asked.skill == ""
    assert asked.expected_points[0] == "learning the team and the work"


def test_accountant_skills_each_get_the_finance_question_that_fits():
    # Not scored yet: every must-have gets a question.
    plan = _plan(ACCOUNTANT_JOB, {})
    skill_questions = {q.skill: q.bank_key for q in plan.questions if q.source == "must_have"}
    assert list(skill_questions) == ACCOUNTANT_JOB.must_have_skills
    # The month-end question goes to the month-end skill, though Bookkeeping comes first.
    assert skill_questions["Month-end close"] == "finance.month_end"
    assert skill_questions["Bookkeeping"] == "finance.discrepancy"
    assert skill_questions["Excel"] == "data.spreadsheet"
    assert {key.split(".")[0] for key in skill_questions.values()} <= {"finance", "data"}


def test_accountant_custom_question_is_grounded_in_the_erp_bank_entry():
    plan = _plan(ACCOUNTANT_JOB, _scored(ACCOUNTANT_JOB, ACCOUNTANT_RESUME),
                 ["Which ERP systems have you used?"])
    erp = next(q for q in plan.questions if q.source == "custom")
    assert erp.expected_points[0] == "ERP"


def test_ux_plan_asks_about_user_research_and_figma():
    plan = _plan(UX_JOB, _scored(UX_JOB, UX_RESUME))
    keys = {q.bank_key for q in plan.questions}
    assert "design.tools_handoff" in keys or "design.process" in keys
    assert all(q.bank_key.startswith("design.") for q in plan.questions
               if q.source == "must_have")


def test_teacher_skills_outside_the_vocabulary_reach_the_teaching_bank():
    plan = build_question_plan(
        job_title="Teacher", must_have_skills=["lesson planning", "classroom management",
                                               "safeguarding"],
        nice_to_have_skills=[], responsibilities=[], custom_questions=[], resume_result={})
    keys = [q.bank_key for q in plan.questions if q.source == "must_have"]
    assert keys == ["teaching.lesson", "teaching.behaviour", "teaching.assessment"]


# --- protected topics in the plan --------------------------------------------------------

def test_a_custom_question_about_children_is_replaced_and_logged(caplog):
    custom = ["How old are your children?", "How do you keep forecasts accurate?"]
    with caplog.at_level("WARNING"):
        plan = _plan(SALES_JOB, _scored(SALES_JOB, SALES_RESUME), custom)
    assert all("children" not in q.text for q in plan.questions)
    [record] = plan.screening_log
    assert record.original == "How old are your children?"
    assert record.source == "custom" and record.topic in {"family", "age"}
    replaced = next(q for q in plan.questions if q.replaced)
    assert replaced.source == "custom" and replaced.key == "custom.1"
    assert replaced.text == record.replacement
    assert replaced.kind == "behavioural" and len(replaced.expected_points) >= 3
    assert "custom" in caplog.text and record.topic in caplog.text
    # The lawful custom question is still asked as written.
    assert any(q.text == custom[1] for q in plan.questions)


@pytest.mark.parametrize("question", [
    "Are you planning to start a family soon?",
    "¿Cuál es su religión?",
    "Wo sind Sie geboren?",
    "Avez-vous un handicap ?",
])
def test_refused_questions_in_any_language_are_swapped(question):
    plan = _plan(SALES_JOB, {}, [question])
    assert question not in [q.text for q in plan.questions]
    assert [r.original for r in plan.screening_log] == [question]


def test_two_refused_customs_get_two_different_stand_ins():
    plan = _plan(UX_JOB, {}, ["Are you married?", "What is your nationality?"])
    stand_ins = [q for q in plan.questions if q.replaced]
    assert len(stand_ins) == 2
    assert stand_ins[0].bank_key != stand_ins[1].bank_key


def test_a_job_phrase_that_would_be_unlawful_is_named_by_its_skill():
    plan = build_question_plan(
        job_title="Support Agent", must_have_skills=["Native English speaker", "Zendesk"],
        nice_to_have_skills=[], responsibilities=[], custom_questions=[], resume_result={})
    texts = " ".join(q.text for q in plan.questions)
    assert "native" not in texts.casefold()
    assert any(q.skill == "English" for q in plan.questions)


def test_lawful_work_authorisation_custom_question_is_kept():
    question = "Are you legally authorised to work in the UK?"
    plan = _plan(BACKEND_JOB, {}, [question])
    assert any(q.text == question for q in plan.questions)
    assert plan.screening_log == []


# --- sizes and edges ---------------------------------------------------------------------

def test_a_bare_job_is_topped_up_to_the_minimum():
    plan = build_question_plan(job_title="", must_have_skills=[], nice_to_have_skills=[],
                               responsibilities=[], custom_questions=[], resume_result={})
    assert len(plan.questions) == 5
    assert plan.questions[0].text.startswith("To start") and "this role" in plan.questions[0].text
    assert [q.kind for q in plan.questions[1:-1]] == ["behavioural"] * 3


def test_many_custom_questions_fill_the_plan_and_the_rest_is_recorded():
    custom = [f"Custom question number {n} about {topic}?" for n, topic in
              enumerate(["budgets", "vendors", "audits", "travel", "tools", "teams", "reports",
                         "deadlines", "clients", "training"], start=1)]
    plan = _plan(ACCOUNTANT_JOB, {}, custom)
    assert [q.text for q in plan.questions] == custom[:8]
    left = [s for s in plan.skipped if s.source == "custom"]
    assert [s.text for s in left] == custom[8:]
    assert all("limit" in s.reason for s in left)


def test_duplicate_custom_questions_are_asked_once():
    question = "How do you keep your pipeline clean?"
    plan = _plan(SALES_JOB, {}, [question, question])
    assert [q.text for q in plan.questions].count(question) == 1
    assert any(s.text == question for s in plan.skipped)


def test_a_custom_question_on_a_must_have_replaces_the_bank_question_on_it():
    plan = _plan(SALES_JOB, {}, ["Tell us how you use Salesforce every day."])
    assert not any(q.source == "must_have" and q.skill == "Salesforce" for q in plan.questions)


@pytest.mark.parametrize("limits", [{"max_questions": 5}, {"max_questions": 6, "min_questions": 6},
                                    {"max_questions": 8, "min_questions": 8}])
def test_limits_are_respected(limits):
    plan = _plan(BACKEND_JOB, _scored(BACKEND_JOB, BACKEND_RESUME), **limits)
    assert limits.get("min_questions", 5) <= len(plan.questions) <= limits["max_questions"]


def test_bad_limits_are_refused():
    with pytest.raises(ValueError):
        _plan(BACKEND_JOB, {}, max_questions=4, min_questions=5)


def test_a_malformed_resume_result_is_read_as_empty():
    plan = _plan(BACKEND_JOB, {"match": "oops", "screening_questions": "not a list"})
    assert 5 <= len(plan.questions) <= 8
    assert not any(q.source in ("gap", "screening") for q in plan.questions)


def test_the_slot_question_closes_every_plan():
    plan = _plan(BACKEND_JOB, {})
    assert plan.closing == slot_question()
    assert plan.closing.kind == "closing"
    assert "time zone" in plan.closing.text
    assert _AVAILABILITY_QUESTION.search(plan.closing.text)


# --- the bank itself ---------------------------------------------------------------------

def test_bank_keys_are_unique_and_points_are_three_to_five():
    questions = all_bank_questions()
    keys = [q.key for q in questions]
    assert len(keys) == len(set(keys))
    for question in questions:
        assert 3 <= len(question.expected_points) <= 5, question.key
        assert question.text.rstrip().endswith(("?", ".")), question.key


def test_no_bank_question_touches_a_protected_topic_or_availability():
    for question in all_bank_questions():
        filled = question.format(skill="SQL", title="Analyst", responsibility="run reports")
        assert screen_question(filled.text).allowed, question.key
        if question is not SLOT_QUESTION:
            assert not _AVAILABILITY_QUESTION.search(filled.text), question.key


def test_bank_skills_are_vocabulary_names():
    for family in FAMILIES.values():
        assert set(family.skills) <= set(SKILLS), family.key
        for question in family.questions:
            assert set(question.skills) <= set(SKILLS), question.key
            assert question.family == family.key


def test_every_family_has_questions_and_the_required_families_exist():
    required = {"programming", "data", "devops", "frontend", "testing", "security", "sales",
                "marketing", "finance", "design", "support", "project", "hr", "healthcare",
                "operations", "teaching", "leadership", "communication"}
    assert required <= set(FAMILIES)
    assert all(len(f.questions) >= 2 for f in FAMILIES.values())


@pytest.mark.parametrize(("skills", "first_key"), [
    (("PostgreSQL",), "data.sql_query"),
    (("Kubernetes",), "devops.containers"),
    (("Salesforce",), "sales.pipeline"),
    (("Figma",), "design.tools_handoff"),
    (("Medication administration",), "healthcare.medication"),
    (("Month-end close",), "finance.month_end"),
    (("Zendesk",), "support.queue"),
    (("Scrum",), "project.agile"),
    (("Recruiting",), "hr.hiring"),
    (("Mentoring",), "leadership.mentoring"),
])
def test_specific_questions_come_first(skills, first_key):
    assert questions_for_skills(skills)[0].key == first_key


def test_no_text_in_the_bank_mentions_a_placeholder_it_cannot_fill():
    for question in all_bank_questions():
        for placeholder in re.findall(r"\{(\w+)\}", question.text + " ".join(
                question.expected_points)):
            assert placeholder in {"skill", "title", "responsibility", "line"}, question.key
            # The quoted resume line is filled only in the questions made from it.
            assert placeholder != "line" or question.key.startswith("resume."), question.key
