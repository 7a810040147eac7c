"""services.ai.local.job_generator: offline job drafts from a title, and the role catalogue."""

from __future__ import annotations

import pytest

from hireops.knowledge import roles as catalog
from hireops.services.ai.local.job_generator import (
    MAX_WORDS,
    MIN_WORDS,
    generate_job_draft,
    normalise,
    read_title,
    tidy_title,
)
from hireops.services.ai.schemas import JobDraft

# One or more titles per family: (title, department, a must-have the role needs).
FAMILY_TITLES = [
    ("Backend Engineer", "Engineering", "REST APIs"),
    ("Frontend Developer", "Engineering", "JavaScript"),
    ("Full-Stack Developer", "Engineering", "HTML and CSS"),
    ("Mobile Developer", "Engineering", "Swift or Kotlin"),
    ("DevOps Engineer", "Engineering", "Kubernetes"),
    ("QA Engineer", "Engineering", "Test automation"),
    ("Security Engineer", "Engineering", "Threat modelling"),
    ("Embedded Software Engineer", "Engineering", "Microcontrollers"),
    ("Engineering Manager", "Engineering", "People management"),
    ("Data Scientist", "Data", "Statistics"),
    ("Data Engineer", "Data", "ETL"),
    ("Data Analyst", "Data", "SQL"),
    ("Machine Learning Engineer", "Data", "MLOps"),
    ("Product Designer", "Design", "Figma"),
    ("UI Designer", "Design", "Visual design"),
    ("Graphic Designer", "Design", "Typography"),
    ("Product Manager", "Product", "Product discovery"),
    ("Product Owner", "Product", "Backlog management"),
    ("Business Analyst", "Product", "Requirements analysis"),
    ("Account Executive", "Sales", "Negotiation"),
    ("Sales Development Representative", "Sales", "Cold calling"),
    ("Sales Manager", "Sales", "Sales leadership"),
    ("Account Manager", "Sales", "Renewals"),
    ("Sales Engineer", "Sales", "Technical discovery"),
    ("Marketing Manager", "Marketing", "Campaign management"),
    ("Content Writer", "Marketing", "Copywriting"),
    ("SEO Specialist", "Marketing", "Keyword research"),
    ("Growth Marketing Manager", "Marketing", "A/B testing"),
    ("Customer Support Specialist", "Customer Support", "Troubleshooting"),
    ("Customer Success Manager", "Customer Support", "Renewals"),
    ("Recruiter", "People", "Sourcing"),
    ("HR Generalist", "People", "Employment law"),
    ("HR Business Partner", "People", "Workforce planning"),
    ("Accountant", "Finance", "Reconciliation"),
    ("Financial Analyst", "Finance", "Financial modeling"),
    ("Financial Controller", "Finance", "Internal controls"),
    ("Operations Manager", "Operations", "Process improvement"),
    ("Office Manager", "Operations", "Office management"),
    ("Logistics Coordinator", "Operations", "Inventory management"),
    ("Project Manager", "Operations", "Risk management"),
    ("Registered Nurse", "Clinical", "Medication administration"),
    ("Primary School Teacher", "Education", "Lesson planning"),
]

UNKNOWN_TITLES = ["Chief Happiness Wizard", "Zookeeper", "asdf", "Sound Engineer",
                  "Veterinary Nurse", "Yoga Teacher", "Manager"]
# Titles the catalogue lacks but an O*NET occupation names: (title, occupation, department,
# a word of the occupation's duties).
OCCUPATION_TITLES = [
    ("Chef", "Chefs and Head Cooks", "Food and Hospitality", "cooking"),
    ("Head Chef", "Chefs and Head Cooks", "Food and Hospitality", "menu"),
    ("Lawyer", "Lawyers", "Legal", "litigation"),
    ("Senior Attorney", "Lawyers", "Legal", "legal"),
    ("Civil Engineer", "Civil Engineers", "Engineering", "construction"),
    ("Database Administrator", "Database Administrators", "Information Technology",
     "databases"),
    ("Air Traffic Controller", "Air Traffic Controllers", "Transportation and Logistics",
     "air traffic"),
    ("Senior Marine Biologist", "Biologists", "Science", "animal life"),
]

ENGINEERING_WORDS = ("Kubernetes", "Docker", "Python", "REST APIs", "CI/CD", "Git")


def assert_valid_shape(draft: JobDraft) -> None:
    assert 6 <= len(draft.must_have_skills) <= 8
    assert 4 <= len(draft.nice_to_have_skills) <= 6
    assert 6 <= len(draft.responsibilities) <= 8
    assert 3 <= len(draft.qualifications) <= 5
    assert MIN_WORDS <= len(draft.description.split()) <= MAX_WORDS
    every_skill = [s.casefold() for s in draft.must_have_skills + draft.nice_to_have_skills]
    assert len(every_skill) == len(set(every_skill)), "a skill is listed twice"
    text = " ".join([draft.description, draft.notes, *draft.responsibilities,
                     *draft.qualifications, *draft.must_have_skills])
    assert "{" not in text and "}" not in text, "an unfilled template placeholder"
    JobDraft.model_validate(draft.model_dump())


# --- roles and families ----------------------------------------------------------------------

@pytest.mark.parametrize(("title", "department", "skill"), FAMILY_TITLES)
def test_known_titles_give_full_drafts_for_their_family(title: str, department: str,
                                                        skill: str) -> None:
    draft = generate_job_draft(title)
    assert_valid_shape(draft)
    assert draft.known_role
    assert draft.department == department
    assert skill in draft.must_have_skills
    assert title in draft.description
    assert draft.location in {"Remote", "Hybrid", "On-site"}


@pytest.mark.parametrize(("title", "role_key"), [
    ("SWE", "software_engineer"), ("Software Developer", "software_engineer"),
    ("Programmer", "software_engineer"), ("SRE", "devops_engineer"),
    ("Site Reliability Engineer", "devops_engineer"), ("BDR", "sales_development_rep"),
    ("SDR", "sales_development_rep"), ("CSM", "customer_success_manager"),
    ("UX designer", "ux_designer"), ("people partner", "people_partner"),
    ("bookkeeper", "accountant"), ("Front-end developer", "frontend_engineer"),
    ("UI/UX Designer", "product_designer"), ("Talent Acquisition Partner", "recruiter"),
    ("Customer Service Representative", "customer_support_specialist"),
    ("FP&A Analyst", "financial_analyst"), ("Firmware Engineer", "embedded_engineer"),
    ("Senior Product Marketing Manager", "marketing_manager"),
    ("Supply Chain Manager", "supply_chain_specialist"), ("Scrum Master", "project_manager"),
])
def test_aliases_and_synonyms_find_the_role(title: str, role_key: str) -> None:
    assert read_title(title).role_key == role_key


def test_every_role_name_reads_back_as_that_role() -> None:
    for key, role in catalog.ROLES.items():
        assert read_title(role.name).role_key == key, role.name


def test_head_of_a_function_maps_to_its_leadership_role() -> None:
    draft = generate_job_draft("Head of Sales")
    assert (draft.department, draft.seniority, draft.known_role) == ("Sales", "Head", True)
    assert any("strategy" in line for line in draft.responsibilities)
    assert read_title("VP of Engineering").role_key == "engineering_manager"
    assert read_title("Director of Marketing").role_key == "marketing_manager"
    # A function word without a leadership level is not a role.
    assert read_title("Sales").role_key == ""


# --- seniority -------------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "seniority", "years"), [
    ("Data Analyst Intern", "Intern", None),
    ("Junior Backend Developer", "Junior", "Up to 2 years"),
    ("Jr. QA Engineer", "Junior", "Up to 2 years"),
    ("Mid-level Product Designer", "Mid-level", "2+ years"),
    ("Backend Engineer", "Mid-level", "2+ years"),
    ("Senior Data Engineer", "Senior", "5+ years"),
    ("Sr Accountant", "Senior", "5+ years"),
    ("Lead UX Designer", "Lead", "7+ years"),
    ("Staff Software Engineer", "Staff", "8+ years"),
    ("Principal Security Engineer", "Principal", "10+ years"),
    ("Customer Support Manager", "Manager", "5+ years"),
    ("Head of Marketing", "Head", "8+ years"),
    ("Director of Engineering", "Director", "10+ years"),
    ("VP Sales", "VP", "12+ years"),
])
def test_seniority_is_detected_and_sets_experience(title: str, seniority: str,
                                                   years: str | None) -> None:
    draft = generate_job_draft(title)
    assert_valid_shape(draft)
    assert draft.seniority == seniority
    if years is None:
        assert draft.qualifications[0].startswith("Currently studying")
    else:
        assert draft.qualifications[0].startswith(years)


@pytest.mark.parametrize("title", ["Lead Backend Engineer", "Staff Data Scientist",
                                   "QA Manager", "Director of Product"])
def test_lead_and_above_get_leadership_responsibilities(title: str) -> None:
    responsibilities = " ".join(generate_job_draft(title).responsibilities).lower()
    assert any(word in responsibilities for word in ("mentor", "hire", "strategy"))


def test_junior_roles_do_not_get_leadership_responsibilities() -> None:
    responsibilities = " ".join(generate_job_draft("Junior Data Analyst").responsibilities)
    assert "strategy" not in responsibilities and "Hire" not in responsibilities
    assert "senior colleagues" in responsibilities


def test_seniority_words_inside_a_role_name_are_not_seniority() -> None:
    assert generate_job_draft("Staff Accountant").seniority == "Mid-level"
    assert generate_job_draft("Product Manager").seniority == "Mid-level"
    assert generate_job_draft("Tech Lead").seniority == "Lead"


# --- title modifiers -------------------------------------------------------------------------

@pytest.mark.parametrize(("title", "first_skills", "department"), [
    ("Senior Python Backend Engineer", ["Python"], "Engineering"),
    ("React Frontend Developer", ["React"], "Engineering"),
    ("Go Developer", ["Go"], "Engineering"),
    ("Java Software Engineer", ["Java"], "Engineering"),
    ("Kotlin Android Developer", ["Kotlin", "Android"], "Engineering"),
    ("iOS Engineer", ["Swift", "iOS"], "Engineering"),
    ("AWS DevOps Engineer", ["AWS"], "Engineering"),
    ("Salesforce Account Executive", ["Salesforce"], "Sales"),
    ("B2B SaaS Account Executive", ["B2B SaaS"], "Sales"),
    ("Technical Recruiter", ["Technical recruiting"], "People"),
    ("Maths Teacher", ["Mathematics teaching"], "Education"),
])
def test_title_modifiers_lead_the_must_haves(title: str, first_skills: list[str],
                                             department: str) -> None:
    draft = generate_job_draft(title)
    assert_valid_shape(draft)
    assert draft.must_have_skills[:len(first_skills)] == first_skills
    assert draft.department == department


def test_a_modifier_replaces_the_generic_choice_it_settles() -> None:
    must = generate_job_draft("Senior Python Backend Engineer").must_have_skills
    assert "Python, Go or Java" not in must
    assert "Django, FastAPI or Flask" in must  # Python's frameworks, not Spring Boot
    assert "React, Vue.js or Angular" not in generate_job_draft("React Developer").must_have_skills


@pytest.mark.parametrize(("title", "role_key"), [
    ("React Developer", "frontend_engineer"), ("Python Developer", "backend_engineer"),
    ("iOS Developer", "mobile_engineer"), ("Python React Developer", "fullstack_engineer"),
    ("Senior Software Engineer (Backend, Python)", "backend_engineer"),
    ("Backend Python Engineer", "backend_engineer"),
])
def test_modifiers_specialise_a_generic_engineering_title(title: str, role_key: str) -> None:
    assert read_title(title).role_key == role_key


def test_modifiers_only_apply_to_families_where_they_mean_something() -> None:
    # "Go" is a language for engineers, not for a go-to-market marketer.
    must = generate_job_draft("Go-To-Market Marketing Manager").must_have_skills
    assert "Go" not in must


# --- unknown and generic titles --------------------------------------------------------------

@pytest.mark.parametrize("title", UNKNOWN_TITLES)
def test_unknown_titles_are_flagged_and_kept_generic(title: str) -> None:
    draft = generate_job_draft(title)
    assert_valid_shape(draft)
    assert not draft.known_role
    assert "not recognised" in draft.notes and "fill in" in draft.notes
    assert draft.department == catalog.GENERIC_DEPARTMENT
    generic = [s[0].upper() + s[1:] for s in catalog.GENERIC_MUST_HAVE]
    # General skills only, behind any skill the title itself names ("Veterinary Nurse").
    assert draft.must_have_skills[-len(generic):] == generic
    assert len(draft.must_have_skills) - len(generic) <= 2
    assert not set(ENGINEERING_WORDS) & set(draft.must_have_skills + draft.nice_to_have_skills)


def test_unknown_notes_say_why() -> None:
    assert "'engineer' alone does not say" in generate_job_draft("Sound Engineer").notes
    assert "Seniority 'Senior'" in generate_job_draft("Senior Yoga Teacher").notes
    assert generate_job_draft("Senior Yoga Teacher").seniority == "Senior"


@pytest.mark.parametrize(("title", "occupation", "department", "duty_word"), OCCUPATION_TITLES)
def test_titles_outside_the_catalogue_get_their_occupations_duties(
        title: str, occupation: str, department: str, duty_word: str) -> None:
    draft = generate_job_draft(title)
    assert_valid_shape(draft)
    assert draft.known_role and draft.department == department
    assert f"O*NET occupation '{occupation}'" in draft.notes
    duties = " ".join(draft.responsibilities[:3]).lower()
    assert duty_word in duties and duty_word in draft.description.lower()
    # Role-specific duties, never the placeholder that asks the hiring team to define them.
    assert catalog.GENERIC_RESPONSIBILITIES[0] not in draft.responsibilities
    assert not set(ENGINEERING_WORDS) & set(draft.must_have_skills + draft.nice_to_have_skills)


def test_a_tool_named_in_an_unknown_title_becomes_the_first_must_have() -> None:
    assert generate_job_draft("Hadoop Developer").must_have_skills[0] == "Hadoop"
    # Outside IT a title word is not a tool: a chef's draft does not ask for Chef the software.
    assert "Chef" not in generate_job_draft("Chef").must_have_skills


@pytest.mark.parametrize(("title", "department"), [("Engineer", "Engineering"),
                                                   ("Senior Designer", "Design")])
def test_a_generic_word_alone_gives_a_general_draft_with_a_note(title: str,
                                                                department: str) -> None:
    draft = generate_job_draft(title)
    assert draft.known_role and draft.department == department
    assert "does not name a specific discipline" in draft.notes


# --- output quality --------------------------------------------------------------------------

def test_the_same_title_always_gives_the_same_draft() -> None:
    first = generate_job_draft("Senior Python Backend Engineer").model_dump()
    assert generate_job_draft("Senior Python Backend Engineer").model_dump() == first
    assert generate_job_draft("  senior   python backend engineer ").model_dump() == first


def test_different_roles_get_different_skills() -> None:
    accountant = generate_job_draft("Accountant")
    backend = generate_job_draft("Backend Engineer")
    accountant_skills = accountant.must_have_skills + accountant.nice_to_have_skills
    assert not set(ENGINEERING_WORDS) & set(accountant_skills)
    assert not set(accountant_skills) & set(backend.must_have_skills + backend.nice_to_have_skills)
    assert "Kubernetes" not in accountant.description
    assert generate_job_draft("Nurse").must_have_skills != generate_job_draft(
        "Teacher").must_have_skills


def test_titles_are_tidied_and_location_words_respected() -> None:
    assert tidy_title("ios developer") == "iOS Developer"
    assert tidy_title("HEAD OF SALES") == "Head of Sales"
    assert tidy_title("Senior  DevOps Engineer") == "Senior DevOps Engineer"
    assert normalise("Front-End Dev (m/f/d)") == ("frontend", "dev", "m", "f", "d")
    assert generate_job_draft("Account Executive (Remote)").location == "Remote"
    assert generate_job_draft("Office Manager").location == "On-site"


@pytest.mark.parametrize("title", ["", "   ", "---"])
def test_a_title_without_words_is_refused(title: str) -> None:
    with pytest.raises(ValueError):
        generate_job_draft(title)


def test_a_very_long_title_keeps_the_description_in_range() -> None:
    title = "Senior Backend Engineer " + "with a passion for distributed payments " * 10
    assert_valid_shape(generate_job_draft(title))


def test_every_role_level_and_modifier_gives_a_valid_draft() -> None:
    for role in catalog.ROLES.values():
        for level in catalog.LEVELS:
            words = level.phrases[0]
            title = f"Head of {role.name}" if level.label == "Head" else f"{words} {role.name}"
            assert_valid_shape(generate_job_draft(title))
        for modifier in catalog.MODIFIERS:
            if "*" in modifier.families or role.family in modifier.families:
                draft = generate_job_draft(f"Senior {modifier.phrases[0]} {role.name}")
                assert_valid_shape(draft)
                assert draft.known_role, draft.title


# --- catalogue integrity ---------------------------------------------------------------------

def test_catalogue_roles_are_complete() -> None:
    labels = {level.label for level in catalog.LEVELS}
    for key, role in catalog.ROLES.items():
        assert role.family in catalog.FAMILIES, key
        assert len(role.must_have) >= 8 and len(role.nice_to_have) >= 6, key
        assert len(role.responsibilities) == 8 and len(role.qualifications) == 2, key
        assert role.default_level in labels, key
        for text in role.replaceable.values():
            assert text in role.must_have + role.nice_to_have, (key, text)
        for alias, label in role.alias_levels.items():
            assert alias in role.aliases and label in labels, (key, alias)


def test_no_alias_names_two_roles() -> None:
    owners: dict[tuple[str, tuple[str, ...]], str] = {}
    for key, role in catalog.ROLES.items():
        for kind, aliases in (("named", role.aliases + role.ambiguous_aliases),
                              ("function", role.function_aliases)):
            for alias in aliases:
                owner = owners.setdefault((kind, normalise(alias)), key)
                assert owner == key, f"'{alias}' names both {owner} and {key}"


def test_modifiers_point_at_real_families_and_roles() -> None:
    for modifier in catalog.MODIFIERS:
        assert set(modifier.families) <= set(catalog.FAMILIES) | {"*"}, modifier.phrases
        assert not modifier.hint or modifier.hint in catalog.ROLES, modifier.phrases
