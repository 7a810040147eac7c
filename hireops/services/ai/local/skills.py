"""A skills vocabulary with synonyms, and finders for the resume sentences that prove a skill.

Each vocabulary line reads ``Canonical | alias | alias``. Matching is case-insensitive except for
aliases that are also ordinary words or units ("Go", "R", "C", "ML", "Excel", "React", "Swift"):
those must be written as the vocabulary writes them (or in capitals, for words of 3+ letters).
Some skills imply another (a PostgreSQL sentence proves SQL); direct mentions come first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# --- the vocabulary ----------------------------------------------------------------------

_VOCABULARY: dict[str, str] = {
    "engineering": """
        Python | Python3 | Python 3
        Java | Java 8 | Java 11 | Java 17
        JavaScript | JS | ECMAScript | ES6 | Vanilla JS
        TypeScript | TS
        Go | Golang | Go-lang | Go lang
        Rust
        C
        C++ | CPP | C plus plus
        C# | C Sharp | CSharp
        .NET | dotnet | .NET Core | .NET Framework | ASP.NET | ASP.NET Core | VB.NET
        Ruby
        Ruby on Rails | Rails | RoR
        PHP
        Kotlin
        Swift
        Objective-C | ObjC | Obj-C
        Scala
        Elixir
        Erlang
        Haskell
        Clojure
        R | RStudio | R Studio | tidyverse
        MATLAB
        Perl
        Bash | shell scripting | shell scripts | Bash scripting | Zsh
        PowerShell
        Lua
        Dart
        SQL | structured query language | SQL queries
        T-SQL | TSQL | Transact-SQL
        PL/SQL
        HTML | HTML5
        CSS | CSS3
        Sass | SCSS
        Tailwind CSS | Tailwind | TailwindCSS
        Bootstrap
        React | React.js | ReactJS | React JS | React 18
        React Native
        Angular | AngularJS | Angular.js
        Vue.js | Vue | VueJS | Vue 3
        Svelte | SvelteKit
        Next.js | NextJS | Next JS
        Nuxt | Nuxt.js
        Redux | Redux Toolkit
        jQuery
        Node.js | Node | NodeJS | Node JS
        Express | Express.js | ExpressJS
        NestJS | Nest.js
        Django | Django REST Framework | DRF
        Flask
        FastAPI
        Spring Boot | SpringBoot | Spring Framework | Spring MVC | Spring Cloud
        Laravel
        Symfony
        Hibernate | JPA
        GraphQL | Apollo GraphQL
        REST APIs | REST | RESTful | REST API | RESTful APIs | RESTful services
        gRPC | protobuf | Protocol Buffers
        WebSockets | WebSocket
        Microservices | microservice | micro-services | microservice architecture
        Event-driven architecture | event driven architecture | event-driven | event sourcing
        Distributed systems | distributed system | distributed computing
        System design | systems design | software architecture
        API design | API development
        OAuth | OAuth2 | OAuth 2.0 | OpenID Connect | OIDC
        OpenAPI | Swagger
        iOS | iOS development
        Android | Android development
        Flutter
        SwiftUI
        Jetpack Compose
        Xamarin
        Unit testing | unit tests | unit test
        Test-driven development | TDD | test driven development
        Pytest | py.test
        JUnit
        Jest
        Cypress
        Selenium | Selenium WebDriver
        Playwright
        Mocha
        Test automation | automated testing | automated tests | QA automation
        Quality assurance | QA | software testing
        PostgreSQL | Postgres | PostgresSQL | psql | PostGIS
        MySQL
        MariaDB
        SQLite
        SQL Server | MSSQL | MS SQL | Microsoft SQL Server | MS SQL Server
        Oracle Database | Oracle DB | Oracle 19c | Oracle
        MongoDB | Mongo
        Redis
        Cassandra | Apache Cassandra
        DynamoDB
        Elasticsearch | Elastic Search | ElasticSearch | OpenSearch
        Neo4j
        Kafka | Apache Kafka | Kafka Streams
        RabbitMQ
        Memcached
        Firebase
        Supabase
        AWS | Amazon Web Services | EC2 | Amazon EC2 | Amazon S3 | AWS Lambda | Amazon EKS
        Azure | Microsoft Azure | Azure DevOps
        GCP | Google Cloud | Google Cloud Platform | GKE
        Cloud computing | cloud platforms | cloud infrastructure | cloud-native | cloud native
        Docker | Dockerfile | docker-compose | Docker Compose | containerization
        Kubernetes | k8s | kubectl | OpenShift
        Helm | Helm charts
        Terraform | Terragrunt
        Ansible
        Puppet
        Chef
        Pulumi
        CloudFormation | AWS CloudFormation
        Infrastructure as code | IaC
        CI/CD | CICD | CI-CD | CI / CD | continuous integration
        CI/CD | continuous delivery | continuous deployment
        Jenkins
        GitHub Actions
        GitLab CI | GitLab CI/CD
        CircleCI
        Travis CI
        Argo CD | ArgoCD
        Git | version control
        GitHub
        GitLab
        Bitbucket
        Linux | GNU/Linux | Ubuntu | Debian | RHEL | Red Hat Enterprise Linux | CentOS
        Nginx
        Prometheus
        Grafana
        Datadog
        ELK stack | ELK | Kibana | Logstash
        Splunk
        New Relic
        Observability | OpenTelemetry | distributed tracing
        Site reliability engineering | SRE
        Serverless
        Networking | TCP/IP | DNS | load balancing
        Cybersecurity | information security | InfoSec | application security | security engineering
        OWASP
        Penetration testing | pentesting | pen testing
        Identity and access management | IAM
        Performance optimization | performance tuning | performance optimisation | profiling
        Caching
        Message queues | message queue | message broker | SQS | Pub/Sub
        Embedded systems | firmware | embedded C
        Game development | Unity | Unreal Engine
        Blockchain | Solidity | smart contracts
        Agile | Agile methodology | agile development
        Scrum | Scrum Master | sprint planning
        Kanban
        Code review | code reviews
        Technical writing | technical documentation | API documentation
    """,
    "data": """
        Machine learning | ML | machine-learning
        Deep learning | deep neural networks | neural networks
        Artificial intelligence | AI
        NLP | natural language processing
        Computer vision | image recognition | object detection
        LLMs | LLM | large language models | large language model | GPT
        Generative AI | GenAI | Gen AI
        Prompt engineering
        Retrieval-augmented generation | RAG | vector database | vector databases
        TensorFlow
        PyTorch
        Keras
        scikit-learn | sklearn | scikit learn | scikit
        XGBoost | LightGBM | gradient boosting
        pandas
        NumPy
        SciPy
        Matplotlib
        Seaborn
        Jupyter | Jupyter Notebook | Jupyter notebooks | JupyterLab
        Spark | Apache Spark | PySpark | Spark SQL
        Hadoop | HDFS | MapReduce
        Hive
        Airflow | Apache Airflow
        dbt | data build tool
        ETL | ELT | ETL pipelines | data pipelines | data pipeline
        Data modeling | data modelling | dimensional modeling | star schema
        Data warehousing | data warehouse | data warehouses | data lake
        Snowflake
        BigQuery | Google BigQuery
        Redshift | Amazon Redshift
        Databricks
        ClickHouse
        Statistics | statistical analysis | statistical modeling | statistical modelling
        Statistics | regression analysis | hypothesis testing
        A/B testing | AB testing | split testing | experimentation | A/B tests
        Data visualization | data visualisation | dashboarding
        Tableau
        Power BI | PowerBI
        Looker
        Looker Studio | Google Data Studio | Data Studio
        Metabase
        Excel | MS Excel | Microsoft Excel | pivot tables | VLOOKUP | XLOOKUP
        Google Sheets
        VBA | Excel VBA | Excel macros
        SAS
        SPSS
        Stata
        MLOps
        MLflow
        Kubeflow
        Feature engineering
        Time series analysis | time series | time-series
        Recommendation systems | recommender systems | recommendation engine
        Hugging Face | HuggingFace | Hugging Face Transformers
        LangChain
        OpenCV
        Data analysis | data analytics | analysing data | analyzing data | data analyst
        Data engineering | data engineer
        Data science | data scientist
        Big data
        Data quality | data validation | data governance
    """,
    "design": """
        Figma | FigJam
        Sketch
        Adobe XD
        Photoshop | Adobe Photoshop
        Illustrator | Adobe Illustrator
        InDesign | Adobe InDesign
        After Effects | Adobe After Effects
        Premiere Pro | Adobe Premiere
        Adobe Creative Suite | Adobe Creative Cloud | Creative Cloud
        UX design | user experience | UX | user experience design | UX designer
        UI design | user interface design | UI | UI designer
        User research | UX research | user interviews
        Usability testing | usability tests | user testing
        Wireframing | wireframes | wireframe
        Prototyping | prototypes | prototype | high-fidelity prototypes
        Interaction design
        Visual design
        Design systems | design system | component library
        Accessibility | WCAG | a11y
        Information architecture
        Typography
        Branding | brand identity | brand design
        Motion design | motion graphics | animation
        Graphic design | graphic designer
        Canva
        InVision
        Miro
        Blender | 3D modeling | 3D modelling
        Responsive design | mobile-first design
        Design thinking
    """,
    "product": """
        Product management | product manager | product owner
        Product roadmap | roadmapping | roadmaps | product roadmaps
        Jira | JIRA
        Confluence
        Asana
        Trello
        Notion
        User stories | user story | acceptance criteria
        Stakeholder management | stakeholder engagement | managing stakeholders
        OKRs | OKR | objectives and key results
        Product discovery
        Go-to-market | go to market | go-to-market strategy | GTM strategy
        Market research | market analysis
        Competitive analysis | competitor analysis
        Product analytics
        Amplitude
        Mixpanel
        Product requirements | PRD | PRDs | requirements gathering | business requirements
        Customer journey mapping | customer journey | journey mapping
        Prioritization | prioritisation | RICE
        Project management | project manager | managing projects
        PMP | Project Management Professional
        PRINCE2
        Risk management | risk assessment
        Budgeting | budget management | budget planning
        MS Project | Microsoft Project
        Six Sigma | Lean Six Sigma
        Lean
        Change management
        Vendor management | supplier management
        Process improvement | continuous improvement | process optimization | process optimisation
        Program management | programme management
    """,
    "sales": """
        Salesforce | SFDC | Salesforce CRM | Sales Cloud
        HubSpot | Hubspot CRM
        CRM | customer relationship management | CRM software
        Pipedrive
        Zoho CRM | Zoho
        B2B sales | B2B
        SaaS sales
        Cold calling | cold calls | cold call
        Lead generation | lead gen | generating leads
        Prospecting
        Account management | account manager
        Key account management | key accounts
        Negotiation | negotiating | negotiated
        Solution selling | consultative selling | value selling
        MEDDIC | MEDDPICC
        Pipeline management | sales forecasting | sales pipeline
        Territory management
        Business development | business development representative | BDR | SDR
        Outbound sales | outbound prospecting
        Inbound sales
        Contract negotiation
        Upselling | cross-selling | upsell | cross-sell
        LinkedIn Sales Navigator | Sales Navigator
        Outreach.io
        Gong
        Customer success | customer success manager
        Sales presentations | product demos
        Retail sales | point of sale | POS
    """,
    "marketing": """
        SEO | search engine optimization | search engine optimisation
        SEM | search engine marketing
        Google Ads | AdWords | Google AdWords
        PPC | pay-per-click | pay per click
        Google Analytics | GA4 | Universal Analytics
        Google Tag Manager
        Content marketing | content strategy
        Copywriting | copywriter | copy writing
        Social media marketing | social media | social media management
        Email marketing | email campaigns
        Marketing automation
        Mailchimp
        Marketo
        Pardot
        Meta Ads | Facebook Ads | Instagram Ads
        LinkedIn Ads
        Brand management | brand strategy
        Public relations | media relations | press releases
        Growth marketing | growth hacking
        Performance marketing | paid media | paid acquisition
        Digital marketing | online marketing
        Product marketing | product marketing manager
        Market segmentation | audience segmentation
        Conversion rate optimization | CRO | conversion rate optimisation
        Conversion rate optimization | landing page optimization
        WordPress
        Campaign management | marketing campaigns
        Influencer marketing
        Community management | community building
        Event marketing | event planning
        Video production | video editing
    """,
    "support": """
        Customer support | customer service | client support | customer care
        Customer support | supporting customers | helping customers | customer issues
        Customer support | customer queries | customer complaints | customer tickets
        Zendesk
        Intercom
        Freshdesk
        ServiceNow
        Help desk | helpdesk | service desk
        Technical support | tech support | IT support | desktop support
        Troubleshooting | troubleshoot | troubleshooting issues | troubleshooted | troubleshot
        Troubleshooting | diagnosed | diagnosing | root cause | root-caused | reproduced the issue
        Ticketing systems | ticketing system | ticketing | support tickets
        SLA management | SLAs | SLA | service level agreements
        ITIL
        Live chat | chat support
        Escalation management | escalations
        Knowledge base | help center articles
        Customer satisfaction | CSAT | NPS | net promoter score
        Active Directory
        Call center | call centre | contact center | contact centre
    """,
    "hr": """
        Recruiting | recruitment | talent acquisition | recruiter
        Sourcing | candidate sourcing | Boolean search
        Interviewing | structured interviews | interviewing candidates
        Onboarding
        Employee relations
        Performance management | performance reviews
        Compensation and benefits | compensation | benefits administration | C&B
        Payroll
        HRIS
        Workday
        BambooHR
        SAP SuccessFactors | SuccessFactors
        Greenhouse
        Lever
        Applicant tracking systems | applicant tracking system | ATS
        Employment law | labor law | labour law | employment legislation
        Learning and development | L&D | training and development | training programs
        Diversity and inclusion | DEI | D&I | diversity, equity and inclusion
        Workforce planning | headcount planning
        Employer branding
        Succession planning
        HR policies | HR policy | employee handbook
        Conflict resolution
        HR business partner | HRBP
    """,
    "finance": """
        Financial modeling | financial modelling | financial models
        Financial analysis | financial analyst
        FP&A | financial planning and analysis
        Accounting | accountant
        Bookkeeping | bookkeeper
        GAAP | US GAAP
        IFRS
        Accounts payable | AP processing
        Accounts receivable | AR collections
        Reconciliation | account reconciliation | bank reconciliation | reconciliations
        Forecasting | financial forecasting
        Tax | taxation | tax preparation | tax returns | VAT
        Audit | auditing | internal audit | external audit
        QuickBooks
        Xero
        SAP | SAP ERP | SAP S/4HANA | SAP FICO
        NetSuite | Oracle NetSuite
        ERP | ERP systems | enterprise resource planning
        Month-end close | month end close | financial close | year-end close
        Variance analysis
        Cash flow management | cash management | cash flow
        Treasury
        Valuation | DCF
        CPA | Certified Public Accountant
        CFA | Chartered Financial Analyst
        ACCA
        Compliance | regulatory compliance
        Anti-money laundering | AML | KYC | know your customer
        Investment analysis | portfolio management
        Financial reporting | financial statements
        Payroll accounting
    """,
    "operations": """
        Supply chain management | supply chain
        Logistics
        Inventory management | inventory control | stock control
        Procurement | purchasing | sourcing suppliers
        Warehouse management | WMS | warehouse operations
        Demand planning
        Operations management | operations manager
        Quality control | QC | quality inspection
        ISO 9001
        Health and safety | OSHA | HSE | occupational health and safety
        Forklift | forklift certification | forklift licence | forklift license | forklift operator
        Fleet management
        Data entry
        Microsoft Office | MS Office | Office 365 | Microsoft 365
        Word | Microsoft Word | MS Word
        PowerPoint | MS PowerPoint | Microsoft PowerPoint
        Outlook | Microsoft Outlook | MS Outlook
        Google Workspace | G Suite | GSuite
        Administrative support | administrative assistant | office administration
        Office management | office manager
        Facilities management
        Scheduling | calendar management | diary management
        Manufacturing | production line
        Customer orders | order processing | order fulfillment | order fulfilment
    """,
    "healthcare": """
        Patient care | patient-centered care | patient-centred care
        Registered Nurse | RN | registered nursing
        Nursing | nurse
        BLS | Basic Life Support
        ACLS | Advanced Cardiac Life Support
        PALS | Pediatric Advanced Life Support
        CPR | cardiopulmonary resuscitation
        Electronic health records | EHR | EMR | electronic medical records
        Epic | Epic Systems | Epic EHR
        Cerner
        Medication administration | administering medication | administered medication
        Medication administration | administer medication | administers medication
        Medication administration | medication management
        IV therapy | IV insertion | intravenous therapy | IV cannulation
        Phlebotomy | venipuncture | blood draws
        Vital signs | vitals
        Triage
        Wound care | wound dressing
        Infection control | infection prevention
        HIPAA
        Medical terminology
        Clinical documentation | charting
        Critical care | ICU | intensive care
        Emergency care | emergency department | emergency room
        Pediatrics | paediatrics | pediatric | paediatric
        Geriatrics | elderly care | geriatric care | aged care
        Patient education
        Care planning | care plans | care plan
        Medical coding | ICD-10
        Medical billing
        Pharmacology
        Clinical research | clinical trials | Good Clinical Practice
        Physiotherapy | physical therapy
        Mental health | psychiatric care
        Case management
        Dementia care
    """,
    "general": """
        Communication | communication skills | written communication | verbal communication
        Leadership | team leadership | people management | team lead | led a team | managed a team
        Mentoring | mentorship | coaching | mentored
        Problem solving | problem-solving
        Teamwork | collaboration | cross-functional collaboration | cross-functional teams
        Time management
        Presentation skills | public speaking
        Critical thinking
        Attention to detail | detail-oriented | detail oriented
        English | fluent English | English C1 | English C2
        German | fluent German | Deutsch
        French | fluent French | français
        Spanish | fluent Spanish | español
        Italian
        Portuguese
        Mandarin | Chinese
        Arabic
        Dutch
    """,
}

# Aliases that are ordinary words, units or initials in lower case: matched case-sensitively.
_CASE_SENSITIVE = frozenset({
    "Go", "R", "C", "TS", "JS", "ML", "AI", "UI", "UX", "QA", "QC", "RN", "CRO", "SAS",
    "Excel", "Word", "Outlook", "Swift", "Rust", "Ruby", "Rails", "Flask", "Express", "Node",
    "React", "Angular", "Vue", "Bootstrap", "Dart", "Chef", "Puppet", "Helm", "Spark", "Hive",
    "Looker", "Sketch", "Illustrator", "Notion", "Asana", "Lean", "Lever", "Greenhouse", "Epic",
    "Amplitude", "Oracle", "Mongo", "Scala", "Lua", "Kafka", "Git", "Unity", "Gong", "Jest",
    "Mocha", "Zoho", "Cypress", "Playwright", "Snowflake", "Canva", "Miro", "Keras",
})

# Canonical skill -> skills whose mention also proves it (a Django project proves Python).
_IMPLIED_BY: dict[str, tuple[str, ...]] = {
    "SQL": ("PostgreSQL", "MySQL", "MariaDB", "SQLite", "SQL Server", "T-SQL", "PL/SQL",
            "Oracle Database", "BigQuery", "Snowflake", "Redshift"),
    "JavaScript": ("TypeScript", "Node.js", "React", "Vue.js", "Angular", "jQuery", "Next.js"),
    "Python": ("Django", "Flask", "FastAPI", "pandas", "Pytest", "scikit-learn", "PyTorch"),
    "Java": ("Spring Boot", "Hibernate", "JUnit"),
    "Machine learning": ("scikit-learn", "TensorFlow", "PyTorch", "Deep learning", "XGBoost",
                         "MLOps", "Keras"),
    "CI/CD": ("Jenkins", "GitHub Actions", "GitLab CI", "CircleCI", "Travis CI", "Argo CD"),
    "Cloud computing": ("AWS", "Azure", "GCP"),
    "CRM": ("Salesforce", "HubSpot", "Pipedrive", "Zoho CRM"),
    "Electronic health records": ("Epic", "Cerner"),
    "Microsoft Office": ("Excel", "Word", "PowerPoint", "Outlook"),
    "Agile": ("Scrum", "Kanban"),
    "Data visualization": ("Tableau", "Power BI", "Looker", "Looker Studio", "Metabase"),
    "Git": ("GitHub", "GitLab", "Bitbucket"),
    "Nursing": ("Registered Nurse",),
    "Unit testing": ("Pytest", "JUnit", "Jest", "Test-driven development"),
    "Test automation": ("Selenium", "Cypress", "Playwright"),
    "Message queues": ("Kafka", "RabbitMQ"),
    "Infrastructure as code": ("Terraform", "CloudFormation", "Pulumi", "Ansible"),
    "Accounting": ("Bookkeeping", "GAAP", "IFRS", "Accounts payable", "Accounts receivable"),
}

# Patterns for aliases that need context to tell the skill from the English word or initial.
_SPECIAL_PATTERNS: dict[str, str] = {
    # "Go" but not "Go-to-market", "go live", "Go ahead"
    "Go": r"(?<![\w.#+/-])(?-i:Go|GO)(?![\w#+])(?![\s-]+(?:to|live|ahead|back|through)\b)",
    # "C" but not "C#", "C++", "C-level", "Vitamin C", "grade C" or an initial ("John C. Smith")
    "C": (r"(?<!\w)(?<!vitamin )(?<!grade )(?<!class )(?<!level )(?<!type )(?<![&.'’-])"
          r"(?-i:C)(?![\w#+&'’-])(?!\.\s?[A-Z]|\.\w)"),
    # "R" but not "R&D", "R-squared" or an initial
    "R": r"(?<![\w&.'’-])(?-i:R)(?![\w#+&'’-])(?!\.\s?[A-Z]|\.\w)",
}

# Lead-ins that job postings wrap around a skill name ("Strong knowledge of SQL").
_LEAD_IN = re.compile(
    r"^(?:\d+\+?\s*(?:years?|yrs)\s+(?:of\s+)?)?"
    r"(?:(?:strong|solid|good|deep|proven|excellent|hands-on|working|advanced|basic|some)\s+)*"
    r"(?:(?:experience|knowledge|proficiency|expertise|familiarity|skills?|background|fluency)"
    r"\s+(?:with|in|of|using)\s+)?",
    re.IGNORECASE,
)
_TRAILER = re.compile(r"\s+(?:experience|skills?|knowledge|proficiency)$", re.IGNORECASE)
_STOPWORDS = frozenset(
    "a an and the of in on with for to using use or experience knowledge strong solid good "
    "skills skill ability able proven excellent years year working understanding familiarity "
    "proficiency proficient expertise hands-on plus including etc".split()
)


@dataclass(frozen=True)
class Skill:
    """One vocabulary entry."""

    name: str  # canonical spelling shown to users
    domain: str  # engineering, data, design, product, sales, marketing, ...
    aliases: tuple[str, ...]  # every accepted spelling, the canonical one first


def _parse_vocabulary() -> dict[str, Skill]:
    skills: dict[str, Skill] = {}
    for domain, block in _VOCABULARY.items():
        for line in block.strip().splitlines():
            names = tuple(part.strip() for part in line.split("|") if part.strip())
            if not names:
                continue
            # A canonical name repeated on a later line adds more aliases to the same skill.
            known = skills.get(names[0])
            aliases = known.aliases + names[1:] if known else names
            skills[names[0]] = Skill(name=names[0], domain=known.domain if known else domain,
                                     aliases=aliases)
    return skills


SKILLS: dict[str, Skill] = _parse_vocabulary()


def _normalise(name: str) -> str:
    return re.sub(r"\s+", " ", name.strip().strip(".,;:")).casefold()


def _build_alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for skill in SKILLS.values():
        for alias in skill.aliases:
            index.setdefault(_normalise(alias), skill.name)
    return index


_ALIAS_INDEX: dict[str, str] = _build_alias_index()


def get_skill(name: str) -> Skill | None:
    """The vocabulary entry for a name or any of its spellings, or None."""
    return SKILLS.get(canonical_skill(name))


def canonical_skill(name: str) -> str:
    """The canonical spelling of a skill ("k8s" -> "Kubernetes"); unknown names come back tidied."""
    tidy = re.sub(r"\s+", " ", name.strip().strip(".,;:"))
    for candidate in (tidy, _TRAILER.sub("", _LEAD_IN.sub("", tidy))):
        found = _ALIAS_INDEX.get(_normalise(candidate))
        if found:
            return found
    return _TRAILER.sub("", _LEAD_IN.sub("", tidy)) or tidy


# --- matching ----------------------------------------------------------------------------

def _alias_pattern(alias: str) -> str:
    if alias in _SPECIAL_PATTERNS:
        return _SPECIAL_PATTERNS[alias]
    # Spaces and hyphens are interchangeable: "machine learning" matches "machine-learning".
    body = r"[\s-]+".join(re.escape(word) for word in alias.split())
    if alias in _CASE_SENSITIVE:
        forms = [body] + ([re.escape(alias.upper())] if len(alias) >= 3 else [])
        body = "(?-i:" + "|".join(forms) + ")"
    start = r"(?<![\w])" if alias[0].isalnum() else r"(?<![\w.])"
    return start + body + r"(?![\w#+])"


@lru_cache(maxsize=4096)
def _skill_regex(skill: str) -> re.Pattern[str]:
    """One regex for every spelling of a skill; unknown skills match their own words."""
    entry = SKILLS.get(skill)
    aliases = entry.aliases if entry else (skill,)
    # Longest first so "React Native" wins over "React" inside the alternation.
    ordered = sorted(set(aliases), key=len, reverse=True)
    return re.compile("|".join(f"(?:{_alias_pattern(alias)})" for alias in ordered), re.IGNORECASE)


@lru_cache(maxsize=4096)
def _loose_regexes(skill: str) -> tuple[re.Pattern[str], ...]:
    """For unknown multi-word skills: every content word must appear in the same sentence."""
    words = [w for w in re.findall(r"[\w#+./-]+", skill.casefold()) if w not in _STOPWORDS]
    stems = [w[:-1] if len(w) > 4 and w.endswith("s") else w for w in words]
    return tuple(re.compile(r"(?<!\w)" + re.escape(stem) + r"\w*", re.IGNORECASE) for stem in stems)


_BULLET = re.compile(r"^[\s\-•*·▪●◦–—>]+")
# A sentence ends at . ! ? before a capital, but not after an initial ("John C. Smith"), "e.g."
# or a title such as "Dr.".
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Za-z]\.)(?<!\bDr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bvs\.)(?<!\bSt\.)(?<!\bNo\.)"
    r"(?<=[.!?])\s+(?=[A-Z0-9\"“(])"
)


def split_sentences(text: str) -> list[str]:
    """Lines and sentences of a text, bullets stripped, empty pieces dropped."""
    sentences: list[str] = []
    for line in (text or "").splitlines():
        line = _BULLET.sub("", line).strip()
        for piece in _SENTENCE_END.split(line):
            piece = piece.strip()
            if piece:
                sentences.append(piece)
    return sentences


def _alternatives(skill: str) -> list[str]:
    """ "HTML/CSS" or "Python or Go" -> its parts, when the whole is not a known skill."""
    if skill in SKILLS:
        return []
    parts = [p.strip() for p in re.split(r"\s*/\s*|\s+or\s+|\s*,\s*", skill) if p.strip()]
    return [canonical_skill(p) for p in parts] if len(parts) > 1 else []


def _direct_mentions(sentences: list[str], skill: str) -> list[str]:
    regex = _skill_regex(skill)
    found = [s for s in sentences if regex.search(s)]
    if found or skill in SKILLS:
        return found
    loose = _loose_regexes(skill)
    if len(loose) < 2:
        return []
    return [s for s in sentences if all(r.search(s) for r in loose)]


def _shorten(sentence: str, limit: int = 300) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def find_skill_mentions(text: str, skill: str) -> list[str]:
    """The sentences of `text` that mention `skill` (any spelling), direct mentions first."""
    name = canonical_skill(skill)
    if not name:
        return []
    sentences = split_sentences(text)
    found: list[str] = []
    groups = [name] + _alternatives(name) + list(_IMPLIED_BY.get(name, ()))
    for group in groups:
        for sentence in _direct_mentions(sentences, group):
            short = _shorten(sentence)
            if short not in found:
                found.append(short)
    return found


def skill_pattern(skill: str) -> re.Pattern[str]:
    """The compiled regex matching every spelling of `skill` (for highlighting or quoting)."""
    return _skill_regex(canonical_skill(skill) or skill)


def mentions_skill(text: str, skill: str) -> bool:
    """True when `text` mentions `skill` under any spelling."""
    return bool(find_skill_mentions(text, skill))


def skills_in_text(text: str) -> list[str]:
    """Canonical names of every vocabulary skill the text mentions, in order of first mention."""
    positions: list[tuple[int, str]] = []
    for name in SKILLS:
        match = _skill_regex(name).search(text or "")
        if match:
            positions.append((match.start(), name))
    return [name for _, name in sorted(positions)]
