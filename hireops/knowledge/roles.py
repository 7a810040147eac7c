"""What the local job generator knows: role families, roles, title modifiers and seniority levels.

Plain data only; reading titles and writing drafts lives in `job_generator.py`.

Writing conventions, so the generator can reuse every string in lists and in prose:
- skills read as they would mid-sentence ("unit testing", "REST APIs", "Python"); lists capitalise
  them. They are short and use the skills vocabulary's names where one exists, with alternatives
  joined by "or" and no parentheses, so the local resume scorer can find them in a resume.
- responsibilities start with a verb ("Design and build ..."); prose lower-cases that verb.
- aliases and modifier phrases are written naturally ("front-end developer", "Node.js"); the
  generator normalises them the same way it normalises titles.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Family:
    """A group of related roles that share a department and a way of working."""

    department: str  # shown on the job and used in prose ("our Engineering team")
    location: str  # default work arrangement for the family
    colleagues: str  # who a lead mentors or a manager hires ("engineers")
    discipline: str  # the field in prose ("10+ years of experience in software engineering")
    why_it_matters: str  # one sentence on the impact of the team, no invented company facts
    how_we_work: str  # one more sentence, used when a description needs more words


@dataclass(frozen=True)
class Role:
    """One role the generator can draft with real knowledge."""

    name: str  # canonical title, e.g. "Backend Engineer"
    family: str  # key of FAMILIES
    summary: str  # one or two sentences: what the person in this role does and why
    must_have: tuple[str, ...]  # at least 8; a title's modifiers may push some out
    nice_to_have: tuple[str, ...]  # at least 6
    responsibilities: tuple[str, ...]  # 8, most important first
    qualifications: tuple[str, ...]  # 2; the generator adds experience and leadership lines
    aliases: tuple[str, ...]  # titles that name this role outright
    # Words that name this role only when nothing else in the title is unexplained ("Engineer").
    ambiguous_aliases: tuple[str, ...] = ()
    # Function names that mean this role when a lead, manager, head, director or VP is hired
    # ("Head of Sales", "VP Engineering").
    function_aliases: tuple[str, ...] = ()
    # Generic skills that a title modifier of the given kind makes redundant:
    # {"language": "Python, Go or Java"} is dropped when the title says "Python".
    replaceable: dict[str, str] = field(default_factory=dict)
    # Aliases that imply a seniority ("tech lead" -> "Lead", "marketing coordinator" -> "Junior").
    alias_levels: dict[str, str] = field(default_factory=dict)
    default_level: str = "Mid-level"
    leads_team: bool = False  # the role itself manages people (its responsibilities say so)
    location: str = ""  # overrides the family default
    # A generic role that a title modifier may specialise ("React Developer" -> frontend).
    accepts_hints: bool = False


@dataclass(frozen=True)
class Modifier:
    """A technology, platform or domain named in a title ("Python", "iOS", "B2B SaaS")."""

    phrases: tuple[str, ...]  # how it appears in titles
    skills: tuple[str, ...]  # must-haves it puts first, in this order
    families: tuple[str, ...]  # families where the phrase means this; ("*",) for all
    replaces: tuple[str, ...] = ()  # kinds of generic skills it makes redundant (Role.replaceable)
    # Kinds of generic skills it swaps, in place, for a specific one: Python turns the backend
    # framework "Django, FastAPI or Spring Boot" into "Django, FastAPI or Flask".
    fills: tuple[tuple[str, str], ...] = ()
    hint: str = ""  # role key it suggests when the title only says "Engineer" or "Developer"
    label: str = ""  # how prose names it; defaults to the first phrase as the title wrote it


@dataclass(frozen=True)
class Level:
    """A seniority level and the words that signal it."""

    label: str  # the seniority field
    rank: int  # for choosing between two signals ("Senior Manager" -> Manager)
    phrases: tuple[str, ...]
    tier: str  # key of TIERS: what the level adds to responsibilities and prose
    min_years: int | None  # years of experience asked for; None for interns


@dataclass(frozen=True)
class Tier:
    """What a band of levels adds to a draft; {colleagues} and {department} are filled in."""

    responsibilities: tuple[str, ...]
    qualifications: tuple[str, ...]  # added after the role's own
    outlook: str  # one sentence for the description
    role_qualifications: int = 2  # how many of the role's qualifications still fit this level


# --- families --------------------------------------------------------------------------------

FAMILIES: dict[str, Family] = {
    "engineering": Family(
        department="Engineering", location="Remote", colleagues="engineers",
        discipline="software engineering",
        why_it_matters="The software this team builds is the product our customers use every "
                       "day, so the care you put into it shows up directly in their work.",
        how_we_work="You will work closely with product and design, ship in small steps, "
                    "review each other's work and take part in technical decisions.",
    ),
    "data": Family(
        department="Data", location="Remote", colleagues="data specialists",
        discipline="data and analytics",
        why_it_matters="Good data work changes what the company decides to do, so your analyses "
                       "and systems will have a visible effect on the product and the business.",
        how_we_work="You will work closely with engineering, product and business teams, and "
                    "we expect reproducible work, clear documentation and honest numbers.",
    ),
    "design": Family(
        department="Design", location="Remote", colleagues="designers",
        discipline="design",
        why_it_matters="Design decides how people experience the product, so your work will "
                       "shape how easy, useful and pleasant it is for every customer.",
        how_we_work="You will be involved from the first discussion of a problem, test ideas "
                    "with real users and work side by side with engineers until launch.",
    ),
    "product": Family(
        department="Product", location="Remote", colleagues="product managers",
        discipline="product management",
        why_it_matters="Product decisions set the direction for the teams that build, sell and "
                       "support what we make, so your judgement will have a wide impact.",
        how_we_work="You will plan together with design and engineering, talk to customers "
                    "often and judge success by outcomes rather than output.",
    ),
    "sales": Family(
        department="Sales", location="Hybrid", colleagues="sales colleagues",
        discipline="sales",
        why_it_matters="Sales is how new customers discover what we can do for them, and your "
                       "conversations will feed directly into how the company grows.",
        how_we_work="You will share what you learn with the team and work closely with "
                    "marketing and customer success, caring about good process as much as "
                    "good deals.",
    ),
    "marketing": Family(
        department="Marketing", location="Remote", colleagues="marketers",
        discipline="marketing",
        why_it_matters="Marketing shapes how the world sees us and who finds us, so your work "
                       "will decide how many of the right people hear our story.",
        how_we_work="You will plan together with sales and product, test ideas quickly and "
                    "judge your work by measurable results.",
    ),
    "customer": Family(
        department="Customer Support", location="Remote", colleagues="support colleagues",
        discipline="customer support or customer success",
        why_it_matters="Every conversation with a customer is a chance to earn their trust, and "
                       "what you learn from them helps the whole company improve the product.",
        how_we_work="You will share knowledge generously, document what you learn and work "
                    "with product and engineering to fix the root causes of problems.",
    ),
    "people": Family(
        department="People", location="Hybrid", colleagues="people colleagues",
        discipline="HR and people operations",
        why_it_matters="The people team shapes who joins the company and how they grow, which "
                       "makes it one of the most influential teams in the business.",
        how_we_work="You will act as a partner to managers and employees, treat confidential "
                    "matters with care and keep processes simple and fair.",
    ),
    "finance": Family(
        department="Finance", location="Hybrid", colleagues="finance colleagues",
        discipline="finance and accounting",
        why_it_matters="Accurate numbers and sound financial processes let the company make "
                       "good decisions and grow with confidence.",
        how_we_work="You will care about accuracy, clear documentation and good controls, and "
                    "work with every department to make the numbers useful.",
    ),
    "operations": Family(
        department="Operations", location="Hybrid", colleagues="operations colleagues",
        discipline="operations",
        why_it_matters="Operations turns plans into reality, and smooth, efficient processes make "
                       "life better for customers and colleagues alike.",
        how_we_work="You will measure what matters, fix problems at the root and work closely "
                    "with every other team in the company.",
    ),
    "healthcare": Family(
        department="Clinical", location="On-site", colleagues="nurses",
        discipline="nursing",
        why_it_matters="The care you give directly affects patients' health, comfort and "
                       "recovery, and the trust they place in the whole care team.",
        how_we_work="You will work as part of a multidisciplinary team, support colleagues "
                    "through busy shifts and keep patient safety first.",
    ),
    "education": Family(
        department="Education", location="On-site", colleagues="teachers",
        discipline="teaching",
        why_it_matters="Good teaching changes what students believe they can achieve, and your "
                       "classroom will shape their progress and confidence.",
        how_we_work="You will plan and reflect together with colleagues, share resources and "
                    "help create the best possible conditions for learning.",
    ),
}

# --- roles -----------------------------------------------------------------------------------

_DEGREE_CS = ("A degree in computer science or a related field, or equivalent practical "
              "experience")

ROLES: dict[str, Role] = {
    # Engineering ------------------------------------------------------------------------------
    "software_engineer": Role(
        name="Software Engineer", family="engineering",
        summary="You will design, build and maintain the software behind our product, working "
                "with product and design to ship features that are reliable, tested and easy "
                "to change.",
        must_have=("Python, Java, Go or TypeScript", "data structures and algorithms",
                   "software design", "unit testing", "Git", "SQL", "REST APIs",
                   "debugging and troubleshooting"),
        nice_to_have=("AWS, GCP or Azure", "Docker", "CI/CD", "Kubernetes", "observability",
                      "open-source contributions"),
        responsibilities=(
            "Design, build and ship features from idea to production",
            "Write clean, well-tested and maintainable code",
            "Review colleagues' code and share knowledge through pairing",
            "Work with product managers and designers to refine requirements",
            "Investigate and fix bugs and production issues",
            "Improve performance, reliability and developer tooling",
            "Write and maintain technical documentation",
            "Take part in planning, estimation and retrospectives",
        ),
        qualifications=(_DEGREE_CS,
                        "Examples of software you have shipped, at work or in open source"),
        aliases=("software engineer", "software developer", "programmer", "SWE",
                 "software development engineer", "SDE", "application developer",
                 "tech lead", "technical lead", "coder"),
        ambiguous_aliases=("engineer", "developer", "dev"),
        replaceable={"language": "Python, Java, Go or TypeScript"},
        alias_levels={"tech lead": "Lead", "technical lead": "Lead"},
        accepts_hints=True,
    ),
    "backend_engineer": Role(
        name="Backend Engineer", family="engineering",
        summary="You will design, build and run the services, APIs and data stores behind our "
                "product, caring as much about reliability, security and data integrity as "
                "about shipping new features.",
        must_have=("Python, Go or Java", "Django, FastAPI or Spring Boot", "REST APIs",
                   "SQL", "PostgreSQL or MySQL", "unit testing", "Git", "distributed systems"),
        nice_to_have=("Docker", "Kubernetes", "AWS, GCP or Azure", "Kafka or RabbitMQ", "Redis",
                      "observability"),
        responsibilities=(
            "Design, build and maintain backend services and APIs",
            "Model data and write efficient, safe database queries and migrations",
            "Write automated tests and keep the test suite fast and reliable",
            "Monitor, debug and fix issues in production",
            "Improve the performance, scalability and security of our systems",
            "Review code and contribute to technical design discussions",
            "Work with frontend engineers, product and design on new features",
            "Document services and share knowledge with the team",
        ),
        qualifications=(_DEGREE_CS, "Experience running services in production"),
        aliases=("backend engineer", "backend developer", "backend software engineer",
                 "server-side engineer", "server-side developer", "API developer",
                 "API engineer"),
        replaceable={"language": "Python, Go or Java",
                     "web_framework": "Django, FastAPI or Spring Boot",
                     "cloud": "AWS, GCP or Azure"},
    ),
    "frontend_engineer": Role(
        name="Frontend Engineer", family="engineering",
        summary="You will build the web interfaces our customers use every day, turning designs "
                "into fast, accessible and polished experiences and keeping the frontend "
                "codebase healthy.",
        must_have=("JavaScript", "TypeScript", "React, Vue.js or Angular", "HTML", "CSS",
                   "accessibility", "responsive design", "unit testing"),
        nice_to_have=("Next.js", "design systems", "performance optimization", "Figma",
                      "GraphQL", "Playwright or Cypress"),
        responsibilities=(
            "Build and maintain user interfaces from design to production",
            "Develop reusable, well-tested UI components",
            "Work closely with designers to get interactions and details right",
            "Integrate the frontend with backend APIs",
            "Make the product fast, accessible and usable on every screen size",
            "Write unit, integration and end-to-end tests",
            "Review code and improve frontend tooling and build pipelines",
            "Monitor and fix frontend errors and performance regressions",
        ),
        qualifications=(_DEGREE_CS, "A portfolio or code samples of web interfaces you built"),
        aliases=("frontend engineer", "frontend developer", "frontend software engineer",
                 "UI engineer", "UI developer"),
        replaceable={"ui_framework": "React, Vue.js or Angular"},
    ),
    "fullstack_engineer": Role(
        name="Full-Stack Engineer", family="engineering",
        summary="You will work across the whole stack, from database and APIs to the user "
                "interface, taking features from idea to production and owning them after "
                "launch.",
        must_have=("Python, Node.js or Java", "TypeScript", "React or Vue.js", "REST APIs",
                   "SQL", "HTML and CSS", "unit testing", "Git"),
        nice_to_have=("AWS, GCP or Azure", "Docker", "CI/CD", "GraphQL",
                      "performance optimization", "product analytics"),
        responsibilities=(
            "Build features end to end across backend services and the web frontend",
            "Design APIs and data models that are simple to use and to evolve",
            "Turn designs into responsive, accessible interfaces",
            "Write automated tests at every layer of the stack",
            "Deploy, monitor and support what you ship in production",
            "Work with product and design to shape requirements and scope",
            "Review code and share knowledge across the team",
            "Improve developer tooling and the quality of the codebase",
        ),
        qualifications=(_DEGREE_CS, "Experience shipping both backend and frontend features"),
        aliases=("fullstack engineer", "fullstack developer", "fullstack software engineer",
                 "web developer", "web engineer", "web application developer"),
        replaceable={"language": "Python, Node.js or Java", "ui_framework": "React or Vue.js",
                     "cloud": "AWS, GCP or Azure"},
    ),
    "mobile_engineer": Role(
        name="Mobile Engineer", family="engineering",
        summary="You will build and improve our mobile apps, shipping smooth, reliable "
                "experiences to customers on iOS and Android and owning quality from the first "
                "commit to the app store release.",
        must_have=("iOS or Android", "Swift or Kotlin", "SwiftUI or Jetpack Compose",
                   "REST APIs", "mobile app architecture", "unit testing",
                   "app store releases", "Git"),
        nice_to_have=("React Native or Flutter", "offline storage and sync", "CI/CD",
                      "push notifications", "accessibility", "performance profiling"),
        responsibilities=(
            "Build and ship new features for our mobile apps",
            "Write clean, testable code that follows platform guidelines",
            "Integrate the apps with backend APIs and handle offline and error states well",
            "Work with designers to deliver polished, accessible interactions",
            "Monitor crashes and performance and fix issues quickly",
            "Manage releases through the App Store and Google Play",
            "Review code and contribute to architecture decisions",
            "Write and maintain automated tests for the apps",
        ),
        qualifications=(_DEGREE_CS, "Apps you have worked on that are live in an app store"),
        aliases=("mobile engineer", "mobile developer", "mobile app developer",
                 "mobile software engineer", "app developer", "mobile application developer"),
        replaceable={"platform": "iOS or Android", "language": "Swift or Kotlin",
                     "mobile_ui": "SwiftUI or Jetpack Compose"},
    ),
    "devops_engineer": Role(
        name="DevOps Engineer", family="engineering",
        summary="You will build and run the infrastructure, deployment pipelines and tooling "
                "that let our engineers ship safely and often, and keep production reliable, "
                "observable and secure.",
        must_have=("Linux", "AWS, GCP or Azure", "infrastructure as code", "Docker",
                   "Kubernetes", "CI/CD", "Python, Go or Bash", "monitoring and alerting"),
        nice_to_have=("incident response", "Ansible", "networking", "service level objectives",
                      "cloud cost optimization", "Helm or Argo CD"),
        responsibilities=(
            "Build and maintain cloud infrastructure as code",
            "Run and improve the CI/CD pipelines every team relies on",
            "Operate Kubernetes clusters and container platforms",
            "Set up monitoring, alerting and dashboards, and define service levels",
            "Take part in on-call, lead incident response and write blameless postmortems",
            "Automate repetitive operational work",
            "Improve security, backups and disaster recovery",
            "Help engineers design services that are easy to deploy and operate",
        ),
        qualifications=(_DEGREE_CS, "Experience operating production systems with real users"),
        aliases=("DevOps engineer", "DevOps", "site reliability engineer", "SRE",
                 "platform engineer", "cloud engineer", "infrastructure engineer",
                 "DevSecOps engineer", "release engineer", "build engineer",
                 "reliability engineer", "cloud architect"),
        function_aliases=("infrastructure", "platform", "site reliability"),
        replaceable={"cloud": "AWS, GCP or Azure", "iac": "infrastructure as code",
                     "language": "Python, Go or Bash"},
    ),
    "qa_engineer": Role(
        name="QA Engineer", family="engineering",
        summary="You will make sure what we ship works, by designing test strategies, building "
                "automated tests and helping the whole team build quality into every change.",
        must_have=("test planning", "test automation", "Python, Java or JavaScript",
                   "API testing", "Jira", "regression testing", "CI/CD", "SQL"),
        nice_to_have=("performance testing", "mobile testing", "accessibility testing",
                      "security testing", "BDD or Cucumber", "ISTQB"),
        responsibilities=(
            "Design test plans and test cases from requirements and user stories",
            "Build and maintain automated UI and API test suites",
            "Run exploratory and regression testing before releases",
            "Report, triage and follow up on bugs with clear reproduction steps",
            "Integrate automated tests into the CI/CD pipeline",
            "Work with developers and product managers to define acceptance criteria",
            "Track quality metrics and improve the testing process",
            "Maintain test environments and test data",
        ),
        qualifications=(_DEGREE_CS, "An ISTQB or similar testing certification is a plus"),
        aliases=("QA engineer", "QA", "quality assurance engineer", "quality assurance",
                 "test engineer", "software tester", "tester", "SDET",
                 "software development engineer in test", "QA analyst", "QA automation engineer",
                 "test automation engineer", "automation tester", "quality engineer",
                 "QA tester"),
        function_aliases=("quality", "testing"),
        replaceable={"automation": "test automation", "language": "Python, Java or JavaScript"},
    ),
    "security_engineer": Role(
        name="Security Engineer", family="engineering",
        summary="You will protect our product, data and customers by finding and fixing "
                "security weaknesses, building secure defaults into how we work and responding "
                "quickly when something goes wrong.",
        must_have=("application security", "OWASP", "threat modelling", "AWS, GCP or Azure",
                   "identity and access management", "vulnerability management",
                   "incident response", "Python or Go"),
        nice_to_have=("penetration testing", "Splunk or another SIEM", "ISO 27001 or SOC 2",
                      "secure code review", "Kubernetes security", "OSCP or CISSP"),
        responsibilities=(
            "Review designs and code for security risks and recommend fixes",
            "Run and triage vulnerability scans and penetration tests",
            "Build security tooling and automation into CI/CD pipelines",
            "Manage identity, access and secrets across our systems",
            "Detect, investigate and respond to security incidents",
            "Support compliance work such as ISO 27001 or SOC 2 audits",
            "Train engineers on secure coding practices",
            "Follow new threats and update our defences",
        ),
        qualifications=("A degree in computer science, cybersecurity or a related field, or "
                        "equivalent practical experience",
                        "Certifications such as OSCP, CISSP or CEH are a plus"),
        aliases=("security engineer", "security analyst", "cybersecurity engineer",
                 "cybersecurity analyst", "cyber security engineer", "cyber security analyst",
                 "information security engineer", "information security analyst",
                 "infosec engineer", "application security engineer", "AppSec engineer",
                 "penetration tester", "pentester", "ethical hacker", "SOC analyst",
                 "security architect", "cloud security engineer"),
        function_aliases=("security", "information security", "cybersecurity", "infosec"),
        replaceable={"cloud": "AWS, GCP or Azure", "language": "Python or Go"},
    ),
    "embedded_engineer": Role(
        name="Embedded Software Engineer", family="engineering",
        summary="You will write the software that runs on our devices, working close to the "
                "hardware to make our products reliable, efficient and safe in the field.",
        must_have=("C or C++", "embedded systems", "microcontrollers", "RTOS",
                   "I2C, SPI or UART", "hardware debugging", "schematics and datasheets",
                   "Git"),
        nice_to_have=("embedded Linux", "Python", "Rust", "BLE or Wi-Fi",
                      "functional safety", "hardware-in-the-loop testing"),
        responsibilities=(
            "Design, write and test firmware for our devices",
            "Bring up new hardware together with the electronics team",
            "Write drivers for sensors, peripherals and communication buses",
            "Optimise code for power, memory and real-time constraints",
            "Debug issues on real hardware in the lab and in the field",
            "Build automated tests and hardware-in-the-loop setups",
            "Support manufacturing and over-the-air update processes",
            "Document designs, interfaces and test results",
        ),
        qualifications=("A degree in electrical engineering, computer engineering or a related "
                        "field",
                        "Experience shipping firmware in a commercial product"),
        aliases=("embedded engineer", "embedded software engineer", "embedded developer",
                 "embedded software developer", "embedded systems engineer",
                 "firmware engineer", "firmware developer"),
        function_aliases=("embedded", "firmware"),
        replaceable={"language": "C or C++"},
    ),
    "engineering_manager": Role(
        name="Engineering Manager", family="engineering",
        summary="You will lead a team of software engineers, helping them do the best work of "
                "their careers while the team delivers reliable software that matters to our "
                "customers.",
        must_have=("people management", "hiring engineers", "system design", "agile",
                   "stakeholder management", "software engineering", "performance reviews",
                   "technical decision-making"),
        nice_to_have=("AWS, GCP or Azure", "scaling teams", "DORA metrics",
                      "incident management", "budgeting", "leading remote teams"),
        responsibilities=(
            "Lead, coach and support a team of software engineers",
            "Hire and onboard engineers and build a diverse, inclusive team",
            "Plan and prioritise the team's work with product and design",
            "Make sure the team delivers reliable, well-tested software on time",
            "Guide architecture and technical decisions without becoming a bottleneck",
            "Run one-to-ones, give feedback and lead performance reviews",
            "Improve engineering processes, tooling and ways of working",
            "Communicate progress, risks and needs to leadership",
        ),
        qualifications=("A background as a software engineer, with a degree in computer science "
                        "or equivalent experience",
                        "Experience managing engineers, including hiring and performance "
                        "reviews"),
        aliases=("engineering manager", "software engineering manager",
                 "software development manager", "development manager"),
        function_aliases=("engineering", "software engineering", "software development",
                          "technology", "development"),
        replaceable={"cloud": "AWS, GCP or Azure"},
        default_level="Manager", leads_team=True,
    ),
    # Data -----------------------------------------------------------------------------------
    "data_scientist": Role(
        name="Data Scientist", family="data",
        summary="You will turn data into decisions, using statistics and machine learning to "
                "answer hard questions about our customers and product and to build models "
                "that improve them.",
        must_have=("Python or R", "SQL", "statistics", "A/B testing", "machine learning",
                   "pandas", "data visualization", "communicating insights"),
        nice_to_have=("PyTorch or TensorFlow", "Spark", "causal inference",
                      "BigQuery or Snowflake", "MLOps", "dbt"),
        responsibilities=(
            "Frame business questions as analyses or models and agree how to measure success",
            "Explore, clean and prepare data from many sources",
            "Design and analyse experiments and A/B tests",
            "Build, validate and monitor predictive models",
            "Present findings and recommendations to product and business teams",
            "Work with data engineers to make data reliable and accessible",
            "Work with engineers to put models into production",
            "Document methods and share knowledge across the company",
        ),
        qualifications=("A degree in statistics, mathematics, computer science or another "
                        "quantitative field",
                        "Experience applying statistics or machine learning to real business "
                        "problems"),
        aliases=("data scientist", "applied scientist", "statistician", "decision scientist",
                 "product data scientist", "research data scientist"),
        function_aliases=("data science",),
        replaceable={"language": "Python or R", "ml_framework": "PyTorch or TensorFlow",
                     "warehouse": "BigQuery or Snowflake"},
    ),
    "data_engineer": Role(
        name="Data Engineer", family="data",
        summary="You will build and run the pipelines and platforms that move, clean and model "
                "our data, so that analysts, data scientists and products can trust it and use "
                "it quickly.",
        must_have=("SQL", "Python or Scala", "data modeling", "ETL", "Airflow or Dagster",
                   "Snowflake, BigQuery or Redshift", "data quality", "Git"),
        nice_to_have=("Spark", "Kafka", "dbt", "Terraform", "AWS, GCP or Azure",
                      "data governance"),
        responsibilities=(
            "Design, build and maintain reliable batch and streaming data pipelines",
            "Model data in the warehouse so it is easy to query and understand",
            "Integrate new data sources from internal systems and third-party APIs",
            "Monitor pipelines and fix data quality issues quickly",
            "Optimise the performance and cost of data processing and storage",
            "Work with analysts and data scientists to deliver the data they need",
            "Apply data governance, security and privacy controls",
            "Document datasets, lineage and pipelines",
        ),
        qualifications=(_DEGREE_CS, "Experience running data pipelines in production"),
        aliases=("data engineer", "big data engineer", "analytics engineer", "ETL developer",
                 "ETL engineer", "data platform engineer", "data pipeline engineer"),
        function_aliases=("data engineering", "data platform"),
        replaceable={"language": "Python or Scala", "orchestration": "Airflow or Dagster",
                     "warehouse": "Snowflake, BigQuery or Redshift",
                     "cloud": "AWS, GCP or Azure"},
    ),
    "data_analyst": Role(
        name="Data Analyst", family="data",
        summary="You will help teams across the company make better decisions by finding, "
                "analysing and explaining data, and by building reports and dashboards people "
                "actually use.",
        must_have=("SQL", "Tableau, Looker or Power BI", "Excel or Google Sheets",
                   "data visualization", "statistics", "data cleaning", "stakeholder management",
                   "KPIs and metrics"),
        nice_to_have=("Python or R", "A/B testing", "dbt", "Google Analytics",
                      "BigQuery or Snowflake", "forecasting"),
        responsibilities=(
            "Answer business questions with clear, well-checked analysis",
            "Build and maintain dashboards and recurring reports",
            "Define, document and track key metrics with the teams that own them",
            "Write SQL to extract, join and clean data from several sources",
            "Present findings and recommendations to non-technical audiences",
            "Spot trends, anomalies and opportunities in the data",
            "Work with data engineers to improve data quality",
            "Support experiments and measure the impact of changes",
        ),
        qualifications=("A degree in a quantitative field such as economics, statistics, "
                        "mathematics or business",
                        "Examples of analyses or dashboards you have built"),
        aliases=("data analyst", "business intelligence analyst", "BI analyst", "BI developer",
                 "business intelligence developer", "reporting analyst", "product analyst",
                 "marketing analyst", "insights analyst", "analytics analyst"),
        ambiguous_aliases=("analyst",),
        function_aliases=("analytics", "business intelligence", "data analytics", "insights",
                          "data"),
        replaceable={"bi": "Tableau, Looker or Power BI", "language": "Python or R",
                     "warehouse": "BigQuery or Snowflake"},
    ),
    "ml_engineer": Role(
        name="Machine Learning Engineer", family="data",
        summary="You will take machine learning from notebook to production, building the "
                "models, pipelines and services that put ML into our product and keeping them "
                "accurate over time.",
        must_have=("Python", "PyTorch, TensorFlow or scikit-learn", "machine learning",
                   "MLOps", "SQL", "unit testing", "Docker", "SageMaker, Vertex AI or Azure ML"),
        nice_to_have=("LLMs", "Kubernetes", "feature stores", "distributed training",
                      "Spark", "MLflow"),
        responsibilities=(
            "Design, train and evaluate machine learning models for product features",
            "Build pipelines for data preparation, training and deployment",
            "Serve models in production with low latency and high reliability",
            "Monitor model quality and data drift and retrain when needed",
            "Work with data scientists to turn prototypes into production systems",
            "Define machine learning use cases and success metrics with product teams",
            "Optimise models and infrastructure for cost and performance",
            "Follow machine learning research and bring in useful new techniques",
        ),
        qualifications=("A degree in computer science, machine learning or a related "
                        "quantitative field",
                        "Experience deploying machine learning models to production"),
        aliases=("machine learning engineer", "ML engineer", "MLOps engineer", "AI engineer",
                 "machine learning scientist", "deep learning engineer", "AI ML engineer",
                 "ML ops engineer", "computer vision engineer", "NLP engineer",
                 "ML scientist"),
        function_aliases=("machine learning", "AI", "artificial intelligence", "ML"),
        replaceable={"language": "Python",
                     "ml_framework": "PyTorch, TensorFlow or scikit-learn",
                     "cloud": "SageMaker, Vertex AI or Azure ML"},
    ),
    # Design ---------------------------------------------------------------------------------
    "product_designer": Role(
        name="Product Designer", family="design",
        summary="You will shape how our product looks, feels and works, taking problems from "
                "research and sketches to polished designs that are simple to use and that "
                "ship.",
        must_have=("UX design", "UI design", "Figma", "user research", "interaction design",
                   "prototyping", "design systems", "working with engineers"),
        nice_to_have=("accessibility", "product analytics", "motion design", "HTML and CSS",
                      "workshop facilitation", "usability testing"),
        responsibilities=(
            "Lead the design of features from discovery to launch",
            "Run user research and usability tests and turn insights into decisions",
            "Create user flows, wireframes, prototypes and high-fidelity designs",
            "Contribute to and maintain our design system",
            "Work with product managers and engineers to define problems and scope solutions",
            "Review what is built and keep quality high",
            "Present and explain design decisions to stakeholders",
            "Measure the impact of designs and iterate",
        ),
        qualifications=("A portfolio that shows end-to-end product design work and your "
                        "process",
                        "A degree in design, human-computer interaction or a related field, or "
                        "equivalent experience"),
        aliases=("product designer", "digital product designer", "UX/UI designer",
                 "UI/UX designer", "product design", "UX/UI", "UI/UX"),
        ambiguous_aliases=("designer",),
        function_aliases=("design", "product design", "user experience", "UX"),
        replaceable={"tool": "Figma"},
    ),
    "ux_designer": Role(
        name="UX Designer", family="design",
        summary="You will make our product easy and pleasant to use, by understanding our users "
                "deeply and designing flows, structures and interactions that fit how they "
                "work.",
        must_have=("user research", "usability testing", "information architecture",
                   "wireframing", "prototyping", "Figma", "interaction design",
                   "customer journey mapping"),
        nice_to_have=("accessibility", "quantitative research", "UX writing", "service design",
                      "A/B testing", "workshop facilitation"),
        responsibilities=(
            "Plan and run user research, from interviews to usability tests",
            "Turn research findings into clear insights and design opportunities",
            "Map user journeys and design the information architecture",
            "Create wireframes and interactive prototypes to test ideas",
            "Design intuitive interaction flows for new and existing features",
            "Work with UI designers, product managers and engineers through delivery",
            "Evaluate designs against usability and accessibility standards",
            "Share research and UX practice across the company",
        ),
        qualifications=("A portfolio with case studies that show your research and design "
                        "process",
                        "A degree in HCI, psychology, design or a related field, or equivalent "
                        "experience"),
        aliases=("UX designer", "user experience designer", "UX researcher", "user researcher",
                 "UX architect", "interaction designer"),
        replaceable={"tool": "Figma"},
    ),
    "ui_designer": Role(
        name="UI Designer", family="design",
        summary="You will give our product a clear, consistent and beautiful interface, "
                "crafting the visual language, components and details that make it a pleasure "
                "to use.",
        must_have=("visual design", "typography", "Figma", "UI design", "design systems",
                   "responsive design", "iconography", "design handoff"),
        nice_to_have=("motion design", "accessibility", "Framer or ProtoPie", "HTML and CSS",
                      "branding", "illustration"),
        responsibilities=(
            "Design high-quality interfaces for web and mobile",
            "Build and maintain the visual language and component library",
            "Prepare detailed specifications and assets for engineers",
            "Work with UX designers to turn flows into polished screens",
            "Keep interfaces consistent, accessible and on brand",
            "Review what is built and work with engineers on fixes",
            "Explore visual directions and present them to stakeholders",
            "Keep design files organised and documented",
        ),
        qualifications=("A portfolio that shows strong visual and interface design",
                        "A degree in graphic, visual or interaction design, or equivalent "
                        "experience"),
        aliases=("UI designer", "user interface designer", "visual designer",
                 "interface designer", "web designer"),
        replaceable={"tool": "Figma"},
    ),
    "graphic_designer": Role(
        name="Graphic Designer", family="design",
        summary="You will create the visual work that represents our brand, from campaigns and "
                "social content to presentations and print, keeping everything consistent and "
                "striking.",
        must_have=("Adobe Creative Suite", "typography", "layout", "branding",
                   "print production", "Figma", "illustration", "managing deadlines"),
        nice_to_have=("After Effects", "photography", "video editing", "presentation design",
                      "packaging design", "social media formats"),
        responsibilities=(
            "Design marketing materials for digital and print channels",
            "Create social media graphics, ads and campaign assets",
            "Develop and maintain brand guidelines and templates",
            "Prepare files for print and digital production",
            "Work with marketing and content teams on campaign concepts",
            "Manage several design projects at once and meet deadlines",
            "Present concepts and work feedback into the designs",
            "Keep asset libraries organised",
        ),
        qualifications=("A portfolio of brand, marketing and layout work",
                        "A degree in graphic design or a related field, or equivalent "
                        "experience"),
        aliases=("graphic designer", "brand designer", "communication designer",
                 "marketing designer", "visual communication designer"),
        replaceable={"tool": "Figma"},
    ),
    # Product --------------------------------------------------------------------------------
    "product_manager": Role(
        name="Product Manager", family="product",
        summary="You will decide what we build and why, working with engineering, design and "
                "customers to find the problems worth solving and to ship solutions that move "
                "our key metrics.",
        must_have=("product discovery", "prioritization", "product roadmap", "user stories",
                   "product analytics", "stakeholder management", "agile",
                   "written communication"),
        nice_to_have=("SQL", "A/B testing", "APIs and system design", "Amplitude or Mixpanel",
                      "go-to-market", "pricing and packaging"),
        responsibilities=(
            "Own the product vision, strategy and roadmap for your area",
            "Talk to customers regularly and turn insights into opportunities",
            "Prioritise work by customer value, business impact and effort",
            "Write clear problem statements, requirements and acceptance criteria",
            "Work with engineering and design from discovery through delivery",
            "Define success metrics and measure the outcome of every release",
            "Coordinate launches with marketing, sales and support",
            "Communicate plans and progress to stakeholders and leadership",
        ),
        qualifications=("A degree in business, computer science, engineering or a related "
                        "field, or equivalent experience",
                        "Products or features you helped ship, and how you measured their "
                        "success"),
        aliases=("product manager", "digital product manager", "product management",
                 "group product manager"),
        function_aliases=("product", "product management"),
    ),
    "product_owner": Role(
        name="Product Owner", family="product",
        summary="You will make sure our development team always works on the most valuable "
                "things, owning the backlog and translating business needs into clear user "
                "stories that are ready to build.",
        must_have=("backlog management", "user stories", "acceptance criteria", "Scrum",
                   "stakeholder management", "requirements analysis", "Jira",
                   "sprint planning"),
        nice_to_have=("CSPO or PSPO", "SQL", "prototyping", "APIs and system design", "SAFe",
                      "process modelling"),
        responsibilities=(
            "Own and prioritise the product backlog",
            "Write user stories with clear acceptance criteria",
            "Run backlog refinement and take part in sprint planning, reviews and retrospectives",
            "Be the main contact for stakeholders on priorities and scope",
            "Accept completed work against the agreed criteria",
            "Clarify requirements for the development team day to day",
            "Track progress and communicate release plans",
            "Keep the backlog aligned with the product roadmap",
        ),
        qualifications=("A degree in business, computer science or a related field, or "
                        "equivalent experience",
                        "A Scrum product owner certification such as CSPO or PSPO is a plus"),
        aliases=("product owner", "PO"),
        replaceable={"tool": "Jira"},
    ),
    "business_analyst": Role(
        name="Business Analyst", family="product",
        summary="You will help the business change for the better, understanding how work is "
                "done today, finding what should improve and turning that into clear "
                "requirements that teams can build and adopt.",
        must_have=("requirements analysis", "process modelling", "stakeholder management",
                   "user stories", "data analysis", "SQL or Excel", "workshop facilitation",
                   "written communication"),
        nice_to_have=("BPMN", "Jira or Confluence", "agile", "CBAP or a similar certification",
                      "Tableau or Power BI", "change management"),
        responsibilities=(
            "Work with stakeholders to understand business needs and problems",
            "Map current processes and design improved ones",
            "Write clear requirements, user stories and acceptance criteria",
            "Analyse data to size problems and support decisions",
            "Run workshops to agree scope and priorities",
            "Work with product and engineering teams through delivery and testing",
            "Support users through the rollout of new processes and tools",
            "Measure whether changes delivered the expected benefits",
        ),
        qualifications=("A degree in business, information systems or a related field, or "
                        "equivalent experience",
                        "A CBAP, IIBA or similar business analysis certification is a plus"),
        aliases=("business analyst", "business systems analyst", "IT business analyst",
                 "functional analyst", "requirements analyst", "process analyst"),
        function_aliases=("business analysis",),
        replaceable={"tool": "Jira or Confluence"},
    ),
    # Sales ----------------------------------------------------------------------------------
    "account_executive": Role(
        name="Account Executive", family="sales",
        summary="You will win new customers, running the full sales cycle from the first "
                "conversation to a signed contract and building relationships that last beyond "
                "the deal.",
        must_have=("B2B sales", "prospecting", "discovery calls", "sales presentations",
                   "negotiation", "Salesforce or HubSpot", "pipeline management",
                   "meeting quota"),
        nice_to_have=("MEDDIC", "enterprise sales", "Outreach.io or Salesloft",
                      "solution selling", "contract negotiation", "a second language"),
        responsibilities=(
            "Own the full sales cycle from prospecting to close",
            "Build and manage a healthy pipeline of qualified opportunities",
            "Run discovery calls to understand customer needs and buying processes",
            "Deliver tailored demos and proposals",
            "Negotiate terms and close deals to meet or exceed quota",
            "Keep the CRM accurate and forecast reliably",
            "Work with SDRs and customer success on smooth handovers",
            "Share customer feedback with product and marketing",
        ),
        qualifications=("A track record of meeting or exceeding a sales quota",
                        "A degree in business or a related field, or equivalent experience"),
        aliases=("account executive", "AE", "sales executive", "sales representative",
                 "sales rep", "salesperson", "sales person", "new business manager",
                 "business development manager", "business development executive",
                 "inside sales representative", "sales consultant"),
        replaceable={"crm": "Salesforce or HubSpot"},
    ),
    "sales_development_rep": Role(
        name="Sales Development Representative", family="sales",
        summary="You will open the door to new customers, researching target accounts, starting "
                "conversations and booking qualified meetings for our account executives.",
        must_have=("prospecting", "cold calling", "lead qualification", "Salesforce or HubSpot",
                   "written communication", "resilience", "time management", "active listening"),
        nice_to_have=("Outreach.io or Salesloft", "LinkedIn Sales Navigator", "inbound sales",
                      "a second language", "industry knowledge", "sales methodology"),
        responsibilities=(
            "Research target accounts and identify decision-makers",
            "Reach out to prospects by phone, email and LinkedIn",
            "Qualify inbound and outbound leads against agreed criteria",
            "Book discovery meetings for account executives",
            "Record every activity and outcome in the CRM",
            "Meet weekly and monthly activity and pipeline targets",
            "Work with marketing on campaigns and messaging",
            "Share what you hear from prospects to improve targeting",
        ),
        qualifications=("Excellent spoken and written communication",
                        "Customer-facing experience of any kind; a degree is welcome but not "
                        "required"),
        aliases=("sales development representative", "SDR", "BDR",
                 "business development representative", "sales development",
                 "lead generation specialist", "business development associate"),
        replaceable={"crm": "Salesforce or HubSpot"},
        default_level="Junior",
    ),
    "solutions_engineer": Role(
        name="Solutions Engineer", family="sales",
        summary="You will be the technical partner in our sales process, understanding customer "
                "needs, showing how our product solves them and making sure what we sell will "
                "work in the customer's environment.",
        must_have=("technical discovery", "product demonstrations", "solution design",
                   "APIs and integrations", "sales presentations", "proofs of concept",
                   "SaaS products", "technical writing"),
        nice_to_have=("SQL", "Python or JavaScript", "AWS, GCP or Azure", "security questionnaires",
                      "Salesforce or HubSpot", "a second language"),
        responsibilities=(
            "Run technical discovery with prospects alongside account executives",
            "Deliver tailored product demonstrations and technical presentations",
            "Design solutions and integrations that fit each customer's systems",
            "Plan and run proofs of concept with clear success criteria",
            "Answer technical and security questions in proposals and questionnaires",
            "Hand over technical context to customer success and support after the sale",
            "Share product gaps and feedback from the field with product teams",
            "Build demo environments, reusable assets and technical documentation",
        ),
        qualifications=("A degree in computer science, engineering or a related field, or "
                        "equivalent experience",
                        "A technical background in software, IT or consulting"),
        aliases=("solutions engineer", "sales engineer", "presales engineer",
                 "pre sales engineer", "solutions consultant", "technical sales engineer",
                 "solution engineer", "solutions architect", "presales consultant"),
        function_aliases=("presales", "solutions engineering"),
        replaceable={"crm": "Salesforce or HubSpot", "cloud": "AWS, GCP or Azure"},
    ),
    "sales_manager": Role(
        name="Sales Manager", family="sales",
        summary="You will lead and grow a team of sellers, coaching them to hit their targets "
                "while building a predictable, healthy sales pipeline for the company.",
        must_have=("sales leadership", "coaching", "pipeline management", "forecasting",
                   "B2B sales", "hiring salespeople", "Salesforce or HubSpot", "negotiation"),
        nice_to_have=("MEDDIC or Challenger", "enterprise sales", "sales enablement",
                      "territory management", "compensation plans", "revenue operations"),
        responsibilities=(
            "Lead, coach and motivate a team of account executives and SDRs",
            "Set targets and hold the team accountable for results",
            "Own the team's pipeline and produce accurate forecasts",
            "Hire, onboard and develop salespeople",
            "Join key deals and help close strategic customers",
            "Improve the sales process, playbooks and tools",
            "Work with marketing, product and customer success on go-to-market plans",
            "Report on sales performance to leadership",
        ),
        qualifications=("A record of meeting targets, first as a seller and then as a team "
                        "lead",
                        "Experience managing a sales team"),
        aliases=("sales manager", "sales team lead", "sales team manager", "commercial manager"),
        function_aliases=("sales", "commercial", "revenue"),
        replaceable={"crm": "Salesforce or HubSpot"},
        default_level="Manager", leads_team=True,
    ),
    "account_manager": Role(
        name="Account Manager", family="sales",
        summary="You will look after a portfolio of existing customers, making sure they get "
                "value from our product and growing those relationships through renewals and "
                "upsells.",
        must_have=("account management", "relationship building", "renewals",
                   "contract negotiation", "upselling", "Salesforce or HubSpot",
                   "business reviews", "organisation across many accounts"),
        nice_to_have=("key account management", "Gainsight", "forecasting",
                      "pricing and contracts", "a second language", "project management"),
        responsibilities=(
            "Manage a portfolio of customer accounts as their main commercial contact",
            "Run regular business reviews to show value and agree next steps",
            "Own renewals and negotiate contract terms",
            "Find and close upsell and cross-sell opportunities",
            "Forecast renewal and expansion revenue accurately",
            "Work with customer success and support to resolve issues",
            "Keep account plans and CRM records up to date",
            "Share customer feedback with product and leadership",
        ),
        qualifications=("A degree in business or a related field, or equivalent experience",
                        "A record of meeting renewal or expansion targets"),
        aliases=("account manager", "key account manager", "client manager",
                 "client account manager", "strategic account manager", "KAM"),
        function_aliases=("account management", "key accounts"),
        replaceable={"crm": "Salesforce or HubSpot"},
    ),
    # Marketing ------------------------------------------------------------------------------
    "marketing_manager": Role(
        name="Marketing Manager", family="marketing",
        summary="You will plan and run marketing that brings the right customers to us, owning "
                "campaigns across channels and measuring what works.",
        must_have=("marketing strategy", "campaign management", "digital marketing",
                   "marketing analytics", "budgeting", "HubSpot or Marketo", "content marketing",
                   "project management"),
        nice_to_have=("SEO", "paid social", "product marketing", "event marketing",
                      "brand management", "Google Analytics"),
        responsibilities=(
            "Build and run the marketing plan for your area",
            "Plan and launch campaigns across email, social, search and events",
            "Manage the marketing budget and any agencies or freelancers",
            "Track campaign performance and report on pipeline and return on investment",
            "Work with sales to define target audiences and improve lead quality",
            "Develop messaging and positioning with the product team",
            "Run the marketing calendar and coordinate launches",
            "Test new channels and scale the ones that work",
        ),
        qualifications=("A degree in marketing, communications, business or a related field, "
                        "or equivalent experience",
                        "A track record of campaigns with measurable results"),
        aliases=("marketing manager", "marketing specialist", "marketing coordinator",
                 "marketing executive", "product marketing manager", "brand manager",
                 "campaign manager", "demand generation manager", "field marketing manager",
                 "digital marketing manager", "digital marketing specialist", "marketer",
                 "marketing generalist", "marketing associate", "marketing assistant"),
        function_aliases=("marketing", "brand", "product marketing"),
        replaceable={"crm": "HubSpot or Marketo"},
        alias_levels={"marketing coordinator": "Junior", "marketing assistant": "Junior",
                      "marketing associate": "Junior"},
    ),
    "content_marketer": Role(
        name="Content Marketer", family="marketing",
        summary="You will tell our story, creating articles, guides, newsletters and social "
                "content that educate our audience, build trust and bring in new customers.",
        must_have=("copywriting", "editing", "content strategy", "SEO", "storytelling",
                   "WordPress or another CMS", "content analytics", "project management"),
        nice_to_have=("video production", "social media marketing", "email marketing",
                      "Canva or Figma", "B2B writing", "AI writing tools"),
        responsibilities=(
            "Plan and manage the content calendar",
            "Write, edit and publish articles, guides, case studies and newsletters",
            "Interview customers and internal experts to create original content",
            "Optimise content for search and distribution",
            "Adapt content for social media, email and sales",
            "Keep our voice, style and messaging consistent",
            "Measure content performance and improve based on the results",
            "Work with design, product and sales on campaigns and launches",
        ),
        qualifications=("A portfolio of published writing",
                        "A degree in journalism, communications, English, marketing or a related "
                        "field, or equivalent experience"),
        aliases=("content marketer", "content marketing manager", "content writer",
                 "content strategist", "content manager", "content marketing specialist",
                 "copywriter", "content creator", "content editor", "social media manager",
                 "social media specialist"),
        function_aliases=("content", "social media"),
    ),
    "seo_specialist": Role(
        name="SEO Specialist", family="marketing",
        summary="You will grow our organic search traffic by improving how our website is found, "
                "structured and written, and by turning search data into clear priorities.",
        must_have=("SEO", "keyword research", "on-page optimization", "Google Search Console",
                   "Google Analytics", "Ahrefs or Semrush", "link building",
                   "reporting on organic performance"),
        nice_to_have=("HTML and CSS", "content writing", "structured data", "international SEO",
                      "WordPress", "Google Ads"),
        responsibilities=(
            "Audit the website and fix technical SEO issues with the web team",
            "Research keywords and map them to content and pages",
            "Optimise on-page elements, structure and internal linking",
            "Brief writers and review content for search",
            "Build quality backlinks through outreach and partnerships",
            "Track rankings, traffic and conversions and report the results",
            "Follow search engine updates and adjust the strategy",
            "Work with content, product and engineering on organic growth",
        ),
        qualifications=("Proven results growing organic search traffic",
                        "A degree in marketing or a related field, or equivalent experience"),
        aliases=("SEO specialist", "SEO manager", "SEO", "SEO analyst", "SEO strategist",
                 "search engine optimisation specialist",
                 "search engine optimization specialist", "SEO executive", "SEO consultant"),
        function_aliases=("search", "organic growth"),
    ),
    "growth_marketer": Role(
        name="Growth Marketer", family="marketing",
        summary="You will find and scale the channels and experiments that grow our customer "
                "base, moving fast with data and owning results across the funnel.",
        must_have=("performance marketing", "Google Ads", "Meta Ads or LinkedIn Ads",
                   "A/B testing", "conversion rate optimization", "Google Analytics",
                   "marketing automation", "SQL or spreadsheets"),
        nice_to_have=("Amplitude or Mixpanel", "referral programmes", "HTML and CSS", "SEO",
                      "attribution modelling", "pricing experiments"),
        responsibilities=(
            "Own growth targets across acquisition, activation and retention",
            "Plan, run and analyse growth experiments",
            "Manage paid acquisition channels and budgets",
            "Optimise landing pages, onboarding and conversion funnels",
            "Build lifecycle and retention campaigns",
            "Build dashboards and report on funnel metrics",
            "Work with product and engineering on growth features",
            "Share what you learn and scale what works",
        ),
        qualifications=("A track record of measurable growth results",
                        "A degree in marketing, economics, business or a quantitative field, or "
                        "equivalent experience"),
        aliases=("growth marketer", "growth marketing manager", "growth manager",
                 "growth hacker", "performance marketing manager", "performance marketer",
                 "acquisition manager", "user acquisition manager", "paid media manager",
                 "PPC manager", "PPC specialist", "growth marketing specialist"),
        function_aliases=("growth", "performance marketing", "demand generation",
                          "acquisition"),
    ),
    # Customer support and success -----------------------------------------------------------
    "customer_support_specialist": Role(
        name="Customer Support Specialist", family="customer",
        summary="You will be the voice of the company for customers who need help, solving their "
                "problems quickly and kindly and making sure what you learn improves the "
                "product.",
        must_have=("customer support", "written communication", "troubleshooting",
                   "Zendesk, Intercom or Freshdesk", "live chat", "knowledge base",
                   "empathy", "attention to detail"),
        nice_to_have=("a second language", "technical support", "SaaS products", "CRM",
                      "escalation management", "SLA management"),
        responsibilities=(
            "Answer customer questions by email, chat and phone",
            "Troubleshoot problems and guide customers to a solution",
            "Escalate complex issues to the right team with clear information",
            "Write and update help centre articles",
            "Log feedback and bugs so product and engineering can act on them",
            "Meet response and resolution targets while keeping quality high",
            "Spot recurring issues and suggest improvements",
            "Keep customer records accurate and up to date",
        ),
        qualifications=("Fluent written and spoken communication in the language of our "
                        "customers",
                        "Comfort with learning new software tools quickly"),
        aliases=("customer support specialist", "customer support", "customer support agent",
                 "customer support representative", "customer support associate",
                 "customer service", "customer service representative", "customer service agent",
                 "customer service advisor", "support agent", "support specialist",
                 "technical support specialist", "technical support engineer",
                 "support engineer", "technical support", "helpdesk agent", "help desk agent",
                 "customer care agent", "customer care", "customer experience specialist",
                 "CSR"),
        function_aliases=("support", "customer support", "customer service",
                          "customer experience", "customer care"),
        replaceable={"helpdesk": "Zendesk, Intercom or Freshdesk"},
    ),
    "customer_success_manager": Role(
        name="Customer Success Manager", family="customer",
        summary="You will make sure our customers get real value from our product, guiding them "
                "from onboarding to renewal and speaking up for them inside the company.",
        must_have=("customer success", "customer onboarding", "relationship building",
                   "renewals", "churn reduction", "business reviews",
                   "Salesforce, HubSpot or Gainsight", "presentation skills"),
        nice_to_have=("upselling", "SaaS products", "project management", "data analysis",
                      "APIs and integrations", "a second language"),
        responsibilities=(
            "Onboard new customers and help them reach their first results quickly",
            "Manage a portfolio of accounts and be their trusted adviser",
            "Monitor account health and act early on churn risks",
            "Run regular check-ins and business reviews",
            "Drive renewals and spot expansion opportunities",
            "Coordinate with support, product and sales to resolve customer issues",
            "Share customer feedback and advocate for customer needs",
            "Build playbooks and resources that help customers succeed",
        ),
        qualifications=("A degree in business or a related field, or equivalent experience",
                        "Confidence presenting to senior people on the customer's side"),
        aliases=("customer success manager", "CSM", "customer success",
                 "client success manager", "customer success specialist",
                 "customer success associate", "customer onboarding manager",
                 "onboarding specialist", "implementation manager", "implementation specialist"),
        function_aliases=("customer success",),
        replaceable={"crm": "Salesforce, HubSpot or Gainsight"},
    ),
    # People ---------------------------------------------------------------------------------
    "recruiter": Role(
        name="Recruiter", family="people",
        summary="You will find and hire the people who build our company, running fair, fast "
                "hiring processes and giving every candidate a good experience.",
        must_have=("recruiting", "sourcing", "interviewing", "Greenhouse, Lever or another ATS",
                   "stakeholder management", "candidate experience", "offer negotiation",
                   "employment law"),
        nice_to_have=("employer branding", "recruitment marketing", "diversity and inclusion",
                      "recruiting metrics", "agency management", "a second language"),
        responsibilities=(
            "Manage hiring processes from intake to signed offer",
            "Work with hiring managers to define roles and interview plans",
            "Source and engage candidates through direct outreach, referrals and job boards",
            "Screen candidates and coordinate interviews",
            "Give every candidate a clear, respectful and timely experience",
            "Prepare and negotiate offers",
            "Keep the applicant tracking system accurate and report on hiring metrics",
            "Improve our hiring process, job ads and employer brand",
        ),
        qualifications=("A degree in HR, psychology, business or a related field, or equivalent "
                        "experience",
                        "Knowledge of fair, inclusive hiring practice and candidate data "
                        "protection"),
        aliases=("recruiter", "talent acquisition specialist", "talent acquisition partner",
                 "talent acquisition manager", "talent acquisition", "talent partner",
                 "talent sourcer", "sourcer", "recruitment consultant", "recruitment specialist",
                 "recruiting coordinator", "recruitment coordinator", "headhunter",
                 "recruiting manager", "recruitment manager"),
        function_aliases=("talent", "recruiting", "recruitment"),
        replaceable={"ats": "Greenhouse, Lever or another ATS"},
        alias_levels={"recruiting coordinator": "Junior", "recruitment coordinator": "Junior",
                      "recruiting manager": "Manager", "recruitment manager": "Manager"},
    ),
    "hr_generalist": Role(
        name="HR Generalist", family="people",
        summary="You will keep the everyday people side of the company running smoothly, from "
                "onboarding and HR administration to employee questions, policies and "
                "compliance.",
        must_have=("employment law", "HR administration", "onboarding", "employee relations",
                   "BambooHR, Personio or another HRIS", "payroll", "HR policies",
                   "confidentiality"),
        nice_to_have=("CIPD or SHRM", "performance management", "learning and development",
                      "HR reporting", "engagement surveys", "recruiting"),
        responsibilities=(
            "Run onboarding and offboarding for employees",
            "Answer employee questions on policies, pay and benefits",
            "Maintain accurate employee records in the HR system",
            "Support managers with employee relations cases",
            "Prepare payroll inputs and manage benefits administration",
            "Keep policies and contracts compliant with employment law",
            "Support performance reviews, engagement surveys and training",
            "Suggest improvements to HR processes",
        ),
        qualifications=("A degree in human resources or a related field, or a professional HR "
                        "qualification such as CIPD or SHRM",
                        "Up-to-date knowledge of local employment law"),
        aliases=("HR generalist", "HR specialist", "HR coordinator", "HR administrator",
                 "HR assistant", "HR officer", "human resources generalist",
                 "human resources specialist", "human resources coordinator",
                 "human resources", "HR", "people operations specialist", "people operations",
                 "personnel officer"),
        replaceable={"hris": "BambooHR, Personio or another HRIS"},
        alias_levels={"HR assistant": "Junior", "HR coordinator": "Junior",
                      "human resources coordinator": "Junior"},
    ),
    "people_partner": Role(
        name="People Partner", family="people",
        summary="You will be a trusted adviser to leaders and managers on everything people "
                "related, shaping how we organise, grow, reward and look after our teams.",
        must_have=("HR business partner", "employee relations", "performance management",
                   "employment law", "organisational design", "coaching managers",
                   "workforce planning", "change management"),
        nice_to_have=("compensation and benefits", "learning and development",
                      "diversity and inclusion", "CIPD or SHRM", "employee engagement",
                      "Workday or HiBob"),
        responsibilities=(
            "Advise leaders on organisation design, workforce planning and team structure",
            "Coach managers on performance, feedback and difficult conversations",
            "Handle complex employee relations cases fairly and lawfully",
            "Run performance, promotion and pay review cycles for your groups",
            "Use people data to spot trends in engagement, attrition and growth",
            "Lead change such as reorganisations or new policies",
            "Shape programmes for development, engagement and inclusion",
            "Keep people practices fair, consistent and compliant",
        ),
        qualifications=("A degree in HR, psychology or business, or a professional HR "
                        "qualification such as CIPD or SHRM",
                        "A background that includes employee relations casework and "
                        "performance management"),
        aliases=("people partner", "HR business partner", "HRBP", "people business partner",
                 "people and culture partner", "people and culture manager",
                 "people operations manager"),
        function_aliases=("people", "people and culture", "culture"),
        default_level="Senior",
    ),
    # Finance --------------------------------------------------------------------------------
    "accountant": Role(
        name="Accountant", family="finance",
        summary="You will keep our books accurate and up to date, handling day-to-day "
                "accounting, reconciliations and the month-end close so the business always "
                "knows where it stands.",
        must_have=("bookkeeping", "accounts payable", "accounts receivable", "reconciliation",
                   "month-end close", "Xero, QuickBooks or NetSuite", "VAT or sales tax",
                   "Excel"),
        nice_to_have=("ACCA, CIMA or CPA", "payroll", "fixed assets", "audit", "IFRS or GAAP",
                      "multi-currency accounting"),
        responsibilities=(
            "Record and reconcile transactions in the accounting system",
            "Manage accounts payable and receivable, including supplier payments and invoicing",
            "Reconcile bank accounts and balance sheet items",
            "Support the month-end and year-end close",
            "Prepare VAT or sales tax returns",
            "Support payroll and expense processing",
            "Prepare information for auditors and tax advisers",
            "Improve and document accounting processes and controls",
        ),
        qualifications=("An accounting qualification such as ACCA, CIMA, CPA or AAT, completed "
                        "or in progress",
                        "Confidence with accounting software and advanced spreadsheets"),
        aliases=("accountant", "staff accountant", "bookkeeper", "general ledger accountant",
                 "GL accountant", "accounts assistant", "accounts payable specialist",
                 "accounts receivable specialist", "accounts payable clerk", "accounting clerk",
                 "accounting specialist", "accounting assistant", "finance assistant",
                 "chartered accountant", "management accountant", "tax accountant",
                 "accounting", "bookkeeping"),
        function_aliases=("accounting",),
        replaceable={"accounting_software": "Xero, QuickBooks or NetSuite",
                     "standards": "IFRS or GAAP"},
        alias_levels={"accounts assistant": "Junior", "accounting assistant": "Junior",
                      "finance assistant": "Junior", "accounts payable clerk": "Junior",
                      "accounting clerk": "Junior"},
    ),
    "financial_analyst": Role(
        name="Financial Analyst", family="finance",
        summary="You will help the company plan and decide with confidence, building forecasts, "
                "budgets and analyses that explain the numbers and what they mean for the "
                "business.",
        must_have=("financial modeling", "Excel", "budgeting", "forecasting", "variance analysis",
                   "financial reporting", "presentation skills", "accounting"),
        nice_to_have=("SQL", "Tableau, Power BI or Looker", "NetSuite or SAP", "CFA",
                      "SaaS metrics", "scenario analysis"),
        responsibilities=(
            "Build and maintain financial models, budgets and forecasts",
            "Compare actual results with the budget and explain the variances",
            "Prepare monthly management reports and dashboards",
            "Work with department heads on spending and hiring plans",
            "Support pricing, investment and business case analysis",
            "Improve reporting processes and data quality",
            "Prepare materials for leadership and board meetings",
            "Track key business and financial metrics",
        ),
        qualifications=("A degree in finance, economics, accounting or a related field",
                        "A CFA, ACCA, CIMA or similar qualification is a plus"),
        aliases=("financial analyst", "finance analyst", "FP&A analyst", "FP&A",
                 "financial planning analyst", "financial planning and analysis analyst",
                 "business finance analyst", "finance business partner"),
        function_aliases=("FP&A", "financial planning and analysis", "financial planning"),
        replaceable={"spreadsheet": "Excel", "accounting_software": "NetSuite or SAP"},
    ),
    "controller": Role(
        name="Financial Controller", family="finance",
        summary="You will own the accuracy and integrity of our financial reporting, leading the "
                "close, controls, audit and compliance so leadership can rely on the numbers.",
        must_have=("financial reporting", "IFRS or GAAP", "month-end close", "internal controls",
                   "audit", "tax compliance", "NetSuite, SAP or another ERP",
                   "cash flow management"),
        nice_to_have=("ACA, ACCA or CPA", "consolidation", "process automation", "treasury",
                      "revenue recognition", "FP&A"),
        responsibilities=(
            "Lead the monthly, quarterly and annual close",
            "Produce accurate financial statements and management accounts",
            "Design, maintain and test internal controls",
            "Manage the external audit and the relationship with the auditors",
            "Oversee tax filings and regulatory compliance",
            "Lead and develop the accounting team",
            "Manage cash flow, banking and treasury",
            "Improve finance systems and automate manual work",
        ),
        qualifications=("A professional accounting qualification such as ACA, ACCA, CIMA or "
                        "CPA",
                        "Experience leading a close and an external audit"),
        aliases=("financial controller", "finance controller", "comptroller", "finance manager",
                 "accounting manager", "chief accountant"),
        ambiguous_aliases=("controller",),
        function_aliases=("finance",),
        replaceable={"standards": "IFRS or GAAP",
                     "accounting_software": "NetSuite, SAP or another ERP"},
        default_level="Manager", leads_team=True,
    ),
    # Operations -----------------------------------------------------------------------------
    "operations_manager": Role(
        name="Operations Manager", family="operations",
        summary="You will keep the business running smoothly and efficiently, improving the "
                "processes, tools and teams behind how we deliver for our customers.",
        must_have=("operations management", "process improvement", "KPIs and reporting",
                   "team leadership", "budgeting", "project management", "data analysis",
                   "vendor management"),
        nice_to_have=("Lean or Six Sigma", "ERP", "contract negotiation", "SQL or BI tools",
                      "change management", "health and safety"),
        responsibilities=(
            "Oversee day-to-day operations and make sure targets are met",
            "Map, measure and improve key business processes",
            "Define operational KPIs and report on performance",
            "Lead and develop the operations team",
            "Manage budgets, vendors and contracts",
            "Coordinate across teams to resolve issues and remove bottlenecks",
            "Introduce tools and automation that save time",
            "Make sure policies and compliance requirements are followed",
        ),
        qualifications=("A degree in business, operations management or a related field, or "
                        "equivalent experience",
                        "A Lean or Six Sigma certification is a plus"),
        aliases=("operations manager", "ops manager", "business operations manager",
                 "revenue operations manager", "sales operations manager", "RevOps manager"),
        function_aliases=("operations", "business operations", "ops", "revenue operations"),
        default_level="Manager", leads_team=True,
    ),
    "office_manager": Role(
        name="Office Manager", family="operations",
        summary="You will make our office a good place to work, keeping everything organised, "
                "from facilities and supplies to visitors, events and administrative support.",
        must_have=("office management", "facilities management", "vendor management",
                   "administrative support", "budget tracking", "event planning",
                   "Google Workspace or Microsoft Office", "confidentiality"),
        nice_to_have=("health and safety", "IT support", "HR administration", "travel booking",
                      "bookkeeping", "onboarding"),
        responsibilities=(
            "Run the office day to day, including facilities, supplies and maintenance",
            "Manage suppliers, contracts and the relationship with the landlord",
            "Welcome visitors and handle deliveries and mail",
            "Plan team events, offsites and meetings",
            "Track office budgets and process invoices",
            "Prepare equipment, access and workspace for new joiners",
            "Keep health and safety and office policies up to date",
            "Provide administrative support to the leadership team",
        ),
        qualifications=("A qualification in business administration is welcome but not "
                        "required",
                        "A first-aid or fire-warden certificate is a plus"),
        aliases=("office manager", "office administrator", "office coordinator",
                 "administrative assistant", "admin assistant", "office assistant",
                 "receptionist", "facilities manager", "workplace manager",
                 "workplace experience manager", "facilities coordinator"),
        function_aliases=("workplace", "facilities"),
        replaceable={"office_suite": "Google Workspace or Microsoft Office"},
        alias_levels={"office assistant": "Junior", "admin assistant": "Junior",
                      "receptionist": "Junior", "administrative assistant": "Junior"},
        location="On-site",
    ),
    "supply_chain_specialist": Role(
        name="Supply Chain Specialist", family="operations",
        summary="You will keep goods flowing from suppliers to customers on time and at the right "
                "cost, planning inventory, coordinating logistics and solving problems before "
                "they reach customers.",
        must_have=("supply chain management", "inventory management", "logistics",
                   "procurement", "SAP, Oracle or NetSuite", "demand planning", "Excel",
                   "negotiation"),
        nice_to_have=("Incoterms and customs", "warehouse management", "Lean or Six Sigma",
                      "CPIM or CSCP", "transport management systems",
                      "sustainable supply chains"),
        responsibilities=(
            "Plan inventory levels and replenishment to meet demand",
            "Coordinate inbound and outbound shipments with carriers and warehouses",
            "Manage supplier orders, lead times and performance",
            "Forecast demand with the sales and operations teams",
            "Track costs, service levels and stock accuracy",
            "Resolve delays, shortages and quality issues quickly",
            "Make sure shipments follow customs and trade regulations",
            "Improve supply chain processes and systems",
        ),
        qualifications=("A degree in supply chain management, logistics, business or a related "
                        "field",
                        "A CPIM, CSCP or similar certification is a plus"),
        aliases=("supply chain specialist", "supply chain manager", "supply chain analyst",
                 "supply chain planner", "supply chain coordinator", "logistics coordinator",
                 "logistics manager", "logistics specialist", "logistics analyst",
                 "inventory manager", "inventory planner", "demand planner",
                 "procurement specialist", "procurement manager", "buyer", "purchasing manager",
                 "supply chain", "logistics"),
        function_aliases=("supply chain", "logistics", "procurement", "purchasing"),
        replaceable={"erp": "SAP, Oracle or NetSuite"},
    ),
    "project_manager": Role(
        name="Project Manager", family="operations",
        summary="You will lead projects from kick-off to delivery, keeping scope, timelines, "
                "budgets and people aligned so that work lands on time and as promised.",
        must_have=("project management", "planning and scheduling", "risk management",
                   "budgeting", "stakeholder management", "agile",
                   "Jira, Asana or MS Project", "status reporting"),
        nice_to_have=("PMP or PRINCE2", "Scrum", "change management", "vendor management",
                      "resource planning", "technical projects"),
        responsibilities=(
            "Define project scope, goals and deliverables with stakeholders",
            "Build and maintain detailed project plans and timelines",
            "Coordinate the people and teams each project needs",
            "Track progress, budget and risks and act early on issues",
            "Run project meetings, reviews and retrospectives",
            "Report status clearly to stakeholders and leadership",
            "Manage changes to scope, schedule and cost",
            "Capture lessons learned and improve how we run projects",
        ),
        qualifications=("A PMP, PRINCE2 or agile certification is a plus",
                        "Experience managing projects with several stakeholders"),
        aliases=("project manager", "program manager", "programme manager",
                 "project coordinator", "delivery manager", "scrum master",
                 "technical program manager", "technical project manager"),
        function_aliases=("projects", "delivery", "PMO", "program management"),
        replaceable={"pm_tool": "Jira, Asana or MS Project"},
        alias_levels={"project coordinator": "Junior"},
    ),
    # Healthcare and education (only the most common roles) -----------------------------------
    "registered_nurse": Role(
        name="Registered Nurse", family="healthcare",
        summary="You will give safe, compassionate care to patients and their families, "
                "assessing needs, delivering treatment and working closely with the wider "
                "clinical team.",
        must_have=("nursing registration", "patient care", "care planning",
                   "medication administration", "clinical documentation", "infection control",
                   "patient education", "BLS"),
        nice_to_have=("ACLS", "Epic or Cerner", "wound care", "IV therapy",
                      "mentoring students", "a second language"),
        responsibilities=(
            "Assess patients and plan, deliver and evaluate their care",
            "Administer medications and treatments safely and accurately",
            "Monitor patients and respond quickly to changes in their condition",
            "Keep accurate, timely clinical records",
            "Explain care and recovery to patients and their families",
            "Work with doctors and other professionals as part of the care team",
            "Follow infection control, safety and safeguarding procedures",
            "Support and mentor students and new colleagues",
        ),
        qualifications=("A nursing degree or diploma and current registration with the nursing "
                        "regulator",
                        "Current basic life support certification"),
        aliases=("registered nurse", "RN", "staff nurse", "clinical nurse", "ward nurse",
                 "charge nurse", "nursing"),
        ambiguous_aliases=("nurse",),
        alias_levels={"charge nurse": "Lead"},
    ),
    "teacher": Role(
        name="Teacher", family="education",
        summary="You will help students learn and grow, planning engaging lessons, tracking "
                "progress and creating a classroom where every student can succeed.",
        must_have=("teaching qualification", "lesson planning", "classroom management",
                   "assessment and feedback", "differentiated instruction", "subject knowledge",
                   "safeguarding", "communication with parents"),
        nice_to_have=("special educational needs", "Google Classroom",
                      "extracurricular activities", "bilingual teaching",
                      "curriculum development", "pastoral care"),
        responsibilities=(
            "Plan and deliver engaging lessons that meet curriculum standards",
            "Adapt teaching to students' different needs and abilities",
            "Assess work, give constructive feedback and track progress",
            "Create a safe, respectful and well-managed classroom",
            "Talk with parents and carers about progress and wellbeing",
            "Work with colleagues on planning, moderation and school events",
            "Follow safeguarding and school policies",
            "Keep developing your teaching practice",
        ),
        qualifications=("A degree and a recognised teaching qualification or licence",
                        "A clear background check for work with children"),
        aliases=("school teacher", "primary school teacher", "primary teacher",
                 "secondary school teacher", "secondary teacher", "high school teacher",
                 "middle school teacher", "elementary school teacher", "elementary teacher",
                 "classroom teacher"),
        ambiguous_aliases=("teacher",),
        replaceable={"subject": "subject knowledge"},
    ),
}

# --- title modifiers -------------------------------------------------------------------------

_TECH = ("engineering", "data")

MODIFIERS: tuple[Modifier, ...] = (
    # Languages and frameworks
    Modifier(("Python",), ("Python",), _TECH, ("language",),
             fills=(("web_framework", "Django, FastAPI or Flask"),), hint="backend_engineer"),
    Modifier(("Go", "Golang"), ("Go",), ("engineering",), ("language", "web_framework"),
             hint="backend_engineer"),
    Modifier(("Java",), ("Java",), _TECH, ("language",),
             fills=(("web_framework", "Spring Boot"),), hint="backend_engineer"),
    Modifier(("Kotlin",), ("Kotlin",), ("engineering",), ("language",),
             fills=(("web_framework", "Spring Boot or Ktor"),)),
    Modifier(("Scala",), ("Scala",), _TECH, ("language", "web_framework"),
             hint="backend_engineer"),
    Modifier(("Rust",), ("Rust",), ("engineering",), ("language", "web_framework"),
             hint="backend_engineer"),
    Modifier(("Ruby", "Ruby on Rails", "Rails", "RoR"), ("Ruby on Rails",), ("engineering",),
             ("language", "web_framework"), hint="backend_engineer"),
    Modifier(("PHP",), ("PHP",), ("engineering",), ("language",),
             fills=(("web_framework", "Laravel or Symfony"),), hint="backend_engineer"),
    Modifier(("Laravel",), ("PHP", "Laravel"), ("engineering",), ("language", "web_framework"),
             hint="backend_engineer"),
    Modifier(("Node.js", "Node", "NodeJS"), ("Node.js",), ("engineering",), ("language",),
             fills=(("web_framework", "Express or NestJS"),), hint="backend_engineer"),
    Modifier(("C#", ".NET", "dotnet", "ASP.NET"), ("C#", ".NET"), ("engineering",),
             ("language", "web_framework"), hint="backend_engineer"),
    Modifier(("C++", "cpp"), ("C++",), ("engineering",), ("language",)),
    Modifier(("C",), ("C",), ("engineering",), ("language",)),
    Modifier(("Django",), ("Python", "Django"), ("engineering",), ("language", "web_framework"),
             hint="backend_engineer"),
    Modifier(("FastAPI",), ("Python", "FastAPI"), ("engineering",),
             ("language", "web_framework"), hint="backend_engineer"),
    Modifier(("Flask",), ("Python", "Flask"), ("engineering",), ("language", "web_framework"),
             hint="backend_engineer"),
    Modifier(("Spring", "Spring Boot"), ("Java", "Spring Boot"), ("engineering",),
             ("language", "web_framework"), hint="backend_engineer"),
    Modifier(("JavaScript", "JS"), ("JavaScript",), ("engineering",), hint="frontend_engineer"),
    Modifier(("TypeScript", "TS"), ("TypeScript",), ("engineering",), hint="frontend_engineer"),
    Modifier(("React", "React.js", "ReactJS"), ("React",), ("engineering",), ("ui_framework",),
             hint="frontend_engineer"),
    Modifier(("Vue", "Vue.js", "VueJS"), ("Vue.js",), ("engineering",), ("ui_framework",),
             hint="frontend_engineer"),
    Modifier(("Angular",), ("Angular",), ("engineering",), ("ui_framework",),
             hint="frontend_engineer"),
    Modifier(("Next.js", "NextJS"), ("React", "Next.js"), ("engineering",), ("ui_framework",),
             hint="frontend_engineer"),
    # Mobile platforms
    Modifier(("iOS",), ("Swift", "iOS", "SwiftUI"), ("engineering",),
             ("platform", "language", "mobile_ui"), hint="mobile_engineer"),
    Modifier(("Android",), ("Kotlin", "Android", "Jetpack Compose"), ("engineering",),
             ("platform", "language", "mobile_ui"), hint="mobile_engineer"),
    Modifier(("Swift",), ("Swift",), ("engineering",), ("language",), hint="mobile_engineer"),
    Modifier(("React Native",), ("React Native", "TypeScript"), ("engineering",),
             ("platform", "language", "mobile_ui"), hint="mobile_engineer"),
    Modifier(("Flutter",), ("Flutter", "Dart"), ("engineering",),
             ("platform", "language", "mobile_ui"), hint="mobile_engineer"),
    # Role-shape words that pick a specific engineering role ("Senior Engineer, Backend")
    Modifier(("backend",), (), ("engineering",), hint="backend_engineer"),
    Modifier(("frontend",), (), ("engineering",), hint="frontend_engineer"),
    Modifier(("fullstack",), (), ("engineering",), hint="fullstack_engineer"),
    Modifier(("mobile",), (), ("engineering",), hint="mobile_engineer"),
    # Cloud and infrastructure
    Modifier(("AWS", "Amazon Web Services"), ("AWS",), _TECH, ("cloud",),
             hint="devops_engineer"),
    Modifier(("GCP", "Google Cloud"), ("GCP",), _TECH, ("cloud",), hint="devops_engineer"),
    Modifier(("Azure",), ("Azure",), _TECH, ("cloud",), hint="devops_engineer"),
    Modifier(("Kubernetes", "k8s"), ("Kubernetes",), _TECH, hint="devops_engineer"),
    Modifier(("Terraform",), ("Terraform",), ("engineering",), ("iac",),
             hint="devops_engineer"),
    Modifier(("Linux",), ("Linux",), ("engineering",), hint="devops_engineer"),
    Modifier(("Salesforce",), ("Salesforce", "Apex"), ("engineering",)),
    # Testing
    Modifier(("Selenium",), ("Selenium",), ("engineering",), ("automation",),
             hint="qa_engineer"),
    Modifier(("Cypress",), ("Cypress",), ("engineering",), ("automation",), hint="qa_engineer"),
    Modifier(("Playwright",), ("Playwright",), ("engineering",), ("automation",),
             hint="qa_engineer"),
    # Data and machine learning
    Modifier(("SQL",), ("SQL",), _TECH, hint="data_engineer"),
    Modifier(("R",), ("R",), ("data",), ("language",)),
    Modifier(("Spark", "Apache Spark"), ("Spark",), _TECH, hint="data_engineer"),
    Modifier(("Airflow",), ("Airflow",), _TECH, ("orchestration",), hint="data_engineer"),
    Modifier(("dbt",), ("dbt",), _TECH, hint="data_engineer"),
    Modifier(("Snowflake",), ("Snowflake",), _TECH, ("warehouse",), hint="data_engineer"),
    Modifier(("BigQuery",), ("BigQuery",), _TECH, ("warehouse",), hint="data_engineer"),
    Modifier(("Databricks",), ("Databricks", "Spark"), _TECH, ("warehouse",),
             hint="data_engineer"),
    Modifier(("Tableau",), ("Tableau",), ("data",), ("bi",)),
    Modifier(("Power BI",), ("Power BI",), ("data",), ("bi",)),
    Modifier(("Looker",), ("Looker",), ("data",), ("bi",)),
    Modifier(("LLM", "LLMs", "GenAI", "generative AI"), ("LLMs", "generative AI"), _TECH,
             hint="ml_engineer", label="LLMs"),
    Modifier(("AI",), ("artificial intelligence",), _TECH, hint="ml_engineer"),
    Modifier(("NLP", "natural language processing"), ("NLP",), _TECH, hint="ml_engineer"),
    Modifier(("computer vision",), ("computer vision",), _TECH, hint="ml_engineer"),
    Modifier(("deep learning",), ("deep learning",), _TECH, ("ml_framework",),
             hint="ml_engineer"),
    Modifier(("PyTorch",), ("PyTorch",), _TECH, ("ml_framework",), hint="ml_engineer"),
    Modifier(("TensorFlow",), ("TensorFlow",), _TECH, ("ml_framework",), hint="ml_engineer"),
    # Business tools
    Modifier(("Salesforce",), ("Salesforce",), ("sales", "marketing", "customer", "operations"),
             ("crm",)),
    Modifier(("HubSpot",), ("HubSpot",), ("sales", "marketing", "customer"), ("crm",)),
    Modifier(("Zendesk",), ("Zendesk",), ("customer",), ("helpdesk",)),
    Modifier(("Excel",), ("Excel",), ("data", "finance", "operations", "sales"),
             ("spreadsheet",)),
    Modifier(("SAP",), ("SAP",), ("finance", "operations"), ("erp", "accounting_software")),
    Modifier(("NetSuite",), ("NetSuite",), ("finance", "operations"),
             ("erp", "accounting_software")),
    Modifier(("QuickBooks",), ("QuickBooks",), ("finance",), ("accounting_software",)),
    Modifier(("Xero",), ("Xero",), ("finance",), ("accounting_software",)),
    Modifier(("Workday",), ("Workday",), ("people", "finance"), ("hris",)),
    Modifier(("Figma",), ("Figma",), ("design",), ("tool",)),
    Modifier(("Jira",), ("Jira",), ("product", "operations"), ("tool", "pm_tool")),
    # Markets and domains
    Modifier(("B2B SaaS",), ("B2B SaaS",), ("*",), label="B2B SaaS"),
    Modifier(("SaaS",), ("SaaS",), ("*",)),
    Modifier(("B2B",), ("B2B",), ("*",)),
    Modifier(("B2C",), ("B2C",), ("*",)),
    Modifier(("fintech",), ("fintech",), ("*",)),
    Modifier(("healthtech",), ("healthtech",), ("*",)),
    Modifier(("e-commerce", "ecommerce"), ("e-commerce",), ("*",)),
    Modifier(("payments",), ("payments",), ("*",)),
    Modifier(("marketplace",), ("marketplaces",), ("*",)),
    Modifier(("gaming",), ("game development",), ("engineering", "design", "product")),
    Modifier(("enterprise",), ("enterprise sales",), ("sales", "customer")),
    Modifier(("SMB",), ("SMB sales",), ("sales", "customer")),
    Modifier(("mid-market",), ("mid-market sales",), ("sales", "customer")),
    Modifier(("outbound",), ("outbound sales",), ("sales",)),
    Modifier(("inbound",), ("inbound sales",), ("sales",)),
    Modifier(("technical", "tech", "IT"), ("technical recruiting",), ("people",),
             label="technical hiring"),
    Modifier(("executive",), ("executive search",), ("people",)),
    Modifier(("payroll",), ("payroll",), ("people", "finance")),
    Modifier(("technical",), ("APIs and system design",), ("product",),
             label="technical products"),
    Modifier(("technical",), ("technical support",), ("customer",),
             label="technical support"),
    Modifier(("growth",), ("A/B testing", "growth experiments"), ("product",)),
    Modifier(("AI", "ML"), ("AI products",), ("product", "design"), label="AI products"),
    Modifier(("mobile",), ("mobile app design",), ("design",)),
    Modifier(("SEO",), ("SEO",), ("marketing",)),
    Modifier(("PPC", "paid search", "SEM"), ("Google Ads", "PPC"), ("marketing",)),
    Modifier(("paid social",), ("Meta Ads or LinkedIn Ads",), ("marketing",)),
    Modifier(("email", "lifecycle", "CRM"), ("email marketing", "marketing automation"),
             ("marketing",)),
    Modifier(("product",), ("product marketing",), ("marketing",)),
    Modifier(("tax",), ("tax",), ("finance",)),
    Modifier(("audit",), ("audit",), ("finance",)),
    Modifier(("IFRS",), ("IFRS",), ("finance",), ("standards",)),
    Modifier(("GAAP", "US GAAP"), ("GAAP",), ("finance",), ("standards",)),
    Modifier(("warehouse",), ("warehouse management",), ("operations",)),
    Modifier(("procurement", "purchasing"), ("procurement",), ("operations",)),
    # Clinical settings and teaching subjects
    Modifier(("ICU", "intensive care", "critical care"), ("critical care",), ("healthcare",)),
    Modifier(("emergency", "ER", "A&E"), ("emergency care",), ("healthcare",)),
    Modifier(("paediatric", "pediatric"), ("pediatrics",), ("healthcare",)),
    Modifier(("surgical", "theatre"), ("surgical nursing",), ("healthcare",)),
    Modifier(("oncology",), ("oncology nursing",), ("healthcare",)),
    Modifier(("mental health", "psychiatric"), ("mental health",), ("healthcare",)),
    Modifier(("community", "district"), ("community care",), ("healthcare",)),
    Modifier(("mathematics", "maths", "math"), ("mathematics teaching",), ("education",),
             ("subject",)),
    Modifier(("English",), ("English teaching",), ("education",), ("subject",)),
    Modifier(("science",), ("science teaching",), ("education",), ("subject",)),
    Modifier(("physics",), ("physics teaching",), ("education",), ("subject",)),
    Modifier(("chemistry",), ("chemistry teaching",), ("education",), ("subject",)),
    Modifier(("biology",), ("biology teaching",), ("education",), ("subject",)),
    Modifier(("history",), ("history teaching",), ("education",), ("subject",)),
    Modifier(("geography",), ("geography teaching",), ("education",), ("subject",)),
    Modifier(("computer science", "computing"), ("computer science teaching",),
             ("education",), ("subject",)),
    Modifier(("music",), ("music teaching",), ("education",), ("subject",)),
    Modifier(("art",), ("art teaching",), ("education",), ("subject",)),
    Modifier(("French", "Spanish", "German"), ("modern foreign languages teaching",),
             ("education",), ("subject",)),
)

# --- seniority -------------------------------------------------------------------------------

LEVELS: tuple[Level, ...] = (
    Level("Intern", 0, ("intern", "internship", "trainee", "apprentice", "apprenticeship",
                        "working student", "placement student"), "intern", None),
    Level("Junior", 1, ("junior", "jr", "entry level", "entry-level", "graduate", "grad",
                        "associate", "I"), "junior", 0),
    Level("Mid-level", 2, ("mid", "mid-level", "midlevel", "intermediate", "II"), "mid", 2),
    Level("Senior", 3, ("senior", "sr", "snr", "experienced", "III"), "senior", 5),
    Level("Lead", 4, ("lead", "team lead", "teamlead", "tech lead", "technical lead"), "lead",
          7),
    Level("Manager", 4, ("manager", "mgr"), "manager", 5),
    Level("Staff", 5, ("staff",), "lead", 8),
    Level("Principal", 6, ("principal", "distinguished"), "lead", 10),
    Level("Head", 6, ("head",), "executive", 8),
    Level("Director", 7, ("director",), "executive", 10),
    Level("VP", 8, ("VP", "SVP", "EVP", "vice president"), "executive", 12),
)

TIERS: dict[str, Tier] = {
    "intern": Tier(
        responsibilities=("Work on a real project with a dedicated mentor and present your "
                          "results to the team",),
        qualifications=("Hands-on practice from coursework, personal projects or earlier "
                        "internships",
                        "Curiosity and a wish to learn, and the confidence to ask for help"),
        role_qualifications=0,
        outlook="This internship is a chance to learn how a professional team works while "
                "doing real work that is reviewed, supported and used.",
    ),
    "junior": Tier(
        responsibilities=("Take on well-scoped tasks with support from senior colleagues and "
                          "grow your independence over time",),
        qualifications=("Coursework, projects or internships that show what you can do",),
        role_qualifications=1,
        outlook="This is an early-career position: you will get structured onboarding, regular "
                "feedback and plenty of room to grow.",
    ),
    "mid": Tier(
        responsibilities=(),
        qualifications=(),
        outlook="You will work independently on well-defined problems, own your work from "
                "start to finish and help shape how the team works.",
    ),
    "senior": Tier(
        responsibilities=("Mentor less experienced {colleagues} and share what you know",),
        qualifications=(),
        outlook="As a senior member of the team you will own complex, ambiguous work from start "
                "to finish and raise the bar for the people around you.",
    ),
    "lead": Tier(
        responsibilities=(
            "Lead the planning and delivery of the team's most important initiatives",
            "Mentor other {colleagues} and set quality standards through reviews and example",
        ),
        qualifications=("Experience leading initiatives across teams and mentoring "
                        "{colleagues}",),
        outlook="As a lead you will set direction for the team's work, guide and mentor "
                "colleagues and answer for the quality of what the team delivers.",
    ),
    "manager": Tier(
        responsibilities=(
            "Hire, coach and manage a team of {colleagues}, with regular one-to-ones and "
            "honest feedback",
            "Plan the team's priorities and capacity and report progress to leadership",
        ),
        qualifications=("Experience managing people, including hiring and performance "
                        "reviews",),
        outlook="You will manage and grow a team, and your success will be measured by what the "
                "team achieves and how its people develop.",
    ),
    "executive": Tier(
        responsibilities=(
            "Build and lead the {department} function, including hiring, structure and "
            "performance",
            "Set the {department} strategy, goals and budget with the leadership team",
        ),
        qualifications=("Experience leading a function or several teams, including strategy "
                        "and budget ownership",),
        outlook="In this leadership role you will set the strategy for {department}, build the "
                "team and represent it among the company's leaders.",
    ),
}

DEFAULT_LEVEL = "Mid-level"

# --- unknown titles --------------------------------------------------------------------------

# A draft for a title the catalogue does not know: general professional skills only.
GENERIC_DEPARTMENT = "General"
GENERIC_LOCATION = "Hybrid"
GENERIC_MUST_HAVE = ("written and verbal communication", "organisation and time management",
                     "problem solving", "teamwork", "attention to detail", "reliability")
GENERIC_NICE_TO_HAVE = ("experience in a similar role", "Microsoft Office or Google Workspace",
                        "customer focus", "adaptability")
GENERIC_RESPONSIBILITIES = (
    "Carry out the core duties of the role as defined by the hiring team",
    "Plan and prioritise your own work to meet agreed deadlines",
    "Communicate progress, risks and results clearly to your manager and colleagues",
    "Work with colleagues across teams to get things done",
    "Keep accurate records of your work",
    "Suggest and make improvements to how the team works",
)
GENERIC_QUALIFICATION = ("Education, training or certification relevant to the role, to be "
                         "specified by the hiring team")
GENERIC_SUMMARY = ("This draft was written without specific knowledge of the role, so it "
                   "describes the general qualities we look for in every colleague. [Hiring "
                   "team: add the role's main duties, required skills and qualifications before "
                   "publishing.]")

# --- words in titles -------------------------------------------------------------------------

# Words that carry no role meaning; they never make a title "unexplained".
FILLER_WORDS = frozenset(
    "a an and or of the for in at with to on team remote hybrid onsite office based contract "
    "contractor freelance freelancer temporary temp permanent full part time fulltime parttime "
    "m f d w x h all genders position role job opening vacancy new".split()
)

# Spellings folded together before matching, so data and titles can be written naturally.
CANONICAL_SPELLINGS: tuple[tuple[str, str], ...] = (
    ("front end", "frontend"), ("back end", "backend"), ("full stack", "fullstack"),
    ("dev ops", "devops"), ("e commerce", "ecommerce"), ("on site", "onsite"),
    ("vice president", "vp"), ("help desk", "helpdesk"), ("cyber security", "cybersecurity"),
    ("mid level", "mid"), ("midlevel", "mid"), ("book keeper", "bookkeeper"),
)

# How title words are written when a title arrives all lower- or upper-case.
DISPLAY_WORDS: dict[str, str] = {
    word.lower(): word for word in (
        "iOS AI ML LLM NLP UX UI QA SRE SEO SEM PPC HR HRBP AWS GCP SDR BDR CSM CSR AE KAM VP "
        "SVP EVP DevOps DevSecOps MLOps SaaS B2B B2C SWE SDE SDET IT PHP SQL JavaScript "
        "TypeScript Node.js Next.js Vue.js React.js C++ C# .NET BI ETL FP&A RN ICU ER GTM API "
        "PMO CTO CFO COO CMO CEO CPO HubSpot NetSuite QuickBooks GraphQL PostgreSQL RevOps SMB "
        "II III IV dbt BigQuery PyTorch TensorFlow AppSec SOC GL".split()
    )
}
LOWERCASE_TITLE_WORDS = frozenset("a an and or of the for in at with to on".split())

# --- description prose -----------------------------------------------------------------------

LOCATION_SENTENCES: dict[str, str] = {
    "Remote": "The role is remote.",
    "Hybrid": "The role is hybrid, combining time in the office with working from home.",
    "On-site": "The role is based on site.",
}
# Added in order, after the family's own sentence, when a description is still too short.
PADDING_SENTENCES: tuple[str, ...] = (
    "We value clear goals, honest feedback and trust, so you will have the context you need and "
    "the freedom to decide how to reach those goals.",
    "You will join colleagues who care about doing things properly, help each other and enjoy "
    "solving problems together.",
    "We want everyone on the team to keep learning, through feedback, new challenges and time "
    "to develop their skills.",
    "We welcome applicants of every background, and we are happy to discuss adjustments to the "
    "hiring process that help you show your best.",
)
CLOSING_SENTENCE = ("If this sounds like you, we would love to hear from you, even if you do "
                    "not match every point above.")
