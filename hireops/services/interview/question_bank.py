"""The built-in interviewer's question bank: questions per skill family, each with expected points.

Expected points are short noun phrases a good answer would cover. They are read twice: as
keyword evidence (`follow_up.covered_points` checks an answer against them, word stems and
vocabulary skills) and as prose after "about" in a follow-up ("Could you tell me more about the
query plan?"), so each one names its topic with content words a candidate would actually say.

Texts may hold `{skill}` (the job's wording of a skill), `{title}` or `{responsibility}`;
`BankQuestion.format` fills them. No text may touch a protected characteristic: a test screens
every one with `protected_topics.screen_question`, and the planner screens them again after
filling in the job's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from hireops.services.ai.local.skills import SKILLS

QuestionKind = Literal[
    "warm_up", "skill", "gap_probe", "behavioural", "problem_solving", "closing", "custom",
    "screening",
]


@dataclass(frozen=True)
class BankQuestion:
    """One question the interviewer may ask, with what a good answer covers."""

    key: str  # stable identifier, "family.topic"; unique across the bank
    text: str  # may hold {skill}, {title} or {responsibility}
    expected_points: tuple[str, ...]  # 3-5 noun phrases a good answer covers
    family: str  # key of FAMILIES, or "general"
    kind: QuestionKind
    skills: tuple[str, ...] = ()  # canonical vocabulary skills it suits best; () = whole family

    def format(self, **values: str) -> BankQuestion:
        """This question with its placeholders filled ({skill}, {title}, {responsibility})."""
        return replace(self, text=_fill(self.text, values),
                       expected_points=tuple(_fill(p, values) for p in self.expected_points))


def _fill(text: str, values: dict[str, str]) -> str:
    # str.format would choke on any other brace; only the known placeholders are replaced.
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


@dataclass(frozen=True)
class SkillFamily:
    """A group of skills that share interview questions."""

    key: str
    label: str  # shown to recruiters ("Data and SQL")
    skills: tuple[str, ...]  # canonical vocabulary names that belong to it
    keywords: str  # regex for job phrases outside the vocabulary ("lesson planning")
    questions: tuple[BankQuestion, ...]


def _q(key: str, text: str, points: tuple[str, ...], skills: str = "",
       kind: QuestionKind = "skill") -> BankQuestion:
    """A bank entry; `skills` is "|"-separated canonical names, its family the key's prefix."""
    names = tuple(s.strip() for s in skills.split("|") if s.strip())
    return BankQuestion(key=key, text=text, expected_points=points, family=key.split(".")[0],
                        kind=kind, skills=names)


def _names(block: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in block.split("|") if s.strip())


# --- skill families ----------------------------------------------------------------------

_PROGRAMMING = SkillFamily(
    key="programming", label="Programming languages and frameworks",
    skills=_names("""Python | Java | JavaScript | TypeScript | Go | Rust | C | C++ | C# | .NET |
        Ruby | Ruby on Rails | PHP | Kotlin | Scala | Elixir | Erlang | Haskell | Clojure |
        MATLAB | Perl | Bash | PowerShell | Lua | Dart | Node.js | Express | NestJS | Django |
        Flask | FastAPI | Spring Boot | Laravel | Symfony | Hibernate | Git | GitHub | GitLab |
        Bitbucket | Code review | Embedded systems | Game development | Blockchain |
        Technical writing"""),
    keywords=r"programm|coding|software (?:development|engineering)|algorithm|data structure|"
             r"object[- ]oriented|backend language|scripting",
    questions=(
        _q("programming.python_project",
           "How do you structure a Python project so it stays easy to test and to change? "
           "Mention the packaging, typing or tooling you rely on.",
           ("modules and packages", "type hints", "virtual environments or dependency pinning",
            "pytest and test layout", "linting and formatting"),
           "Python|Django|Flask|FastAPI"),
        _q("programming.async_js",
           "How do you handle asynchronous code in {skill}: promises, async/await and errors? "
           "Tell me about a bug it caused and how you fixed it.",
           ("promises", "async/await", "error handling", "the event loop",
            "the bug and its fix"),
           "JavaScript|TypeScript|Node.js|Express|NestJS"),
        _q("programming.concurrency",
           "How have you handled concurrency in {skill}? What could go wrong, and how did you "
           "make it safe?",
           ("threads, goroutines or async tasks", "locks or channels", "shared state",
            "testing concurrent code", "a real problem it caused"),
           "Java|Go|Rust|C++|C#|.NET|Kotlin|Scala|Elixir|Erlang|C"),
        _q("programming.recent_code",
           "Tell me about a recent piece of {skill} code you are proud of: what did it do, and "
           "how did you make sure it worked?",
           ("what the code did", "design choices", "automated tests", "code review",
            "the result or impact")),
        _q("programming.debugging",
           "Describe a hard bug you tracked down in {skill}. How did you find the root cause, "
           "and what did you change so it would not come back?",
           ("reproducing the bug", "logs or a debugger", "the root cause",
            "the fix and a regression test")),
        _q("programming.maintainable",
           "How do you keep {skill} code readable and maintainable as a codebase grows?",
           ("naming and structure", "code review", "tests", "refactoring", "documentation")),
    ),
)

_BACKEND = SkillFamily(
    key="backend", label="Backend and architecture",
    skills=_names("""REST APIs | GraphQL | gRPC | WebSockets | Microservices |
        Event-driven architecture | Distributed systems | System design | API design | OpenAPI |
        Message queues | Kafka | RabbitMQ | Caching | Redis | Memcached |
        Performance optimization"""),
    keywords=r"back[- ]?end|\bapis?\b|architect|scalab|web services?",
    questions=(
        _q("backend.api_design",
           "Walk me through an API you designed: how did you shape the endpoints, handle errors "
           "and versioning, and keep clients from breaking?",
           ("resource and endpoint design", "error handling and status codes", "versioning",
            "authentication", "documentation"),
           "REST APIs|API design|GraphQL|gRPC|OpenAPI|WebSockets"),
        _q("backend.system_design",
           "Describe a system you helped design that had to scale. What were the main "
           "components, where were the bottlenecks, and what trade-offs did you make?",
           ("components and data flow", "bottlenecks", "caching or queues", "trade-offs",
            "monitoring"),
           "System design|Distributed systems|Microservices|Event-driven architecture"),
        _q("backend.messaging",
           "When have you used {skill} or another message queue, and how did you deal with "
           "retries, ordering and duplicate messages?",
           ("retries", "message ordering", "idempotent consumers", "a dead-letter queue",
            "monitoring consumer lag"),
           "Kafka|RabbitMQ|Message queues|Event-driven architecture"),
        _q("backend.performance",
           "Tell me about a time you made a slow service faster. How did you find the cause, "
           "and what did you measure before and after?",
           ("profiling", "measurements before and after", "caching", "database queries",
            "the result in numbers"),
           "Performance optimization|Caching|Redis|Memcached"),
        _q("backend.demanding_work",
           "Tell me about the most demanding backend work you have done with {skill}: what was "
           "your part, and what was the result?",
           ("{skill}", "your own part", "design decisions", "the result")),
    ),
)

_DATA = SkillFamily(
    key="data", label="Data, SQL and analytics",
    skills=_names("""SQL | T-SQL | PL/SQL | PostgreSQL | MySQL | MariaDB | SQLite | SQL Server |
        Oracle Database | MongoDB | Cassandra | DynamoDB | Elasticsearch | Neo4j | Firebase |
        Supabase | Snowflake | BigQuery | Redshift | Databricks | ClickHouse | ETL |
        Data modeling | Data warehousing | Airflow | dbt | Spark | Hadoop | Hive | pandas |
        NumPy | SciPy | Matplotlib | Seaborn | Jupyter | Data analysis | Data engineering |
        Data quality | Big data | Excel | Google Sheets | VBA | Data visualization | Tableau |
        Power BI | Looker | Looker Studio | Metabase | Statistics | A/B testing | SAS | SPSS |
        Stata | R | Time series analysis"""),
    keywords=r"\bdata\b|databas|analytic|report(?:ing|s)\b|\bkpis?\b|dashboard|spreadsheet|"
             r"metrics|insight",
    questions=(
        _q("data.sql_query",
           "Tell me about a slow or complex SQL query you worked on. How did you find out why "
           "it was slow, and what did you change?",
           ("the query plan (EXPLAIN)", "indexes", "joins and filters",
            "how you measured the improvement"),
           "SQL|T-SQL|PL/SQL|PostgreSQL|MySQL|MariaDB|SQLite|SQL Server|Oracle Database|"
           "ClickHouse"),
        _q("data.modeling",
           "How would you design the tables for a new reporting need? Walk me through how you "
           "decide on keys, normalisation and keeping history.",
           ("primary and foreign keys", "normalisation", "fact and dimension tables",
            "history of changes", "data quality checks"),
           "Data modeling|Data warehousing|Snowflake|BigQuery|Redshift|dbt|PostgreSQL|SQL|MySQL|"
           "SQL Server"),
        _q("data.pipeline",
           "Describe a data pipeline you built or maintained. How did you handle failures, late "
           "data and data quality?",
           ("scheduling and orchestration", "retries after failures", "idempotent loads",
            "data quality checks", "monitoring and alerts"),
           "ETL|Airflow|dbt|Spark|Data engineering|Databricks|Hadoop|Hive|Big data|Kafka|"
           "Data quality"),
        _q("data.analysis",
           "Tell me about an analysis that changed a decision. What question were you answering, "
           "how did you check the data, and how did you present the result?",
           ("the business question", "cleaning and checking the data", "the analysis method",
            "a clear presentation of results", "the decision it changed"),
           "Data analysis|pandas|NumPy|SciPy|Jupyter|Statistics|R|SAS|SPSS|Stata|"
           "Time series analysis|Matplotlib|Seaborn"),
        _q("data.visualization",
           "Tell me about a dashboard you built in {skill}. Who used it, how did you choose what "
           "to show, and how did you keep the numbers right?",
           ("the audience", "key metrics", "chart choices", "data refresh",
            "checking the numbers"),
           "Data visualization|Tableau|Power BI|Looker|Looker Studio|Metabase"),
        _q("data.ab_test",
           "How would you set up and read an A/B test? What would make you distrust the result?",
           ("a hypothesis", "sample size", "statistical significance", "randomisation",
            "bias or novelty effects"),
           "A/B testing|Statistics"),
        _q("data.spreadsheet",
           "How do you build a spreadsheet in {skill} that others can rely on? Tell me about one "
           "you made and how you checked it.",
           ("a clear structure", "formulas and lookups", "pivot tables", "checks and totals",
            "notes for other users"),
           "Excel|Google Sheets|VBA"),
        _q("data.nosql",
           "When did you choose {skill} over a relational database, and what did you have to "
           "design differently?",
           ("access patterns", "the data model", "consistency", "indexes", "trade-offs"),
           "MongoDB|Cassandra|DynamoDB|Elasticsearch|Neo4j|Firebase|Supabase|Redis"),
        _q("data.demanding_work",
           "Tell me about the most demanding data work you have done with {skill}: what was the "
           "question, what did you do, and what came of it?",
           ("{skill}", "the question or goal", "your own part", "the result")),
    ),
)

_MACHINE_LEARNING = SkillFamily(
    key="ml", label="Machine learning and AI",
    skills=_names("""Machine learning | Deep learning | Artificial intelligence | NLP |
        Computer vision | LLMs | Generative AI | Prompt engineering |
        Retrieval-augmented generation | TensorFlow | PyTorch | Keras | scikit-learn | XGBoost |
        MLOps | MLflow | Kubeflow | Feature engineering | Recommendation systems | Hugging Face |
        LangChain | OpenCV | Data science"""),
    keywords=r"machine learning|\bml\b|\bai\b|model(?:s|ling)? training|neural|predictive",
    questions=(
        _q("ml.llm",
           "Tell me about something you built with {skill}. How did you evaluate the quality of "
           "its output and deal with wrong answers?",
           ("an evaluation set", "prompt design", "retrieval of context", "hallucinations",
            "cost and latency"),
           "LLMs|Generative AI|Prompt engineering|Retrieval-augmented generation|LangChain|"
           "Hugging Face|NLP"),
        _q("ml.project",
           "Walk me through a model you took from idea to real use. How did you choose features "
           "and metrics, validate it, and know it worked once deployed?",
           ("framing the problem", "features", "validation", "the evaluation metric",
            "monitoring after deployment")),
        _q("ml.production_gap",
           "A model does well in testing but poorly in production. How would you find out why?",
           ("data drift", "data leakage", "the train and test split", "monitoring",
            "retraining")),
    ),
)

_CLOUD_DEVOPS = SkillFamily(
    key="devops", label="Cloud and DevOps",
    skills=_names("""AWS | Azure | GCP | Cloud computing | Docker | Kubernetes | Helm | Terraform |
        Ansible | Puppet | Chef | Pulumi | CloudFormation | Infrastructure as code | CI/CD |
        Jenkins | GitHub Actions | GitLab CI | CircleCI | Travis CI | Argo CD | Linux | Nginx |
        Prometheus | Grafana | Datadog | ELK stack | Splunk | New Relic | Observability |
        Site reliability engineering | Serverless | Networking"""),
    keywords=r"devops|cloud|infrastructure|deploy|container|on[- ]call|reliability|sysadmin|"
             r"monitoring",
    questions=(
        _q("devops.ci_cd",
           "Describe a CI/CD pipeline you set up or improved. What ran at each stage, and how "
           "did you make releases safe to roll back?",
           ("build and test stages", "automated tests", "the deployment strategy", "rollback",
            "pipeline speed"),
           "CI/CD|Jenkins|GitHub Actions|GitLab CI|CircleCI|Travis CI|Argo CD"),
        _q("devops.containers",
           "How have you run services on {skill}? Tell me about resource limits, health checks "
           "and how you handled a failing deployment.",
           ("health checks", "resource limits", "scaling", "rolling updates",
            "debugging containers"),
           "Docker|Kubernetes|Helm"),
        _q("devops.iac",
           "How do you manage infrastructure with {skill} as a team: state, reviews and changes "
           "to production?",
           ("state management", "reusable modules", "reviewing plans before applying",
            "separate environments", "configuration drift"),
           "Terraform|Infrastructure as code|Ansible|Pulumi|CloudFormation|Puppet|Chef"),
        _q("devops.incident",
           "Tell me about a production incident you handled. How did you notice it, find the "
           "cause and prevent it from happening again?",
           ("alerts and monitoring", "the root cause", "communication during the incident",
            "a postmortem", "prevention"),
           "Observability|Site reliability engineering|Prometheus|Grafana|Datadog|ELK stack|"
           "Splunk|New Relic|Linux|Nginx|Networking"),
        _q("devops.cloud",
           "Which {skill} services have you used in production, and how did you keep cost and "
           "security under control?",
           ("the services used", "IAM and permissions", "networking", "cost monitoring",
            "backups"),
           "AWS|Azure|GCP|Cloud computing|Serverless"),
        _q("devops.demanding_work",
           "Tell me about the most demanding infrastructure work you have done with {skill}: "
           "what was the goal, what did you do, and how did you know it worked?",
           ("{skill}", "the goal", "your own part", "how you verified it")),
    ),
)

_FRONTEND = SkillFamily(
    key="frontend", label="Frontend",
    skills=_names("""HTML | CSS | Sass | Tailwind CSS | Bootstrap | React | Angular | Vue.js |
        Svelte | Next.js | Nuxt | Redux | jQuery | Responsive design"""),
    keywords=r"front[- ]?end|\bweb\b|browser|\bui\b|user interfaces?",
    questions=(
        _q("frontend.components",
           "Tell me about a complex interface you built with {skill}. How did you structure "
           "components and state, and how did you keep it fast?",
           ("component structure", "state management", "rendering performance",
            "component tests", "accessibility"),
           "React|Angular|Vue.js|Svelte|Next.js|Nuxt|Redux|jQuery"),
        _q("frontend.layout",
           "How do you build a layout that works on phones, tablets and desktops and stays "
           "accessible?",
           ("responsive layout", "flexbox or grid", "semantic HTML", "accessibility",
            "cross-browser testing"),
           "HTML|CSS|Sass|Tailwind CSS|Bootstrap|Responsive design"),
        _q("frontend.slow_page",
           "A page in your app feels slow. How would you find out why and make it faster?",
           ("browser developer tools", "bundle size", "rendering", "network requests",
            "the measured improvement")),
    ),
)

_MOBILE = SkillFamily(
    key="mobile", label="Mobile",
    skills=_names("iOS | Android | React Native | Flutter | SwiftUI | Jetpack Compose | Xamarin | "
                  "Swift | Objective-C"),
    keywords=r"mobile|\bapps?\b|app store|play store",
    questions=(
        _q("mobile.release",
           "Tell me about an app you shipped with {skill}. How did you handle releases, crashes "
           "and users on older versions?",
           ("the app store release", "crash reporting", "backwards compatibility",
            "offline handling", "testing on devices")),
        _q("mobile.performance",
           "How do you keep a mobile app smooth and light on battery and data?",
           ("profiling", "background work", "caching", "image sizes", "the measured result")),
    ),
)

_TESTING = SkillFamily(
    key="testing", label="Testing and QA",
    skills=_names("""Unit testing | Test-driven development | Pytest | JUnit | Jest | Cypress |
        Selenium | Playwright | Mocha | Test automation | Quality assurance"""),
    keywords=r"\btest|\bqa\b|quality",
    questions=(
        _q("testing.automation",
           "Tell me about a test automation suite you built or fixed with {skill}. How did you "
           "deal with flaky tests?",
           ("the suite structure", "flaky tests", "waits and timing", "running in CI",
            "test data"),
           "Test automation|Selenium|Cypress|Playwright"),
        _q("testing.strategy",
           "How do you decide what to test, and at which level: unit, integration or "
           "end-to-end?",
           ("the test pyramid", "unit tests", "integration tests", "end-to-end tests",
            "risk-based priorities")),
        _q("testing.bug_found",
           "Tell me about an important bug you found before release. How did you find it and "
           "how did you report it?",
           ("how the bug was found", "steps to reproduce", "severity", "a clear bug report",
            "the follow-up")),
    ),
)

_SECURITY = SkillFamily(
    key="security", label="Security",
    skills=_names("Cybersecurity | OWASP | Penetration testing | Identity and access management | "
                  "OAuth"),
    keywords=r"secur|threat|vulnerab|penetration|encrypt|\bsoc\b|incident response",
    questions=(
        _q("security.auth",
           "How have you implemented authentication and access control with {skill}? What "
           "mistakes did you guard against?",
           ("least privilege", "token handling", "session expiry", "audit logs",
            "secrets management"),
           "OAuth|Identity and access management"),
        _q("security.vulnerability",
           "Tell me about a security vulnerability you found or fixed. How did you assess the "
           "risk and make sure it was closed?",
           ("how it was found", "the risk assessment", "the fix", "verification of the fix",
            "lessons shared with the team")),
        _q("security.threat_model",
           "How would you threat-model a new feature that stores customer data?",
           ("assets and data flows", "threats", "authentication and authorisation",
            "encryption", "logging and monitoring")),
    ),
)

_SALES = SkillFamily(
    key="sales", label="Sales",
    skills=_names("""Salesforce | HubSpot | CRM | Pipedrive | Zoho CRM | B2B sales | SaaS sales |
        Cold calling | Lead generation | Prospecting | Account management |
        Key account management | Negotiation | Solution selling | MEDDIC | Pipeline management |
        Territory management | Business development | Outbound sales | Inbound sales |
        Contract negotiation | Upselling | LinkedIn Sales Navigator | Outreach.io | Gong |
        Customer success | Sales presentations | Retail sales"""),
    keywords=r"\bsales?\b|selling|quota|prospect|deal|closing|revenue|renewal|discovery calls?|"
             r"lead qualification|demos?\b",
    questions=(
        _q("sales.pipeline",
           "How do you manage your pipeline in {skill} and keep your forecast reliable?",
           ("pipeline stages", "CRM updates", "forecast accuracy", "clear next steps",
            "conversion rates"),
           "Pipeline management|CRM|Salesforce|HubSpot|Pipedrive|Zoho CRM|Territory management"),
        _q("sales.prospecting",
           "How do you find and open conversations with new prospects? Tell me about a campaign "
           "or sequence that worked.",
           ("target accounts", "research", "personalised outreach", "follow-ups",
            "conversion numbers"),
           "Prospecting|Cold calling|Lead generation|Outbound sales|Business development|"
           "LinkedIn Sales Navigator|Outreach.io"),
        _q("sales.negotiation",
           "Tell me about a negotiation where the customer pushed hard on price. What did you "
           "do?",
           ("the customer's needs", "value over price", "trade-offs", "your walk-away point",
            "the outcome"),
           "Negotiation|Contract negotiation|Solution selling|MEDDIC"),
        _q("sales.account_growth",
           "How have you grown an existing account? Tell me about the relationship and the "
           "numbers.",
           ("relationship building", "regular business reviews", "upselling", "the renewal",
            "revenue growth"),
           "Account management|Key account management|Upselling|Customer success"),
        _q("sales.deal",
           "Walk me through a deal you closed that you are proud of: how you found it, how you "
           "qualified it, and what moved it over the line.",
           ("prospecting", "qualification", "discovery of needs", "handling objections",
            "deal size and result")),
    ),
)

_MARKETING = SkillFamily(
    key="marketing", label="Marketing",
    skills=_names("""SEO | SEM | Google Ads | PPC | Google Analytics | Google Tag Manager |
        Content marketing | Copywriting | Social media marketing | Email marketing |
        Marketing automation | Mailchimp | Marketo | Pardot | Meta Ads | LinkedIn Ads |
        Brand management | Public relations | Growth marketing | Performance marketing |
        Digital marketing | Product marketing | Market segmentation |
        Conversion rate optimization | WordPress | Campaign management | Influencer marketing |
        Community management | Event marketing | Video production"""),
    keywords=r"marketing|campaign|brand|content|audience|storytelling|keyword|social media",
    questions=(
        _q("marketing.performance",
           "How have you improved results with {skill}? What did you measure, and what did you "
           "change?",
           ("keyword or audience research", "tracking setup", "testing changes",
            "budget or bid management", "measured results"),
           "SEO|SEM|Google Ads|PPC|Google Analytics|Google Tag Manager|Meta Ads|LinkedIn Ads|"
           "Performance marketing|Conversion rate optimization|Growth marketing"),
        _q("marketing.content",
           "Tell me about a piece of content or a message you created that performed well. Why "
           "do you think it worked?",
           ("the audience", "the message", "the channel", "metrics", "what you learned"),
           "Content marketing|Copywriting|Social media marketing|Email marketing|"
           "Brand management|Public relations|Community management|Influencer marketing|"
           "Video production|Mailchimp"),
        _q("marketing.campaign",
           "Tell me about a campaign you ran from start to finish: the goal, the audience, the "
           "channels and the results.",
           ("goal and KPIs", "the target audience", "channels", "budget",
            "results in numbers")),
        _q("marketing.underperforming",
           "A campaign is underperforming halfway through. How do you decide what to change?",
           ("data analysis", "hypotheses", "A/B testing", "budget reallocation",
            "reporting to stakeholders")),
    ),
)

_FINANCE = SkillFamily(
    key="finance", label="Finance and accounting",
    skills=_names("""Financial modeling | Financial analysis | FP&A | Accounting | Bookkeeping |
        GAAP | IFRS | Accounts payable | Accounts receivable | Reconciliation | Forecasting |
        Tax | Audit | QuickBooks | Xero | SAP | NetSuite | ERP | Month-end close |
        Variance analysis | Cash flow management | Treasury | Valuation | CPA | CFA | ACCA |
        Compliance | Anti-money laundering | Investment analysis | Financial reporting |
        Payroll accounting | Budgeting"""),
    keywords=r"financ|account|ledger|invoice|budget|tax|audit|controls?\b|payable|receivable|"
             r"close\b",
    questions=(
        _q("finance.month_end",
           "Walk me through how you run a month-end close. How do you make sure the numbers are "
           "complete and correct?",
           ("a close checklist and deadlines", "reconciliations", "accruals",
            "journal entries", "review and sign-off"),
           "Month-end close|Reconciliation|Accounting|Bookkeeping|Financial reporting|GAAP|"
           "IFRS|Accounts payable|Accounts receivable"),
        _q("finance.modeling",
           "Tell me about a forecast or financial model you built. What were the key "
           "assumptions, and how did you explain variances?",
           ("key assumptions", "scenarios", "variance analysis", "presenting to management",
            "accuracy against actuals"),
           "Financial modeling|FP&A|Forecasting|Budgeting|Variance analysis|Valuation|"
           "Financial analysis|Cash flow management|Investment analysis|Treasury"),
        _q("finance.audit",
           "How have you prepared for an audit or a tax deadline? What documentation did you "
           "keep ready?",
           ("supporting documentation", "internal controls", "deadlines",
            "working with auditors", "issues found and fixed"),
           "Tax|Audit|Compliance|Anti-money laundering|CPA|ACCA|GAAP|IFRS"),
        _q("finance.systems",
           "How have you used {skill} in your day-to-day work, and what did you do to improve a "
           "process in it?",
           ("daily tasks in the system", "automation", "reports", "data accuracy",
            "time saved"),
           "QuickBooks|Xero|SAP|NetSuite|ERP|Payroll accounting"),
        _q("finance.discrepancy",
           "Tell me about a discrepancy you found in the accounts. How did you trace it, and "
           "what did you change?",
           ("the reconciliation", "tracing transactions", "the root cause",
            "correcting entries", "a control to prevent it"),
           "Reconciliation|Bookkeeping|Accounts payable|Accounts receivable|Audit"),
        _q("finance.daily_work",
           "Tell me how you handled {skill} in your last role: the volume, the checks you relied "
           "on, and one thing you improved.",
           ("volume and deadlines", "checks and controls", "accuracy",
            "an improvement you made")),
    ),
)

_DESIGN = SkillFamily(
    key="design", label="Design and UX",
    skills=_names("""Figma | Sketch | Adobe XD | Photoshop | Illustrator | InDesign |
        After Effects | Premiere Pro | Adobe Creative Suite | UX design | UI design |
        User research | Usability testing | Wireframing | Prototyping | Interaction design |
        Visual design | Design systems | Accessibility | Information architecture | Typography |
        Branding | Motion design | Graphic design | Canva | InVision | Miro | Blender |
        Design thinking"""),
    keywords=r"design|\bux\b|usability|prototyp|wirefram|layout|visual|brand",
    questions=(
        _q("design.tools_handoff",
           "How do you use {skill} with developers so that what gets built matches the design?",
           ("components and the design system", "handoff", "specs and states",
            "collaboration with developers", "design review of the build"),
           "Figma|Sketch|Adobe XD|Design systems|Prototyping|Wireframing|InVision|UI design"),
        _q("design.accessibility",
           "How do you make sure a design is accessible? Give an example.",
           ("colour contrast", "keyboard navigation", "screen readers", "WCAG",
            "testing with users"),
           "Accessibility|Visual design|UI design|Typography|Interaction design"),
        _q("design.visual_project",
           "Tell me about a brand or visual project you are proud of. How did you get from the "
           "brief to the final design?",
           ("the brief", "concepts", "feedback rounds", "consistency with the brand",
            "final delivery"),
           "Graphic design|Branding|Photoshop|Illustrator|InDesign|Adobe Creative Suite|"
           "Motion design|Canva|After Effects|Premiere Pro|Blender"),
        _q("design.process",
           "Walk me through a design project from research to the shipped result. What did you "
           "learn from users, and how did it change the design?",
           ("user research", "the problem definition", "wireframes and prototypes",
            "usability testing", "the outcome after launch")),
        _q("design.wrong_design",
           "Tell me about a time user testing showed your design was wrong. What did you change?",
           ("the test setup", "what users struggled with", "the iteration",
            "evidence for the change", "the result")),
    ),
)

_SUPPORT = SkillFamily(
    key="support", label="Customer support",
    skills=_names("""Customer support | Zendesk | Intercom | Freshdesk | ServiceNow | Help desk |
        Technical support | Troubleshooting | Ticketing systems | SLA management | ITIL |
        Live chat | Escalation management | Knowledge base | Customer satisfaction |
        Active Directory | Call center"""),
    keywords=r"support|customer service|tickets?\b|help ?desk|complaint|client care",
    questions=(
        _q("support.troubleshooting",
           "Walk me through how you troubleshoot a problem you have never seen before.",
           ("gathering information", "reproducing the issue", "narrowing down the cause",
            "escalation", "documenting the solution"),
           "Troubleshooting|Technical support|Help desk|Active Directory|ITIL"),
        _q("support.queue",
           "How do you manage a busy ticket queue in {skill} and still meet your SLAs?",
           ("prioritisation", "SLAs", "macros or templates", "the knowledge base",
            "escalation"),
           "Zendesk|Intercom|Freshdesk|ServiceNow|Ticketing systems|SLA management|"
           "Knowledge base|Escalation management|Live chat|Call center"),
        _q("support.difficult_customer",
           "Tell me about a difficult customer you helped. What was the problem, how did you "
           "handle their frustration, and how did it end?",
           ("listening and empathy", "a clear explanation", "solving the problem",
            "the follow-up", "customer satisfaction")),
    ),
)

_PRODUCT = SkillFamily(
    key="product", label="Product management",
    skills=_names("""Product management | Product roadmap | User stories | OKRs |
        Product discovery | Go-to-market | Market research | Competitive analysis |
        Product analytics | Amplitude | Mixpanel | Product requirements |
        Customer journey mapping | Prioritization"""),
    keywords=r"product|roadmap|backlog|requirements|discovery|business analy",
    questions=(
        _q("product.prioritisation",
           "How do you decide what goes on the roadmap when everyone wants something different?",
           ("goals or OKRs", "a prioritisation framework", "customer evidence",
            "stakeholder alignment", "saying no"),
           "Prioritization|Product roadmap|OKRs|Product management"),
        _q("product.discovery",
           "Tell me about a feature you shipped that came from discovery work. How did you "
           "validate the problem before building?",
           ("customer interviews", "data", "a hypothesis", "a prototype or experiment",
            "the success metric"),
           "Product discovery|Market research|Customer journey mapping|User stories|"
           "Product requirements|Competitive analysis"),
        _q("product.launch_success",
           "After a launch, how do you decide whether it worked?",
           ("success metrics", "a baseline", "analytics", "user feedback",
            "the next iteration")),
    ),
)

_PROJECT_MANAGEMENT = SkillFamily(
    key="project", label="Project management and delivery",
    skills=_names("""Project management | PMP | PRINCE2 | Risk management | MS Project | Agile |
        Scrum | Kanban | Jira | Confluence | Asana | Trello | Notion | Stakeholder management |
        Program management | Change management | Six Sigma | Lean | Process improvement |
        Vendor management"""),
    keywords=r"project|deliver|planning|schedul|milestone|stakeholder|process|requirements "
             r"analysis|backlog",
    questions=(
        _q("project.agile",
           "How have you run {skill} with a team, and what did you change when it was not "
           "working?",
           ("team rituals", "the backlog", "retrospectives", "velocity or cycle time",
            "the improvement made"),
           "Agile|Scrum|Kanban|Jira|Confluence|Asana|Trello|Notion"),
        _q("project.stakeholders",
           "Tell me about a time stakeholders disagreed on priorities. How did you bring them to "
           "a decision?",
           ("understanding each side", "data or evidence", "facilitation", "the agreement",
            "follow-through"),
           "Stakeholder management|Change management"),
        _q("project.process_improvement",
           "Tell me about a process you improved. How did you measure it before and after?",
           ("analysis of the current process", "the root cause", "the change made",
            "measurements before and after", "keeping the change in place"),
           "Process improvement|Lean|Six Sigma|Vendor management"),
        _q("project.at_risk",
           "Tell me about a project you led that was at risk of missing its deadline. What did "
           "you do?",
           ("planning and milestones", "identifying risks", "stakeholder communication",
            "re-planning or scope trade-offs", "the outcome")),
    ),
)

_HR = SkillFamily(
    key="hr", label="People and HR",
    skills=_names("""Recruiting | Sourcing | Interviewing | Onboarding | Employee relations |
        Performance management | Compensation and benefits | Payroll | HRIS | Workday |
        BambooHR | SAP SuccessFactors | Greenhouse | Lever | Applicant tracking systems |
        Employment law | Learning and development | Diversity and inclusion |
        Workforce planning | Employer branding | Succession planning | HR policies |
        Conflict resolution | HR business partner"""),
    keywords=r"\bhr\b|human resources|recruit|hiring|talent|employee|people operations|payroll",
    questions=(
        _q("hr.hiring",
           "Tell me about a hard-to-fill role you hired for. How did you find and assess "
           "candidates?",
           ("the role profile agreed with the hiring manager", "sourcing channels",
            "structured interviews", "candidate experience", "time to hire"),
           "Recruiting|Sourcing|Interviewing|Applicant tracking systems|Greenhouse|Lever|"
           "Employer branding"),
        _q("hr.employee_relations",
           "Tell me about a difficult employee-relations case you handled. How did you keep it "
           "fair and within the law?",
           ("confidentiality", "the investigation", "documentation",
            "employment law or policy", "the resolution"),
           "Employee relations|Conflict resolution|HR policies|Employment law|"
           "HR business partner"),
        _q("hr.systems",
           "How have you used {skill} to keep employee data and payroll accurate?",
           ("data accuracy", "regular audits", "access control", "reports",
            "process improvement"),
           "HRIS|Workday|BambooHR|SAP SuccessFactors|Payroll|Compensation and benefits"),
        _q("hr.programme",
           "How have you improved {skill} in an organisation? What did you change, and how did "
           "you measure it?",
           ("a needs analysis", "manager involvement", "the process change", "communication",
            "the measured outcome")),
    ),
)

_HEALTHCARE = SkillFamily(
    key="healthcare", label="Healthcare and nursing",
    skills=_names("""Patient care | Registered Nurse | Nursing | BLS | ACLS | PALS | CPR |
        Electronic health records | Epic | Cerner | Medication administration | IV therapy |
        Phlebotomy | Vital signs | Triage | Wound care | Infection control | HIPAA |
        Medical terminology | Clinical documentation | Critical care | Emergency care |
        Pediatrics | Geriatrics | Patient education | Care planning | Medical coding |
        Medical billing | Pharmacology | Clinical research | Physiotherapy | Mental health |
        Case management | Dementia care"""),
    keywords=r"patient|clinical|nurs|care\b|ward|medical|medication|hospital|caregiv",
    questions=(
        _q("healthcare.medication",
           "How do you make sure medication is given safely? Tell me about a time you caught or "
           "prevented an error.",
           ("the rights of medication administration", "double-checking", "allergies",
            "incident reporting", "documentation"),
           "Medication administration|IV therapy|Pharmacology"),
        _q("healthcare.infection_control",
           "How do you apply infection control in your daily work? Give an example of when it "
           "mattered.",
           ("hand hygiene", "protective equipment", "isolation", "aseptic technique",
            "following policy"),
           "Infection control|Wound care|Phlebotomy"),
        _q("healthcare.records",
           "How do you keep clinical records accurate and timely in {skill}, and how do you "
           "protect patient privacy?",
           ("timely documentation", "accuracy", "patient confidentiality", "access rules",
            "handover notes"),
           "Electronic health records|Epic|Cerner|Clinical documentation|HIPAA|"
           "Medical coding|Medical billing|Medical terminology"),
        _q("healthcare.patient_education",
           "Tell me about a time you explained a care plan to a patient who found it hard to "
           "follow. How did you make sure they understood?",
           ("plain language", "checking understanding", "involving relatives or carers",
            "written information", "the follow-up"),
           "Patient education|Patient care|Care planning|Case management|Geriatrics|"
           "Dementia care|Mental health|Pediatrics"),
        _q("healthcare.life_support",
           "Tell me about a time you used your {skill} training, or how you keep it current.",
           ("a current certification", "the emergency response", "roles in the team",
            "staying calm under pressure", "the debrief"),
           "BLS|ACLS|PALS|CPR"),
        _q("healthcare.deteriorating_patient",
           "Tell me about a time a patient's condition changed quickly. What did you notice, "
           "what did you do, and who did you involve?",
           ("assessment and vital signs", "escalation to the doctor or team",
            "the intervention", "documentation", "the handover")),
    ),
)

_OPERATIONS = SkillFamily(
    key="operations", label="Operations, logistics and administration",
    skills=_names("""Supply chain management | Logistics | Inventory management | Procurement |
        Warehouse management | Demand planning | Operations management | Quality control |
        ISO 9001 | Health and safety | Forklift | Fleet management | Data entry |
        Microsoft Office | Word | PowerPoint | Outlook | Google Workspace |
        Administrative support | Office management | Facilities management | Scheduling |
        Manufacturing | Customer orders"""),
    keywords=r"operation|logistic|supply|warehouse|inventory|shipping|procure|facilit|office|"
             r"admin|kpis?\b|quality",
    questions=(
        _q("operations.stock_problem",
           "Tell me about a time stock levels or deliveries went wrong. How did you find the "
           "cause and fix it?",
           ("inventory data", "the root cause", "communication with suppliers or carriers",
            "the process change", "the result in numbers"),
           "Supply chain management|Logistics|Inventory management|Procurement|"
           "Warehouse management|Demand planning|Fleet management|Customer orders"),
        _q("operations.safety",
           "How do you make sure work is done safely? Tell me about a safety issue you spotted "
           "and what you did.",
           ("risk assessment", "safety procedures", "reporting", "training", "prevention"),
           "Health and safety|Forklift|Manufacturing"),
        _q("operations.organising",
           "How do you organise your work when many people need things from you at once? Give "
           "an example.",
           ("prioritisation", "calendar or task tools", "communication", "accuracy",
            "the follow-up"),
           "Administrative support|Office management|Scheduling|Data entry|Microsoft Office|"
           "Word|PowerPoint|Outlook|Google Workspace|Facilities management"),
        _q("operations.kpi",
           "Which KPIs did you track in your operations work? Tell me about one you improved.",
           ("the KPIs chosen", "a baseline", "the change made", "team involvement",
            "the measured improvement")),
    ),
)

_TEACHING = SkillFamily(
    key="teaching", label="Teaching and training",
    skills=(),  # the vocabulary has no teaching skills: job phrases reach it by keywords
    keywords=r"teach|lesson|classroom|curricul|pupil|student|safeguard|differentiat|tutor|"
             r"school|learners?\b|instruction",
    questions=(
        _q("teaching.lesson",
           "Tell me about a lesson you planned that went well. How did you make it work for "
           "students at different levels?",
           ("learning objectives", "differentiation", "student engagement",
            "assessment during the lesson", "reflection afterwards")),
        _q("teaching.behaviour",
           "How do you manage a class when a few students are disrupting learning? Give an "
           "example.",
           ("clear expectations", "routines", "calm de-escalation", "positive relationships",
            "follow-up with colleagues or parents")),
        _q("teaching.assessment",
           "How do you use assessment and feedback to help a student who is falling behind?",
           ("formative assessment", "specific feedback", "targets", "extra support",
            "progress tracking")),
        _q("teaching.safeguarding",
           "What would you do if a student told you something that worried you about their "
           "safety?",
           ("listening without promising secrecy", "following the safeguarding policy",
            "reporting to the designated lead", "recording the facts",
            "not investigating alone")),
    ),
)

_LEADERSHIP = SkillFamily(
    key="leadership", label="Leadership",
    skills=_names("Leadership | Mentoring"),
    keywords=r"lead(?:ership|ing)? (?:a )?team|people manag|manag(?:e|ing) (?:a )?team|"
             r"coach|mentor|hiring engineers|line manag",
    questions=(
        _q("leadership.mentoring",
           "Tell me about someone you mentored or coached. What did you do, and how did they "
           "grow?",
           ("their goals", "regular check-ins", "feedback", "opportunities given",
            "their progress"),
           "Mentoring"),
        _q("leadership.difficult_period",
           "Tell me about a team you led through a difficult period. What did you do to keep "
           "people focused and motivated?",
           ("clear goals", "communication", "supporting individuals", "decisions made",
            "the result")),
        _q("leadership.underperformance",
           "How have you handled someone on your team who was underperforming?",
           ("an early conversation", "specific feedback", "a support plan", "the follow-up",
            "the outcome")),
    ),
)

_COMMUNICATION = SkillFamily(
    key="communication", label="Communication and ways of working",
    skills=_names("""Communication | Presentation skills | Teamwork | Time management |
        Critical thinking | Attention to detail | Problem solving | English | German | French |
        Spanish | Italian | Portuguese | Mandarin | Arabic | Dutch"""),
    keywords=r"communicat|present|writing|teamwork|collaborat|organi[sz]ation|relationship|"
             r"interpersonal",
    questions=(
        _q("communication.language_at_work",
           "This role uses {skill} at work. Tell me about a situation where you used {skill} "
           "professionally: with whom, and what you had to get across.",
           ("work situations in {skill}", "written and spoken use", "specialist vocabulary",
            "the outcome"),
           "English|German|French|Spanish|Italian|Portuguese|Mandarin|Arabic|Dutch"),
        _q("communication.presentation",
           "Tell me about a presentation you gave that mattered. How did you prepare, and how "
           "did it go?",
           ("the audience", "the structure", "preparation", "handling questions", "the result"),
           "Presentation skills"),
        _q("communication.teamwork",
           "Tell me about a time you worked with a colleague who saw things very differently. "
           "How did you work it out?",
           ("listening", "common ground", "a compromise", "the result",
            "the working relationship afterwards"),
           "Teamwork"),
        _q("communication.detail",
           "Tell me about a time your attention to detail caught a mistake before it caused a "
           "problem.",
           ("the check you did", "the mistake caught", "the fix", "preventing it again"),
           "Attention to detail|Time management"),
        _q("communication.explaining",
           "Tell me about a time you had to explain something complex to someone without your "
           "background. How did you make sure they understood?",
           ("knowing the audience", "plain language", "examples or visuals",
            "checking understanding", "the outcome")),
    ),
)

FAMILIES: dict[str, SkillFamily] = {family.key: family for family in (
    _PROGRAMMING, _BACKEND, _DATA, _MACHINE_LEARNING, _CLOUD_DEVOPS, _FRONTEND, _MOBILE,
    _TESTING, _SECURITY, _SALES, _MARKETING, _FINANCE, _DESIGN, _SUPPORT, _PRODUCT,
    _PROJECT_MANAGEMENT, _HR, _HEALTHCARE, _OPERATIONS, _TEACHING, _LEADERSHIP, _COMMUNICATION,
)}

# A vocabulary skill no family lists falls back on its vocabulary domain's family.
_FAMILY_OF_DOMAIN = {
    "engineering": "programming", "data": "data", "design": "design", "product": "project",
    "sales": "sales", "marketing": "marketing", "support": "support", "hr": "hr",
    "finance": "finance", "operations": "operations", "healthcare": "healthcare",
    "general": "communication",
}

# --- general questions -------------------------------------------------------------------

WARM_UP = BankQuestion(
    key="general.warm_up",
    text="To start, could you tell me a little about your current or most recent work, and what "
         "draws you to this {title} role?",
    expected_points=("your current or most recent role", "main responsibilities",
                     "what draws you to this role", "what you hope to achieve next"),
    family="general", kind="warm_up",
)

PROBLEM_SOLVING = BankQuestion(
    key="general.problem_solving",
    text="Tell me about a difficult problem you solved at work where the answer was not obvious. "
         "How did you break it down, and what options did you consider?",
    expected_points=("understanding the problem", "breaking it down", "options considered",
                     "the decision and why", "the result"),
    family="general", kind="problem_solving",
)

# Grounds the problem-solving question in the job: {responsibility} is the job's first duty,
# lower-cased ("design and build APIs").
PROBLEM_SCENARIO = BankQuestion(
    key="general.problem_scenario",
    text="Imagine that in your first month you need to {responsibility}, and you hit a problem "
         "nobody on the team has seen before. How would you approach it?",
    expected_points=("clarifying the goal", "gathering information", "options and trade-offs",
                     "asking colleagues for input", "checking the result"),
    family="general", kind="problem_solving",
)

# Used when a must-have skill belongs to no family and matches no keyword.
SKILL_FALLBACK = BankQuestion(
    key="general.skill_experience",
    text="This role relies on {skill}. Tell me about the most demanding piece of work you have "
         "done that used it: what was your part, and what was the result?",
    expected_points=("{skill}", "the situation", "your own part", "the result"),
    family="general", kind="skill",
)

# Kind on purpose: a gap is a question to explore, not a verdict.
GAP_PROBE = BankQuestion(
    key="general.gap_probe",
    text="Your resume doesn't mention {skill}, which this role uses. That's fine: tell me about "
         "any experience you have with it, or with something close to it, and how you would get "
         "up to speed.",
    expected_points=("{skill}", "similar tools or skills used", "a plan to learn it",
                     "something new you learned quickly"),
    family="general", kind="gap_probe",
)

# Behavioural questions: fillers for short plans and safe replacements for screened-out ones.
BEHAVIOURAL: tuple[BankQuestion, ...] = (
    _q("general.proud_work",
       "Tell me about a piece of work you are proud of. What was your part, and what difference "
       "did it make?",
       ("the situation", "your own actions", "the result", "what you learned"),
       kind="behavioural"),
    _q("general.learning_fast",
       "Tell me about something you had to learn quickly for work. How did you go about it?",
       ("what you needed to learn", "how you learned it", "putting it into practice",
        "the result"),
       kind="behavioural"),
    _q("general.feedback",
       "Tell me about a time you received difficult feedback. What did you do with it?",
       ("the feedback", "your first reaction", "the change you made", "the result"),
       kind="behavioural"),
    _q("general.mistake",
       "Tell me about a mistake you made at work and what you did about it.",
       ("owning the mistake", "fixing it", "telling the people affected",
        "preventing it again"),
       kind="behavioural"),
    _q("general.priorities",
       "Tell me about a week when you had more to do than time allowed. How did you decide what "
       "came first?",
       ("prioritisation", "communication with stakeholders", "trade-offs", "the result"),
       kind="behavioural"),
    _q("general.teamwork",
       "Tell me about a time you helped a colleague or your team succeed. What did you do?",
       ("the team's goal", "your contribution", "working together", "the result"),
       kind="behavioural"),
)

SLOT_QUESTION = BankQuestion(
    key="closing.slot",
    text="Thank you, that was my last question. Which days and times suit you for a follow-up "
         "interview in the next two weeks? Please include your time zone.",
    expected_points=("days", "times", "time zone"),
    family="general", kind="closing",
)


def all_bank_questions() -> tuple[BankQuestion, ...]:
    """Every question in the bank, family questions first, in a fixed order."""
    family_questions = tuple(q for family in FAMILIES.values() for q in family.questions)
    return family_questions + (WARM_UP, PROBLEM_SOLVING, PROBLEM_SCENARIO, SKILL_FALLBACK,
                               GAP_PROBE, *BEHAVIOURAL, SLOT_QUESTION)


# --- finding questions for a skill -------------------------------------------------------

@lru_cache(maxsize=1)
def _family_of_skill() -> dict[str, str]:
    mapping: dict[str, str] = {}
    for family in FAMILIES.values():
        for skill in family.skills:
            mapping.setdefault(skill, family.key)
    return mapping


# Families whose keywords are broad ("planning", "data", "process") are tried last, so
# "lesson planning" reaches teaching before project management.
_BROAD_FAMILIES = ("leadership", "operations", "data", "project", "communication")


@lru_cache(maxsize=1)
def _keyword_regexes() -> tuple[tuple[str, re.Pattern[str]], ...]:
    ordered = [k for k in FAMILIES if k not in _BROAD_FAMILIES] + list(_BROAD_FAMILIES)
    return tuple((key, re.compile(FAMILIES[key].keywords, re.IGNORECASE))
                 for key in ordered if FAMILIES[key].keywords)


def family_for_skill(skill: str) -> SkillFamily | None:
    """The family of a canonical vocabulary skill (or its vocabulary domain's family), or None."""
    key = _family_of_skill().get(skill)
    if key is None and skill in SKILLS:
        key = _FAMILY_OF_DOMAIN.get(SKILLS[skill].domain)
    return FAMILIES.get(key) if key else None


def family_for_phrase(phrase: str) -> SkillFamily | None:
    """The first family whose keywords a job phrase outside the vocabulary matches, or None."""
    return next((FAMILIES[key] for key, regex in _keyword_regexes() if regex.search(phrase)),
                None)


def questions_for_skills(skills: tuple[str, ...], phrase: str = "") -> list[BankQuestion]:
    """Bank questions for a job skill, best first: those written for one of `skills` (canonical
    names), then the general questions of their families (or, for a phrase outside the
    vocabulary, of the family its keywords point to), then the rest of those families.
    Empty when nothing fits (callers use `SKILL_FALLBACK`)."""
    wanted = set(skills)
    found: dict[str, BankQuestion] = {}
    for family in FAMILIES.values():
        for question in family.questions:
            if wanted.intersection(question.skills):
                found.setdefault(question.key, question)
    families = [f for f in (family_for_skill(skill) for skill in skills) if f]
    if not families and phrase:
        families = [f for f in (family_for_phrase(phrase),) if f]
    for general_only in (True, False):
        for family in families:
            for question in family.questions:
                if not general_only or not question.skills:
                    found.setdefault(question.key, question)
    return list(found.values())


def is_written_for(question: BankQuestion, skills: tuple[str, ...]) -> bool:
    """True when the question was written for one of these skills, not just their family."""
    return bool(set(question.skills).intersection(skills))
