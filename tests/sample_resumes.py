"""Resume texts of the local engine's unit tests (skills, scorer, matcher, classifier).

The golden corpus (`local_engine_golden.py`) records the engine's answers for these texts too.
Its JSON file keeps its own copy of them, so an edit here reaches the corpus only when the file
is regenerated.
"""

SKILLS_TEST_RESUME = """Priya Natarajan
Backend engineer, Lisbon

- Built the order service in Golang and moved it onto k8s with Helm.
- Wrote ETL jobs in Python with pandas and sklearn models for churn prediction.
- Tuned Postgres indexes, cutting the slowest report from 40 s to 3 s.
- Set up CI/CD with GitHub Actions for 12 repositories.
Frontend work in ReactJS and TS; some Node on the side.
Let's go live with the new billing flow next quarter, said our go-to-market lead.
Took part in R&D workshops with the C-level team.
Skills: Excel, Salesforce, Figma
"""

SCORER_BACKEND_RESUME = """JANE DOE
Senior Backend Engineer | Berlin, Germany | jane.doe@example.com | +49 151 2345678

SUMMARY
Backend engineer building payment and logistics platforms.

EXPERIENCE
Senior Backend Engineer, Paystream GmbH — Jan 2021 – Present
- Designed and built the payment ledger service in Golang, handling 3 million transactions a day.
- Migrated 40 microservices from EC2 to k8s (EKS) with Helm charts, cutting deploy time from 40 to 8 minutes.
- Led a team of 4 engineers and introduced code reviews and on-call runbooks.

Backend Engineer, Cargoly — 03/2017 - 12/2020
- Built REST APIs in Python (Django REST Framework) for 200 warehouse clients.
- Tuned Postgres queries and added read replicas, reducing p95 latency by 60%.
- Set up CI/CD pipelines with GitHub Actions and Docker.

Junior Developer, WebWorks — 2015 - 2017
- Maintained PHP websites and wrote unit tests.

EDUCATION
B.Sc. Computer Science, TU Berlin — 2011 - 2015

SKILLS
Go, Python, PostgreSQL, Redis, Kubernetes, Docker, Terraform, AWS, Kafka

LANGUAGES
English (C2), German (native)
Authorized to work in the EU (German citizen). Full driving licence.
"""

SCORER_NURSE_RESUME = """Maria Lopez
Registered Nurse

EXPERIENCE
Registered Nurse, St. Mary's Hospital — June 2016 – Present
- Provide patient care for up to 6 patients per shift on a 30-bed surgical ward.
- Administer medication and IV therapy; document care in Epic.
- Trained 12 new nurses on infection control procedures.

Nursing Assistant, Sunrise Care Home — 2013 - 2016
- Supported elderly residents with daily living and monitored vital signs.

EDUCATION
Bachelor of Science in Nursing, University of Texas — 2009 - 2013

CERTIFICATIONS
BLS, ACLS
"""

JOB_HOPPER_RESUME = """Alex Kim
Data Analyst

Data Analyst, Shopco — Sept 2023 – Present
- Built weekly sales dashboards in Tableau from SQL queries.
Analyst, Foo Ltd — 2022-02 – 2022-09
- Cleaned survey data in Excel.
Marketing Assistant, Bar Inc — 01/2021 - 08/2021
- Scheduled social posts.
Intern, Baz — March 2018 to December 2018
- Helped with reporting.
"""

MATCHING_DATA_RESUME = """Maya Chen
Data Analyst, five years. Built Tableau dashboards and wrote SQL against BigQuery.
Defined KPIs and metrics with the sales team; presented to stakeholders every month.
Skills: SQL, Python, pandas, Excel, Tableau, A/B testing, statistics, data visualization,
stakeholder management
"""

MATCHING_BACKEND_RESUME = """Tom Baker
Software engineer. Built REST APIs in Python with Django and FastAPI on PostgreSQL.
Docker, Kubernetes, AWS, Redis and Kafka in production. Unit testing with pytest; Git daily.
"""

MATCHING_NURSE_RESUME = """Sarah Lee, RN
Registered nurse, intensive care. Patient assessment, medication administration,
wound care, charting, BLS and ACLS certified. Mentored new graduate nurses.
"""

WAREHOUSE_RESUME = """KEVIN LEE
Work Experience
Warehouse Associate, DHL Supply Chain   2018 - 2023
Picker, Amazon Fulfilment   2016 - 2018
Education
High School Diploma, Leeds   2011 - 2016
Skills
Forklift, inventory counts, WMS scanners
"""
