"""The inputs and the recorded outputs of the local engine's matching, scoring and classifying.

`tests/ai/local/golden/local_engine.json` holds a corpus of resume texts, skills, jobs and
emails with the outputs the rule-based code gave for them when it was recorded.
`test_local_speed_equivalence.py` recomputes every output with the current code and compares:
speed work on the skills finder, the scorer, the classifier and the matcher must not change a
single answer.

Regenerate the file only when a rule change is meant to change answers, and review the diff:

    .venv/bin/python -m tests.ai.local.local_engine_golden
"""

from __future__ import annotations

import email
import email.policy
import json
from datetime import date
from pathlib import Path
from typing import Any

from tests.sample_resumes import (
    JOB_HOPPER_RESUME,
    MATCHING_BACKEND_RESUME,
    MATCHING_DATA_RESUME,
    MATCHING_NURSE_RESUME,
    SCORER_BACKEND_RESUME,
    SCORER_NURSE_RESUME,
    SKILLS_TEST_RESUME,
    WAREHOUSE_RESUME,
)

GOLDEN = Path(__file__).parent / "golden" / "local_engine.json"
TODAY = date(2026, 11, 21)
REPO = Path(__file__).resolve().parents[3]

# --- resume texts (besides the unit tests' ones in sample_resumes.py) ---------------------------

SHORT_TOKENS = """Sam Go
Go developer. Built APIs in Go and GO; let's go live next week. Go ahead and Go back.
Go-to-market lead. Go to market. Golang, Go-lang, Go lang and go-lang at scale. #Go and .Go
R: statistics in R and RStudio; R&D team; R-squared of 0.9; John R. Smith; R. Jones; r code.
C: firmware in C for ARM boards. C# and C++ and C/C++ and Objective-C; C-level; vitamin C.
Grade C student, class C licence, type C cable. John C. Smith. C.V. attached. embedded C.
I excel at teamwork. Excel, EXCEL, MS Excel, excel-based models, Excel VBA macros.
React, react, REACT, React Native, ReactJS, React 18, React.js apps; reacting to alerts.
Gave 5 ml of saline. ML models; Machine-learning; machine learning; MACHINE LEARNING.
AI and ai; UI/UX; ui; ux; QA and qa; QC; RN; CRO; SAS and sas.
Swift and swift; SwiftUI; Rust and rust and RUST; Ruby and Rails and rails; Node and node.
Spark and spark; Hive and hive; Word and word; Outlook and outlook; Oracle and oracle.
Lean and lean; Epic and epic; Notion and notion; Asana; Chef and chef; Puppet and puppet.
Git and git and GIT; Unity and unity; Jest and jest; Miro; Canva; Keras; Cypress; Gong.
Angular and angular; Vue and vue; Bootstrap and bootstrap; Dart and dart; Helm and helm.
Express and express; Flask and flask; Scala and scala; Lua and lua; Kafka and kafka.
Mongo and mongo; Snowflake and snowflake; Playwright; Looker and looker; Sketch and sketch.
"""

PUNCTUATION = """Dana Novak — Full-stack developer
.NET, ASP.NET Core, VB.NET, .NET Framework and dotnet; C#/.NET; x.NET; a.NET b
Node.js/Express, NodeJS, Node JS; Next.js, NextJS; Nuxt.js; Vue.js 3; Vue 3; Angular.js.
CI/CD, CI / CD, CI-CD, CICD; A/B testing and AB testing; A/B tests; Pub/Sub; TCP/IP.
L&D, D&I, FP&A, C&B; SAP S/4HANA; PL/SQL; T-SQL; Transact-SQL; TSQL; MS SQL Server.
Java 17, Java 8, Python 3, Python3, python3.11, py.test, pytest; 3D modeling; ISO 9001.
ICD-10; OAuth 2.0; OAuth2; Spring Boot, SpringBoot; k8s; K8S; kubectl; Helm charts.
my_python, #python, @python, (Python), "Python", Python., Python,Go,R, Go/Rust, R/Python.
C++/C#; C/C++; obj-c; ObjC; Obj-C; objective-c; e-mail; G Suite; GSuite; Office 365.
Power BI, PowerBI, power bi; Google Data Studio; Looker Studio; Data Studio.
machine  learning; machine\tlearning; machine -- learning; machine- learning; event driven;
micro-services; cloud-native; cloud native; Cloud computing; REST API; RESTful; REST.
Scikit-Learn; scikit learn; sklearn; Hugging Face; HuggingFace; XGBoost; LightGBM.
"""

GERMAN = """Max Müller
Softwareentwickler · München · max.mueller@example.de

BERUFSERFAHRUNG
Senior Softwareentwickler, Muster GmbH — März 2020 – heute
- Entwickelt Microservices in Java und Spring Boot; Datenbanken: PostgreSQL, Oracle.
- Einführung von CI/CD mit Jenkins und GitLab CI; Kubernetes-Cluster auf Azure betreut.
Entwickler, Beispiel AG — 01.2016 - 02.2020
- Wartung einer Python-Anwendung (Django) und Schulung neuer Kollegen.

AUSBILDUNG
M.Sc. Informatik, TU München — 2010 - 2015

KENNTNISSE
Java, Spring Boot, Python, SQL, Docker, Kubernetes, Scrum, Jira, Confluence

SPRACHEN
Deutsch (Muttersprache), Englisch (fließend), Französisch (Grundkenntnisse)
Führerschein Klasse B. Arbeitserlaubnis für die EU.
"""

FRENCH = """Lucie Martin
Data Analyst — Lyon

EXPÉRIENCE PROFESSIONNELLE
Data Analyst, Société Générale — sept. 2019 – aujourd'hui
- Développé des tableaux de bord sous Power BI et Tableau ; requêtes SQL sur Snowflake.
- Analyse statistique des campagnes marketing avec Python (pandas) et R.
Chargée d'études, Ipsos — janv. 2017 à août 2019
- Études de marché, enquêtes clients, Excel avancé (tableaux croisés dynamiques).

FORMATION
Master Statistique, Université Lyon 2 — 2015 - 2017

COMPÉTENCES
SQL, Python, R, Excel, Power BI, Tableau, statistiques, visualisation de données

LANGUES
français (langue maternelle), anglais courant (C1), espagnol (B2)
Permis B. Disponible immédiatement.
"""

SPANISH = """Ana García López
Diseñadora UX/UI · Barcelona

EXPERIENCIA LABORAL
Diseñadora de producto, Glovo — abril 2021 – actualidad
- Investigación de usuarios, prototipos en Figma y pruebas de usabilidad con 40 usuarios.
- Creé el sistema de diseño (design system) con el equipo de front-end en React.
Diseñadora gráfica, Estudio Sol — 2018 - 2021
- Branding, tipografía e ilustración con Adobe Illustrator y Photoshop.

EDUCACIÓN
Grado en Diseño, Universidad de Barcelona — 2014 - 2018

HABILIDADES
Figma, Sketch, Adobe XD, prototipado, investigación de usuarios, accesibilidad, HTML, CSS

IDIOMAS
español (nativo), inglés (C1), catalán (nativo)
"""

UNICODE_ODDITIES = (
    "Zeynep Yılmaz\nİstanbul · PYTHON developer\n"
    "Skills: Pythön, Ｐｙｔｈｏｎ, K8s with a Kelvin sign, \u212a8s, ſql with a long s, "
    "Lınux with a dotless i, LİNUX, İOS, ıos, ﬁrmware, Straße, STRASSE.\n"
    "machine\u00a0learning with a no-break space; data\u2009analysis with a thin space; "
    "deep\u200blearning with a zero-width space; Docker\u2011Compose with a non-breaking hyphen.\n"
    "Line one\u2028Line two with Kafka\u2029Paragraph with Redis\x0cPage with Terraform\x85"
    "Next line with Ansible\x1cGroup with Jenkins\n"
    "Emoji 🚀 Python 🐍 and Go 🐹; tabs\tbetween\tSQL\tand\tExcel.\r\n"
    "Windows line ending with React\r\nand Vue.js\r\n"
    "Accents: Développeur Python, Ingénieur DevOps, Diseñadora UX, Führungserfahrung.\n"
    "Français courant, español nativo, Deutsch fließend, English C2, Mandarin Chinese.\n"
)

SENTENCES = """Dr. Adams supervised my thesis on Go. Mr. Brown reviewed it. Ms. Clark, too.
We compared Rust vs. Go. See e.g. Python or i.e. Java. No. 1 in the Kaggle league.
St. Louis office: SQL Server work. U.S. based team used AWS. J. R. R. Tolkien fan.
Built a ML pipeline. Then shipped it! Was it fast? Yes: 3x faster. "Quoted sentence with Kafka." (Parenthesised sentence with Redis.)
• Bullet with Docker
▪ Square bullet with Terraform
● Round bullet with Ansible
◦ Hollow bullet with Puppet
– En dash bullet with Chef
— Em dash bullet with Jenkins
> Quoted line with Kubernetes
* Star bullet with Helm
·Middle dot with Prometheus
1. Numbered line with Grafana. 2. Second item with Datadog.
a) Lettered line with Splunk
"""

MIXED_DOMAINS = """Chris Taylor
Operations and finance generalist

Office Manager, Acme Ltd — 2015 - 2019
- Bookkeeping in QuickBooks and Xero, accounts payable and accounts receivable, VAT returns.
- Reconciliations every month; month-end close with the accountant; budgeting for 3 teams.
- Payroll for 40 staff, onboarding of new hires, employee handbook and HR policies.
Account Manager, Sellwell — 2019 - 2022
- Cold calling, lead generation, prospecting and negotiation of renewals in Salesforce.
- Key accounts worth £2m; upselling and cross-selling; pipeline management and forecasting.
Marketing Coordinator, Brandly — 2022 - 2024
- SEO, Google Ads, email campaigns in Mailchimp, social media management, copywriting.
- Ran A/B tests on landing pages; reported in Google Analytics (GA4).
Care Assistant (volunteer), St. John's Hospice — 2012 - 2015
- Patient care, vital signs, medication administration under supervision, dementia care.
- CPR and BLS certified; infection control training.
Skills: Microsoft Office, Excel, Word, PowerPoint, Outlook, Google Workspace, Zendesk, Jira
"""

KNOCKOUTS = """Priya Raman
Security Engineer

EXPERIENCE
Security Engineer, Defence Systems — 06/2019 - present
- Penetration testing, OWASP reviews and IAM policies on AWS.
- Holds active security clearance (SC).
I will need visa sponsorship to work in the UK. Willing to relocate to London.
No driving licence; I do not hold a driver's licence.
Education: BSc Cyber Security, 2015 - 2019. Master's degree in progress.
Languages: English, Hindi, Tamil.
"""

DATES = """Jordan Smith
Engineer 2018 - 2022
Developer Jan 2019 – Present
Analyst 03/2017-06/2020
Ingenieur, März 2020 – heute
Consultant, since 2021
Berater seit 2019
Ingénieur depuis janvier 2020
Desarrollador desde 2022
Technician 2023-01 – 2023-06
Intern summer 2014
Manager 2021 - 2021
Future role 2030 - 2031
I have 7 years of experience in sales and 12+ years experience in retail.
"""

ALL_CAPS = """JOHN O'NEIL
SENIOR DATA ENGINEER
EXPERIENCE
SENIOR DATA ENGINEER, BIGCO — 2019 - PRESENT
BUILT ETL PIPELINES IN PYTHON AND SPARK ON DATABRICKS; AIRFLOW DAGS; DBT MODELS IN SNOWFLAKE.
DATA ENGINEER, SMALLCO — 2016 - 2019
KAFKA STREAMS, SCALA, HADOOP, HIVE, REDSHIFT, AWS GLUE, TERRAFORM.
SKILLS
PYTHON, SQL, SPARK, AIRFLOW, DBT, SNOWFLAKE, KAFKA, AWS, GO, R, C, EXCEL, REACT
"""

SKILLS_LIST_ONLY = """SKILLS
Python, Go, Java, Kotlin, Swift, TypeScript, JavaScript, React, Angular, Vue.js, Node.js,
Django, Flask, FastAPI, Spring Boot, PostgreSQL, MySQL, MongoDB, Redis, Elasticsearch, Kafka,
RabbitMQ, Docker, Kubernetes, Terraform, Ansible, AWS, Azure, GCP, Jenkins, GitHub Actions,
Linux, Nginx, Prometheus, Grafana, Datadog, Figma, Jira, Confluence, Scrum, Kanban, TDD
"""

LONG_LINE = ("Experienced engineer " + ", ".join(
    ["worked with Python and Django on payments", "used PostgreSQL and Redis for caching",
     "ran Kubernetes on AWS with Terraform", "built dashboards in Grafana",
     "wrote Go services behind gRPC", "coached the team in Scrum and code review",
     "handled customer support tickets in Zendesk", "negotiated contracts with vendors"] * 8)
    + " and more")

NURSE_LONG = """Grace Okafor, RN, BSN
Registered Nurse — Intensive Care | Manchester, UK | grace.okafor@example.co.uk

PROFILE
Critical care nurse with eight years on ICU and emergency wards. Calm under pressure, careful with
medication, and a patient advocate.

EXPERIENCE
Senior Staff Nurse, ICU, Manchester Royal Infirmary — Apr 2019 – Present
- Care for 1-2 ventilated patients per shift; titrate vasoactive infusions and sedation.
- Administer medication and IV therapy; central line and arterial line care; phlebotomy.
- Document care in Epic; audit infection prevention on the unit monthly.
- Teach ACLS and BLS to new starters; mentored 15 student nurses.
Staff Nurse, Emergency Department, Salford Royal — 09/2015 - 03/2019
- Triage of up to 60 patients a shift; wound care, plastering and suturing support.
- Paediatric and geriatric patients; dementia care; safeguarding referrals.
Healthcare Assistant, Care Home — 2013 - 2015
- Vital signs, personal care and patient education for residents and families.

EDUCATION
BSc (Hons) Adult Nursing, University of Manchester — 2012 - 2015

CERTIFICATIONS
ACLS, BLS, PALS, NMC registration. Full UK driving licence. Right to work in the UK.
"""

SALES_RESUME = """Daniel Whitfield
Account Executive | Austin, TX

EXPERIENCE
Account Executive, CloudCo — Feb 2020 – Present
- Closed $2.4M in new B2B SaaS business in 2023 (132% of quota); MEDDIC on every deal.
- Prospecting through LinkedIn Sales Navigator and Outreach.io; 45 discovery calls a month.
- Ran product demos and sales presentations for VPs of Engineering; negotiated contracts.
- Kept Salesforce pipeline hygiene; forecast accuracy within 5%.
Business Development Representative, StartCo — 2017 - 2020
- Outbound sales: cold calling and email sequences; booked 25 meetings a month.
- Handed qualified leads to account executives; used HubSpot CRM.

EDUCATION
BA Communications, UT Austin — 2013 - 2017

SKILLS
Salesforce, HubSpot, Gong, Outreach.io, negotiation, solution selling, pipeline management
Languages: English (native), Spanish (fluent)
"""

DESIGNER_SHORT = """Lina Haddad — Product Designer
UX design and UI design for fintech apps; user research and usability testing every sprint.
Figma, FigJam, prototyping, wireframes, design systems, accessibility (WCAG 2.1).
Worked with engineers daily; interaction design and motion design for onboarding.
"""

EMPTY_TEXTS = ("", "   \n\t  \n", "Python", "Go", "R", "C", "Excel", "?", "C.", "Go.")


def _ingest_resume(i: int, role: str, skills: list[str]) -> str:
    """A resume as the ingest benchmark mails it (its page count follows from `i`)."""
    from tests.fakes.mail_factory import resume_lines

    return "\n".join(resume_lines(i, f"Applicant {i}", f"applicant{i}@example.com", role, skills))


def _demo_resumes() -> list[str]:
    entries = json.loads((REPO / "hireops" / "demo" / "candidates.json").read_text("utf-8"))
    return [entry["resume"] for entry in entries]


def _benchmark_resumes() -> list[str]:
    from benchmarks.local_engine import RESUMES

    return [template.format(n=7) for _, template, _ in RESUMES]


def build_texts() -> list[str]:
    texts = [
        SKILLS_TEST_RESUME, SCORER_BACKEND_RESUME, SCORER_NURSE_RESUME, JOB_HOPPER_RESUME,
        MATCHING_DATA_RESUME, MATCHING_BACKEND_RESUME, MATCHING_NURSE_RESUME, WAREHOUSE_RESUME,
        SHORT_TOKENS, PUNCTUATION, GERMAN, FRENCH, SPANISH, UNICODE_ODDITIES, SENTENCES,
        MIXED_DOMAINS, KNOCKOUTS, DATES, ALL_CAPS, SKILLS_LIST_ONLY, LONG_LINE, NURSE_LONG,
        SALES_RESUME, DESIGNER_SHORT,
        _ingest_resume(0, "Senior Backend Engineer", ["Python", "FastAPI", "PostgreSQL", "Docker",
                                                       "Kubernetes", "REST APIs", "Redis", "AWS"]),
        _ingest_resume(1, "Data Analyst", ["SQL", "Python", "pandas", "Tableau", "Excel",
                                            "statistics", "Power BI"]),
        _ingest_resume(2, "Product Designer", ["Figma", "user research", "prototyping",
                                                "design systems", "usability testing"]),
        _ingest_resume(5, "Account Executive", ["Salesforce", "HubSpot", "negotiation",
                                                 "pipeline management", "B2B SaaS"]),
        *_demo_resumes(), *_benchmark_resumes(), *EMPTY_TEXTS,
    ]
    # Two texts glued together, as matching reads a resume plus the email body.
    texts.append(SHORT_TOKENS + "\n" + PUNCTUATION)
    return texts


SKILL_QUERIES = [
    "Python", "Go", "golang", "R", "C", "C++", "C#", ".NET", "Excel", "React", "React Native",
    "JavaScript", "SQL", "PostgreSQL", "postgres", "Machine learning", "ML", "CI/CD", "Kubernetes",
    "AWS", "Cloud computing", "Microsoft Office", "Electronic health records", "Patient care",
    "BLS", "Salesforce", "Negotiation", "Figma", "User research", "Data visualization", "Agile",
    "English", "German", "French", "Spanish", "HTML/CSS", "Python or Go", "HTML and CSS",
    "Strong knowledge of SQL", "5+ years of Python experience", "fault-tolerant payment systems",
    "KPIs and metrics", "quantum annealing", "Working with engineers", "Fluent German",
    "BLS certification", "", "Unit testing", "Git", "Node.js", "Swift", "Spark", "Oracle",
    "Linux", "Data analysis", "Customer support", "Medication administration", "Accounting",
    "Tableau, Looker or Power BI", "Excel or Google Sheets", "Meeting quota",
]

# --- jobs --------------------------------------------------------------------------------------


def _drafted(title: str) -> dict[str, Any]:
    from hireops.services.ai.local.job_generator import generate_job_draft

    draft = generate_job_draft(title)
    return dict(title=title, must_have_skills=draft.must_have_skills,
                nice_to_have_skills=draft.nice_to_have_skills,
                responsibilities=draft.responsibilities, qualifications=draft.qualifications,
                description=draft.description)


def build_score_jobs() -> list[dict[str, Any]]:
    """JobInput fields for the scorer."""
    return [
        dict(title="Senior Backend Engineer",
             must_have_skills=["Go", "PostgreSQL", "Kubernetes", "REST APIs", "SQL", "gRPC"],
             nice_to_have_skills=["Kafka", "Terraform", "GraphQL"],
             responsibilities=["Design and operate the services behind our payments API",
                               "Mentor engineers through code reviews"],
             knockout_requirements=["Authorised to work in the EU", "5+ years of experience",
                                    "Driving licence", "Willing to relocate", "Security clearance",
                                    "Bachelor's degree", "BLS certification", "Fluent German"]),
        {**_drafted("Data Analyst"),
         "knockout_requirements": ["Right to work in the UK", "3+ years of experience"]},
        dict(title="Registered Nurse",
             must_have_skills=["Patient care", "Medication administration", "BLS", "EHR"],
             nice_to_have_skills=["IV therapy", "Wound care", "Fluent Spanish"],
             knockout_requirements=["Full driving licence", "NMC registration"]),
        # No skill lists: the scorer takes the skills its text names.
        dict(title="Office Manager",
             responsibilities=["Run the office with Microsoft Office and Google Workspace",
                               "Bookkeeping in Xero and payroll for 30 staff"],
             qualifications=["Experience with vendor management and budgeting"],
             description="A friendly office needs an organised manager. Excel a must."),
    ]


def build_match_jobs() -> list[dict[str, Any]]:
    """Job fields for the matcher (ids set, one closed job that must be skipped)."""
    jobs = [
        dict(id=1, title="Senior Backend Engineer", must_have_skills=[
            "Python, Go or Java", "Django, FastAPI or Spring Boot", "REST APIs", "SQL",
            "PostgreSQL or MySQL", "Unit testing", "Git", "Distributed systems"],
            nice_to_have_skills=["Docker", "Kubernetes", "AWS, GCP or Azure", "Kafka or RabbitMQ",
                                 "Redis"]),
        dict(id=2, title="Data Analyst", must_have_skills=[
            "SQL", "Tableau, Looker or Power BI", "Excel or Google Sheets", "Data visualization",
            "Statistics", "Stakeholder management", "KPIs and metrics"],
            nice_to_have_skills=["Python or R", "A/B testing", "dbt", "BigQuery or Snowflake"]),
        dict(id=3, title="Frontend Engineer (React)", must_have_skills=[
            "React", "JavaScript", "TypeScript", "HTML", "CSS", "Accessibility"],
            nice_to_have_skills=["Next.js", "Figma", "GraphQL"]),
        dict(id=4, title="Senior Data Engineer", must_have_skills=[
            "SQL", "Python or Scala", "Data modeling", "ETL", "Airflow or Dagster",
            "Snowflake, BigQuery or Redshift"],
            nice_to_have_skills=["Spark", "Kafka", "dbt", "Terraform"]),
    ]
    for job_id, title in enumerate(("Product Designer", "Account Executive", "Registered Nurse",
                                    "Office Manager"), start=5):
        drafted = _drafted(title)
        jobs.append(dict(id=job_id, title=title, must_have_skills=drafted["must_have_skills"],
                         nice_to_have_skills=drafted["nice_to_have_skills"]))
    jobs += [
        dict(id=9, title="Payments Engineer", must_have_skills=[
            "fault-tolerant payment systems", "Working with engineers", "Meeting quota",
            "KPIs and metrics", "C"], nice_to_have_skills=["R", "Go", "Excel"]),
        dict(id=10, title="Staff Engineer"),  # no skills: matched by its title only
        dict(id=11, title="Data Analyst", status="closed", must_have_skills=["SQL"]),
    ]
    return jobs


# --- emails ------------------------------------------------------------------------------------


def _demo_emails() -> list[dict[str, Any]]:
    found = []
    for path in sorted((REPO / "hireops" / "demo" / "mail").glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        sender = message["From"].addresses[0]
        found.append(dict(subject=str(message["Subject"] or ""), from_name=sender.display_name,
                          from_address=sender.addr_spec,
                          attachment_names=[part.get_filename() or ""
                                            for part in message.iter_attachments()],
                          body=body.get_content() if body else ""))
    return found


def build_emails(texts: list[str]) -> list[dict[str, Any]]:
    """EmailInput fields: realistic mails in several languages, noise, and every corpus text as
    the attached resume of a plain application."""
    emails = _demo_emails() + [
        dict(subject="Application for Senior Backend Engineer", from_name="Jane Doe",
             from_address="jane.doe@gmail.com", attachment_names=["Jane_Doe_CV.pdf"],
             body="Hello,\n\nI am applying for the Senior Backend Engineer position advertised on "
                  "your careers page. I have eight years of experience building payment systems "
                  "in Go and PostgreSQL. Please find attached my CV.\n\nBest regards,\nJane Doe\n"
                  "+44 7700 900123"),
        dict(subject="Candidature : Data Analyst", from_address="lucie.martin@orange.fr",
             attachment_names=["CV_Lucie_Martin.pdf", "Lettre_de_motivation.docx"],
             body="Madame, Monsieur,\n\nJe souhaite postuler au poste de Data Analyst publié sur "
                  "Welcome to the Jungle. Vous trouverez ci-joint mon CV et ma lettre de "
                  "motivation.\n\nCordialement,\nLucie Martin"),
        dict(subject="Candidature spontanée", from_address="t.bernard@free.fr",
             body="Bonjour,\nJe vous adresse ma candidature pour le poste d'Ingénieur DevOps.\n"
                  "Cordialement,\nThomas Bernard"),
        dict(subject="Bewerbung als Softwareentwickler", from_address="max.mustermann@web.de",
             body="Sehr geehrte Damen und Herren,\n\nhiermit bewerbe ich mich um die Stelle als "
                  "Softwareentwickler. Ich habe fünf Jahre Erfahrung mit Java und Spring Boot.\n\n"
                  "Mit freundlichen Grüßen\nMax Mustermann"),
        dict(subject="Solicitud para el puesto de Diseñadora UX", from_name="Ana García López",
             from_address="ana.garcia@correo.es", attachment_names=["curriculum_ana_garcia.pdf"],
             body="Hola,\n\nMe gustaría aplicar al puesto de Diseñadora UX. Adjunto mi CV.\n\n"
                  "Saludos cordiales,\nAna"),
        dict(subject="Invoice INV-2041 for October", from_name="Acme Billing",
             from_address="billing@acme.example", attachment_names=["invoice_2041.pdf"],
             body="Dear customer,\n\nPlease find attached your invoice. Amount due: €1,200. "
                  "Payment by 30 November.\n\nAcme Billing Team"),
        dict(subject="Your weekly digest", from_name="Jobs Weekly",
             from_address="newsletter@jobsweekly.example",
             body="Top stories this week. 20% off for a limited time. Unsubscribe | Manage "
                  "preferences | View this email in your browser"),
        dict(subject="Question about the Data Analyst role", from_name="Sam Lee",
             from_address="sam.lee@example.com",
             body="Hi, could you tell me whether the Data Analyst position is remote? Thanks, Sam"),
        dict(subject="", from_name="", from_address="someone@example.com", body=""),
        dict(subject="Re: lunch", from_name="Bob", from_address="bob@example.com",
             body="See you at noon."),
        dict(subject="My application", from_name="KEVIN LEE",
             from_address="kevin.lee@example.com", attachment_names=["resume.docx", "order_77.pdf"],
             body="My name is Kevin Lee and I would like to apply for the Warehouse Associate "
                  "role.\n\nThanks,\nKevin"),
        dict(subject="Postulación: Analista de Datos", from_address="jperez@gmail.com",
             body="Hola, quisiera aplicar para el puesto de Analista de Datos. "
                  "Saludos, Juan Pérez"),
        dict(subject="Solicitud de presupuesto", from_address="compras@empresa.es",
             attachment_names=["presupuesto_2024.pdf"],
             body="Buenos días, adjunto la solicitud de presupuesto. Atentamente, Compras"),
    ]
    for index, text in enumerate(texts):
        emails.append(dict(subject="My CV" if index % 2 else f"Resume {index}",
                           from_name=f"Applicant {index}",
                           from_address=f"applicant{index}@example.com",
                           attachment_names=[f"CV_{index}.pdf"] if index % 3 else [],
                           body="Hello, my resume is attached." if index % 3 else text[:1500],
                           attachment_text=text[:4000]))
    return emails


def build_inputs() -> dict[str, Any]:
    texts = build_texts()
    return {"texts": texts, "skills": SKILL_QUERIES, "score_jobs": build_score_jobs(),
            "match_jobs": build_match_jobs(), "emails": build_emails(texts)}


# --- outputs -----------------------------------------------------------------------------------

MATCH_CALLS = (
    # (subject, body, role hint, resume, floor, max jobs); "{text}" stands for the corpus text
    ("My CV", "", "", "{text}", 0.0, 20),
    ("My CV", "Hello, my resume is attached.", "", "{text}", 0.25, 2),
    ("Application: Data Analyst", "Hello, I am applying for the Backend Engineer role.", "",
     "{text}", 0.25, 2),
    ("Resume", "I am interested in the Frontend Engineer position.\n{text}", "", "", 0.25, 2),
    ("", "{text}", "Senior Data Engineer", "", 0.25, 2),
    ("Application", "{text}", "", "", 0.0, 20),
    ("Application", "{text}", "", "{text}", 0.0, 20),
)


def _jobs(fields: list[dict[str, Any]]):
    from hireops.models import Job, JobStatus

    return [Job(**{**f, "status": JobStatus(f.get("status", "open"))}) for f in fields]


def compute_text(inputs: dict[str, Any], text: str) -> dict[str, Any]:
    """Every recorded output for one corpus text."""
    from hireops.services.ai.local.resume_scorer import score_resume
    from hireops.services.text.skills import (
        find_skill_mentions,
        mentions_skill,
        skill_pattern,
        skills_in_text,
        split_sentences,
    )
    from hireops.services.ai.schemas import JobInput
    from hireops.services.jobs.matching import match_jobs, prepare_jobs

    jobs = _jobs(inputs["match_jobs"])
    prepared = prepare_jobs(jobs)
    matches = []
    for subject, body, role_hint, resume, floor, max_jobs in MATCH_CALLS:
        body, resume = body.replace("{text}", text), resume.replace("{text}", text)
        found = match_jobs(jobs=jobs, subject=subject, body=body, role_hint=role_hint,
                           resume_text=resume, floor=floor, max_jobs=max_jobs)
        again = match_jobs(jobs=[], prepared=prepared, subject=subject, body=body,
                           role_hint=role_hint, resume_text=resume, floor=floor, max_jobs=max_jobs)
        matches.append([[m.job_id, m.title, m.score, m.reason] for m in found]
                       + ([] if again == found else ["prepared jobs answered differently"]))
    return {
        "skills_in_text": skills_in_text(text),
        "split_sentences": split_sentences(text),
        "mentions": {skill: find_skill_mentions(text, skill) for skill in inputs["skills"]},
        "mentions_skill": [skill for skill in inputs["skills"] if mentions_skill(text, skill)],
        # what the interview evaluator highlights in a quote
        "highlights": {skill: found for skill in inputs["skills"] if skill
                       for found in [[m.group(0) for m in skill_pattern(skill).finditer(text)]]
                       if found},
        "scores": [score_resume(JobInput(**job), text, today=TODAY).model_dump(mode="json")
                   for job in inputs["score_jobs"]],
        "matches": matches,
    }


def compute_outputs(inputs: dict[str, Any]) -> dict[str, Any]:
    from hireops.services.ai.local.classifier import classify_email
    from hireops.services.text.skills import canonical_skill
    from hireops.services.ai.schemas import EmailInput

    return {
        "texts": [compute_text(inputs, text) for text in inputs["texts"]],
        "canonical": [canonical_skill(skill) for skill in inputs["skills"]],
        "emails": [classify_email(EmailInput(**fields)).model_dump(mode="json")
                   for fields in inputs["emails"]],
    }


def dumps(payload: dict[str, Any]) -> str:
    """JSON with one line per corpus item: diffable, yet compact."""
    def block(value: Any, depth: int) -> str:
        pad = " " * depth
        if depth < 2 and isinstance(value, dict) and value:
            items = [f"{pad} {json.dumps(k, ensure_ascii=False)}: {block(v, depth + 1).lstrip()}"
                     for k, v in value.items()]
            return pad + "{\n" + ",\n".join(items) + "\n" + pad + "}"
        if depth < 3 and isinstance(value, list) and value:
            items = [pad + " " + json.dumps(v, ensure_ascii=False) for v in value]
            return pad + "[\n" + ",\n".join(items) + "\n" + pad + "]"
        return pad + json.dumps(value, ensure_ascii=False)

    return block(payload, 0) + "\n"


def main() -> None:
    inputs = build_inputs()
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    payload = {"inputs": inputs, "outputs": compute_outputs(inputs)}
    GOLDEN.write_text(dumps(payload), "utf-8")
    print(f"wrote {GOLDEN} ({GOLDEN.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
