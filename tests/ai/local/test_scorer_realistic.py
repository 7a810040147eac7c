"""The local resume scorer on realistic resumes outside engineering and nursing.

Each case asks what a recruiter would check: is the quoted sentence the one that proves the
skill, are the gaps the skills really missing, does a screening question chase a gap, and do
scores order candidates sensibly. Scores are checked with ranges and ordering, never exact values.
"""

from __future__ import annotations

from datetime import date

import pytest

from hireops.services.ai.local.resume_scorer import evidence_points, score_resume
from hireops.services.ai.schemas import JobInput, ResumeScore

TODAY = date(2026, 11, 21)


def _score(job: JobInput, resume: str) -> ResumeScore:
    return score_resume(job, resume, today=TODAY)


def _evidence(result: ResumeScore) -> dict[str, str]:
    return {e.skill: e.resume_evidence for e in result.match.evidence}


# --- sales: Account Executive ----------------------------------------------------------

AE_JOB = JobInput(
    title="Account Executive",
    must_have_skills=["Salesforce", "Pipeline management", "Quota", "Negotiation", "MEDDIC"],
    nice_to_have_skills=["Cold calling", "SaaS sales", "Gong"],
    responsibilities=["Own the full sales cycle from discovery to signature",
                      "Build and manage a pipeline of mid-market accounts"],
)

AE_RESUME = """Daniel Okafor
Account Executive | Chicago, IL | daniel.okafor@example.com

SUMMARY
Mid-market SaaS seller who likes long, multi-stakeholder deals.

EXPERIENCE
Account Executive, Ledgerly — Mar 2022 – Present
- Closed $1.4M in new ARR in FY2025, finishing at 124% of quota.
- Owned a $3M sales pipeline of 60+ opportunities in Salesforce and kept forecasts within 5%.
- Negotiated multi-year contracts with procurement and legal teams, holding discounts under 12%.
- Ran discovery calls and product demos for CFOs at companies with 200-2,000 employees.

Sales Development Representative, Brightcall — Jun 2019 – Feb 2022
- Booked 25 qualified meetings a month through cold calls and LinkedIn Sales Navigator.
- Logged every touchpoint in HubSpot and handed qualified leads to the closing team.

EDUCATION
B.A. Communications, University of Illinois — 2015 - 2019

SKILLS
Salesforce, HubSpot, Gong, Sales Navigator, negotiation, forecasting
"""


def test_account_executive_evidence_quotes_the_proving_lines():
    result = _score(AE_JOB, AE_RESUME)
    evidence = _evidence(result)
    assert evidence["Quota"] == "Closed $1.4M in new ARR in FY2025, finishing at 124% of quota."
    assert evidence["Salesforce"].startswith("Owned a $3M sales pipeline of 60+ opportunities")
    assert evidence["Pipeline management"] == evidence["Salesforce"]
    assert evidence["Negotiation"].startswith("Negotiated multi-year contracts")
    assert evidence["Cold calling"].startswith("Booked 25 qualified meetings a month through cold calls")
    # Described work is quoted rather than the skills list, which names Salesforce too.
    assert not evidence["Salesforce"].startswith("Salesforce, HubSpot")
    # Gong only appears in the skills list: that line is the only proof there is.
    assert evidence["Gong"].startswith("Salesforce, HubSpot, Gong")
    importance = {e.skill: e.importance for e in result.match.evidence}
    assert importance["Cold calling"] == importance["Gong"] == "nice_to_have"
    assert importance["Quota"] == importance["Negotiation"] == "must_have"
    # Every quoted sentence is really in the resume.
    assert all(e.resume_evidence in AE_RESUME for e in result.match.evidence)


def test_account_executive_missing_must_have_is_a_gap_and_a_question():
    result = _score(AE_JOB, AE_RESUME)
    assert result.match.gaps == ["MEDDIC"]
    assert "MEDDIC" not in _evidence(result)
    assert "MEDDIC" in result.screening_questions[0]
    assert result.candidate_summary.name == "Daniel Okafor"
    assert result.candidate_summary.current_title == "Account Executive"
    # Jun 2019 - Nov 2026 across two roles; the 2015-2019 degree is not work.
    assert 7.0 <= result.candidate_summary.years_experience_est <= 7.6
    assert 70 <= result.match.score < 90
    assert result.match.recommendation in ("screen", "shortlist")


def test_account_executive_managed_a_pipeline_counts_as_pipeline_management():
    resume = AE_RESUME.replace("Owned a $3M sales pipeline of 60+ opportunities",
                               "Managed a pipeline of 60+ opportunities")
    result = _score(AE_JOB, resume)
    assert "Pipeline management" not in result.match.gaps
    assert _evidence(result)["Pipeline management"].startswith("Managed a pipeline")


# --- design: Product Designer ----------------------------------------------------------

DESIGN_JOB = JobInput(
    title="Product Designer",
    must_have_skills=["Figma", "User research", "Prototyping", "Design systems", "Accessibility"],
    nice_to_have_skills=["Usability testing", "Motion design", "HTML/CSS"],
    responsibilities=["Own end-to-end design for our mobile app"],
)

DESIGNER_RESUME = """Priya Raman
Senior Product Designer — Amsterdam, NL

EXPERIENCE
Senior Product Designer, Travelnest — Apr 2021 – Present
- Led the redesign of the booking flow in Figma, lifting checkout conversion by 9%.
- Ran 30+ user interviews and two diary studies to understand how families plan trips.
- Built high-fidelity prototypes and tested them with 40 users before each release.
- Created and maintained the Compass design system: 120 components used by 6 product teams.

Product Designer, Finly — Sep 2018 – Mar 2021
- Designed onboarding screens for a budgeting app in Sketch and handed off specs to developers.
- Produced wireframes and user flows for the savings goals feature.

EDUCATION
BA Interaction Design, Design Academy Eindhoven — 2014 - 2018

SKILLS
Figma, Sketch, Adobe XD, Miro, HTML/CSS basics
"""


def test_product_designer_evidence_and_gaps():
    result = _score(DESIGN_JOB, DESIGNER_RESUME)
    evidence = _evidence(result)
    assert evidence["Figma"].startswith("Led the redesign of the booking flow in Figma")
    assert evidence["User research"].startswith("Ran 30+ user interviews")
    assert evidence["Prototyping"].startswith("Built high-fidelity prototypes")
    assert evidence["Design systems"].startswith("Created and maintained the Compass design system")
    assert evidence["HTML/CSS"] == "Figma, Sketch, Adobe XD, Miro, HTML/CSS basics"
    # Accessibility is never mentioned: the one must-have gap, and the first question asks about it.
    assert result.match.gaps == ["Accessibility"]
    assert "Accessibility" in result.screening_questions[0]
    assert "Motion design" not in evidence
    assert {"Figma", "User research", "Prototyping", "Design systems"} <= set(
        result.candidate_summary.key_strengths)
    assert result.candidate_summary.current_title == "Senior Product Designer"
    # Sep 2018 - Nov 2026; the 2014-2018 degree does not count.
    assert 7.8 <= result.candidate_summary.years_experience_est <= 8.4
    # The skills alone fall short of a shortlist; the whole job (a product designer's work,
    # in a product designer's words) lifts the score.
    assert 55 <= evidence_points(DESIGN_JOB, DESIGNER_RESUME) < 80
    assert result.match.score >= evidence_points(DESIGN_JOB, DESIGNER_RESUME)
    assert result.match.recommendation != "reject"


# --- career changer: teacher into data analysis ----------------------------------------

ANALYST_JOB = JobInput(
    title="Data Analyst",
    must_have_skills=["SQL", "Python", "Tableau", "Excel", "Statistics"],
    nice_to_have_skills=["dbt", "A/B testing", "Looker"],
    responsibilities=["Build dashboards that the sales and product teams use every week"],
)

CAREER_CHANGER_RESUME = """Laura Bennett
Aspiring Data Analyst | Leeds, UK

SUMMARY
Secondary school maths teacher retraining as a data analyst after a 16-week bootcamp.

EXPERIENCE
Mathematics Teacher, Roundhay High School — Sep 2016 – Jul 2025
- Taught GCSE and A-level maths to classes of 30 students and raised pass rates from 71% to 86%.
- Analysed termly assessment results in Excel to find students who needed extra support.
- Coordinated the maths department's exam timetable for 600 students.

Data Analyst Intern, Leeds Food Bank (volunteer) — Sep 2025 – Present
- Wrote SQL queries against the donations database to forecast weekly stock levels.

EDUCATION
Data Analytics Bootcamp, Le Wagon — Jul 2025 - Sep 2025
PGCE Secondary Mathematics, University of Leeds — 2015 - 2016

PROJECTS
- Analysed 1.2M London bike-hire journeys with Python (pandas) and SQL to find demand peaks.
- Built a Tableau dashboard of UK school performance tables.
"""

STRONG_ANALYST_RESUME = """Tom Hughes
Senior Data Analyst

EXPERIENCE
Senior Data Analyst, Basketful — Feb 2020 – Present
- Built 15 Tableau dashboards used weekly by sales and product teams.
- Wrote SQL models in dbt on Snowflake that cut reporting time from 2 days to 2 hours.
- Designed and analysed 40+ A/B tests with Python (pandas, statsmodels), applying statistical analysis to pricing experiments.

Data Analyst, Citymove — Jun 2016 – Jan 2020
- Automated monthly KPI reports in Excel and Python, saving 3 days a month.
- Used statistical modelling to forecast ridership for 12 routes.

EDUCATION
BSc Mathematics, University of Bristol — 2012 - 2016
"""

ICU_NURSE_RESUME = """Grace Whitfield
Registered Nurse (ICU)

EXPERIENCE
ICU Staff Nurse, Leeds General Infirmary — Mar 2017 – Present
- Cared for two ventilated patients per shift in a 24-bed intensive care unit.
- Recorded observations and fluid balance charts on the electronic patient record.

EDUCATION
BSc Adult Nursing, University of Leeds — 2014 - 2017
"""


def test_career_changer_scores_between_strong_analyst_and_nurse():
    changer = _score(ANALYST_JOB, CAREER_CHANGER_RESUME)
    analyst = _score(ANALYST_JOB, STRONG_ANALYST_RESUME)
    nurse = _score(ANALYST_JOB, ICU_NURSE_RESUME)
    assert nurse.match.score < changer.match.score < analyst.match.score
    assert analyst.match.score >= 80 and analyst.match.recommendation == "shortlist"
    assert analyst.match.gaps == []
    assert nurse.match.score < 20 and nurse.match.recommendation == "reject"
    assert set(nurse.match.gaps) == {"SQL", "Python", "Tableau", "Excel", "Statistics"}
    # A bootcamp graduate with real SQL/Python projects is worth a screening call.
    assert changer.match.recommendation == "screen"


def test_career_changer_evidence_comes_from_projects_and_teaching():
    result = _score(ANALYST_JOB, CAREER_CHANGER_RESUME)
    evidence = _evidence(result)
    assert "bike-hire journeys with Python" in evidence["Python"]
    assert evidence["Tableau"] == "Built a Tableau dashboard of UK school performance tables."
    # Excel was used while teaching: the teaching bullet is the proof.
    assert evidence["Excel"].startswith("Analysed termly assessment results in Excel")
    assert "SQL" in evidence["SQL"]
    assert result.match.gaps == ["Statistics"]
    assert "Statistics" in result.screening_questions[0]
    assert result.candidate_summary.current_title == "Data Analyst Intern"


def test_career_changer_years_count_every_dated_role():
    result = _score(ANALYST_JOB, CAREER_CHANGER_RESUME)
    # Sep 2016 - Jul 2025 teaching plus Sep 2025 - Nov 2026 internship; bootcamp and PGCE are study.
    assert 9.6 <= result.candidate_summary.years_experience_est <= 10.4


def test_career_changer_years_with_a_neutral_employer_name():
    # The same history with the school named "Academy" is counted in full.
    resume = CAREER_CHANGER_RESUME.replace("Roundhay High School", "Roundhay Academy")
    result = _score(ANALYST_JOB, resume)
    assert 9.6 <= result.candidate_summary.years_experience_est <= 10.4


# --- a resume in French ---------------------------------------------------------------

BACKEND_JOB = JobInput(
    title="Backend Engineer",
    must_have_skills=["Python", "PostgreSQL", "Docker", "Kubernetes"],
    nice_to_have_skills=["Redis", "FastAPI"],
)

FRENCH_RESUME = """Camille Durand
Développeuse backend — Lyon, France

Expérience
Développeuse backend senior, Chez Paniers — janv. 2019 – aujourd'hui
- Conception d'une API de commandes en Python (FastAPI) qui traite 50 000 commandes par jour.
- Optimisation des requêtes PostgreSQL : temps de réponse divisé par trois.
- Mise en place de Docker et de l'intégration continue pour 12 microservices.

Développeuse web, Agence Lumière — sept. 2015 – déc. 2018
- Développement de sites PHP pour des clients du secteur culturel.

Formation
Master Informatique, Université Lyon 1 — 2013 - 2015

Compétences
Python, FastAPI, PostgreSQL, Docker, Redis, Git

Langues
Français (langue maternelle), anglais (courant)
"""


def test_french_resume_skills_with_french_evidence():
    result = _score(BACKEND_JOB, FRENCH_RESUME)
    evidence = _evidence(result)
    assert evidence["Python"].startswith("Conception d'une API de commandes en Python")
    assert evidence["PostgreSQL"].startswith("Optimisation des requêtes PostgreSQL")
    assert evidence["Docker"].startswith("Mise en place de Docker")
    # Redis only appears under "Compétences": the list line is quoted.
    assert evidence["Redis"] == "Python, FastAPI, PostgreSQL, Docker, Redis, Git"
    assert result.match.gaps == ["Kubernetes"]
    assert "Kubernetes" in result.screening_questions[0]
    assert result.candidate_summary.name == "Camille Durand"
    assert result.candidate_summary.current_title == "Développeuse backend senior"
    # sept. 2015 – aujourd'hui (Nov 2026) across two roles; the Master is not work.
    assert 10.8 <= result.candidate_summary.years_experience_est <= 11.4
    # French words meet an English job: the evidence floor (0.8 x the skills evidence) holds.
    assert 60 <= result.match.score < 85
    assert result.match.recommendation == "screen"


# --- knockouts ------------------------------------------------------------------------

KNOCKOUT_JOB = BACKEND_JOB.model_copy(
    update={"knockout_requirements": ["Authorised to work in the EU"]})

FRENCH_RESUME_NO_STATUS = FRENCH_RESUME
FRENCH_RESUME_PERMIT = FRENCH_RESUME + "Holder of a valid EU work permit (EU Blue Card).\n"
FRENCH_RESUME_SPONSOR = FRENCH_RESUME + "Note: requires visa sponsorship to work in France.\n"


def _knockout(resume: str):
    (result,) = _score(KNOCKOUT_JOB, resume).knockouts
    return result


def test_work_permit_passes_the_eu_authorisation_knockout():
    knockout = _knockout(FRENCH_RESUME_PERMIT)
    assert knockout.result == "pass"
    assert "EU work permit" in knockout.evidence


def test_silent_resume_leaves_the_knockout_unknown_and_asks():
    knockout = _knockout(FRENCH_RESUME_NO_STATUS)
    assert knockout.result == "unknown"
    questions = _score(KNOCKOUT_JOB, FRENCH_RESUME_NO_STATUS).screening_questions
    assert any("Authorised to work in the EU" in q for q in questions)


def test_visa_sponsorship_fails_the_knockout_and_rejects():
    knockout = _knockout(FRENCH_RESUME_SPONSOR)
    assert knockout.result == "fail"
    assert "requires visa sponsorship" in knockout.evidence
    result = _score(KNOCKOUT_JOB, FRENCH_RESUME_SPONSOR)
    assert result.match.recommendation == "reject"
    assert any("Knockout requirement not met: Authorised to work in the EU" in r
               for r in result.match.risks)


def test_knockouts_do_not_change_the_score():
    baseline = evidence_points(BACKEND_JOB, FRENCH_RESUME)
    for resume in (FRENCH_RESUME_NO_STATUS, FRENCH_RESUME_PERMIT, FRENCH_RESUME_SPONSOR):
        assert _score(KNOCKOUT_JOB, resume).match.score == _score(BACKEND_JOB, resume).match.score
        assert evidence_points(KNOCKOUT_JOB, resume) == baseline
    # Passing or failing changes the recommendation, not the skill match.
    assert _score(KNOCKOUT_JOB, FRENCH_RESUME_PERMIT).match.recommendation == "screen"


# --- determinism ----------------------------------------------------------------------

@pytest.mark.parametrize("job, resume", [
    (AE_JOB, AE_RESUME),
    (DESIGN_JOB, DESIGNER_RESUME),
    (ANALYST_JOB, CAREER_CHANGER_RESUME),
    (KNOCKOUT_JOB, FRENCH_RESUME_SPONSOR),
])
def test_scoring_twice_gives_identical_output(job, resume):
    first = _score(job, resume).model_dump()
    second = score_resume(job.model_copy(deep=True), "".join(resume), today=date(2026, 11, 21))
    assert first == second.model_dump()
