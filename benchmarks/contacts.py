"""How many names, phones and locations the contact reader finds, against what is expected.

    .venv/bin/python benchmarks/contacts.py                     # every section
    .venv/bin/python benchmarks/contacts.py --section headers
    .venv/bin/python benchmarks/contacts.py --write-headers     # rebuild the generated set

Sections:
- headers: `data/contact_headers.json`, resume headers written for HireOps from 48 countries in
  six layouts (pipes, bullets, labels, lower-case and initial-style names, lone cities, street
  addresses), phone numbers from phonenumbers' example numbers, some written with their country
  code and some nationally. Each field counts as found when it equals the expected value
  exactly, wrong when something else was read, missed when nothing was. The company is in
  France (the product's default time zone), as the inbox reads it.
- real: the real resumes under `data/resumes/` (PDF and DOCX; `benchmarks/ingest.py` says how
  to get them, git-ignored) and, when present, the text resumes of `data/resume_dataset.csv`
  (`benchmarks/judgement.py` says how). They carry no labels: the section prints in how many a
  name, a phone and a location were read, so two versions can be compared on the same files.

Evaluation data stays out of the product package and the demo.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hireops.services.candidates.contacts import parse_contact_info  # noqa: E402
from hireops.services.text.gazetteer import country_of_time_zone  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
HEADERS = DATA / "contact_headers.json"
COMPANY_TIME_ZONE = "Europe/Paris"
FIELDS = ("name", "phone", "location")
csv.field_size_limit(10_000_000)

# (ISO2, first name, last name, city as written, region or country as written, mail domain)
PEOPLE = [
    ("NG", "Adaeze", "Okafor", "Lagos", "Nigeria", "example.ng"),
    ("KE", "Wanjiru", "Kamau", "Nairobi", "Kenya", "example.co.ke"),
    ("GH", "Kwame", "Mensah", "Accra", "Ghana", "example.com.gh"),
    ("ZA", "Thandiwe", "Nkosi", "Johannesburg", "South Africa", "example.co.za"),
    ("EG", "Omar", "Hassan", "Cairo", "Egypt", "example.com"),
    ("MA", "Salma", "Benali", "Casablanca", "Maroc", "example.ma"),
    ("ET", "Selam", "Tesfaye", "Addis Ababa", "Ethiopia", "example.com"),
    ("SN", "Awa", "Diop", "Dakar", "Sénégal", "example.sn"),
    ("IN", "Priya", "Natarajan", "Pune", "Maharashtra", "example.in"),
    ("IN", "Rahul", "Sharma", "Bengaluru", "Karnataka", "example.com"),
    ("PK", "Ayesha", "Khan", "Lahore", "Pakistan", "example.pk"),
    ("BD", "Tanvir", "Hossain", "Dhaka", "Bangladesh", "example.com.bd"),
    ("LK", "Nimal", "Perera", "Colombo", "Sri Lanka", "example.lk"),
    ("CN", "Wei", "Zhang", "Shenzhen", "China", "example.cn"),
    ("JP", "Kenji", "Sato", "Osaka", "Japan", "example.jp"),
    ("KR", "Jiwoo", "Park", "Seoul", "South Korea", "example.kr"),
    ("VN", "Linh", "Nguyen", "Ho Chi Minh City", "Vietnam", "example.vn"),
    ("TH", "Somchai", "Wongsa", "Bangkok", "Thailand", "example.co.th"),
    ("ID", "Putri", "Santoso", "Jakarta", "Indonesia", "example.co.id"),
    ("PH", "Maria", "Santos", "Quezon City", "Philippines", "example.ph"),
    ("MY", "Aisyah", "Rahman", "Kuala Lumpur", "Malaysia", "example.my"),
    ("SG", "Daniel", "Tan", "Singapore", "Singapore", "example.sg"),
    ("AU", "Olivia", "Brown", "Melbourne", "VIC", "example.com.au"),
    ("NZ", "Aroha", "Walker", "Auckland", "New Zealand", "example.co.nz"),
    ("US", "Sara", "Ahmed", "Austin", "TX", "example.com"),
    ("US", "Michael", "Johnson", "Chicago", "IL", "example.com"),
    ("CA", "Émilie", "Tremblay", "Montréal", "QC", "example.ca"),
    ("MX", "Luis", "Hernández", "Guadalajara", "Jalisco", "example.mx"),
    ("BR", "Lucas", "Souza", "São Paulo", "Brasil", "example.com.br"),
    ("AR", "Sofía", "Fernández", "Córdoba", "Argentina", "example.com.ar"),
    ("CO", "Andrés", "Gómez", "Medellín", "Colombia", "example.co"),
    ("CL", "Camila", "Rojas", "Santiago", "Chile", "example.cl"),
    ("PE", "Diego", "Quispe", "Lima", "Perú", "example.pe"),
    ("GB", "James", "O'Neil", "Manchester", "UK", "example.co.uk"),
    ("IE", "Aoife", "Murphy", "Dublin", "Ireland", "example.ie"),
    ("DE", "Anna", "Schmidt", "München", "Deutschland", "example.de"),
    ("FR", "Jean-Luc", "Dupont", "Lyon", "France", "example.fr"),
    ("ES", "Lucía", "García", "Valencia", "España", "example.es"),
    ("IT", "Sofia", "Rossi", "Milano", "Italia", "example.it"),
    ("NL", "Daan", "de Vries", "Rotterdam", "Netherlands", "example.nl"),
    ("PL", "Tomasz", "Nowak", "Wrocław", "Polska", "example.pl"),
    ("SE", "Elin", "Lindqvist", "Göteborg", "Sverige", "example.se"),
    ("UA", "Olena", "Kovalenko", "Kyiv", "Ukraine", "example.ua"),
    ("RU", "Ivan", "Petrov", "Москва", "Россия", "example.ru"),
    ("TR", "Elif", "Yılmaz", "İstanbul", "Türkiye", "example.com.tr"),
    ("AE", "Fatima", "Al Mansoori", "Dubai", "UAE", "example.ae"),
    ("SA", "Abdullah", "Al Harbi", "Riyadh", "Saudi Arabia", "example.sa"),
    ("IL", "Noa", "Cohen", "Tel Aviv", "Israel", "example.co.il"),
]
TITLES = ["Data Analyst", "Backend Engineer", "Product Designer", "Accountant",
          "Registered Nurse", "Sales Manager"]


def _ascii(address: str) -> str:
    """An address as mail providers allow it: accents dropped ("hernández" -> "hernandez")."""
    return unicodedata.normalize("NFKD", address).encode("ascii", "ignore").decode()


def build_headers() -> list[dict]:
    """The generated set: one header per person, the layout going round."""
    import phonenumbers

    headers = []
    for index, (country, first, last, city, region, domain) in enumerate(PEOPLE):
        number = phonenumbers.example_number_for_type(
            country, phonenumbers.PhoneNumberType.MOBILE)
        international = index % 3 != 2
        phone = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL
                                           if international else
                                           phonenumbers.PhoneNumberFormat.NATIONAL)
        name = f"{first} {last}"
        email = _ascii(f"{first[0]}{last.split()[-1]}@{domain}".lower().replace("'", ""))
        title = TITLES[index % len(TITLES)]
        place = f"{city}, {region}"
        layout = index % 6
        if layout == 0:
            text = f"{name}\n{place} | {phone} | {email}\n{title}"
        elif layout == 1:
            text = f"{name.upper()}\n{title}\n{email} • {phone}\n{place}"
        elif layout == 2:
            text = (f"Curriculum Vitae\nName: {name}\nAddress: 12 Main Street, {place}\n"
                    f"Phone: {phone}\nEmail: {email}")
        elif layout == 3:
            text = f"{name.lower()}\n{email}\nMobile: {phone}\nLocation: {place}"
        elif layout == 4:
            text = f"{first[0]}. {last}\n{title} · {place}\n☎ {phone}\n{email}"
            name = f"{first[0]}. {last}"
        else:
            text = f"{name}\n{title}\n{place}\nTel: {phone}\n{email}"
        headers.append({"country": country, "text": text + "\n\nEXPERIENCE\n...",
                        "name": name, "phone": phone, "location": place})
    return headers


def headers_section() -> None:
    if not HEADERS.exists():
        raise SystemExit(f"{HEADERS} is missing: run with --write-headers")
    cases = json.loads(HEADERS.read_text(encoding="utf-8"))
    region = country_of_time_zone(COMPANY_TIME_ZONE)
    tally = {field: {"found": 0, "wrong": 0, "missed": 0} for field in FIELDS}
    misses: list[str] = []
    for case in cases:
        info = parse_contact_info(resume_text=case["text"], default_region=region)
        for field in FIELDS:
            got, expected = getattr(info, field), case[field]
            outcome = "found" if got == expected else "wrong" if got else "missed"
            tally[field][outcome] += 1
            if outcome != "found":
                misses.append(f"  {case['country']} {field}: expected {expected!r}, got {got!r}")
    countries = len({case["country"] for case in cases})
    print(f"headers: {len(cases)} generated headers from {countries} countries, company in "
          f"{region}")
    for field in FIELDS:
        counts = tally[field]
        print(f"  {field:<9} found {counts['found']:>3} of {len(cases)}   wrong "
              f"{counts['wrong']:>3}   missed {counts['missed']:>3}")
    if misses:
        print("not found as expected:")
        print("\n".join(misses))


def real_section() -> None:
    texts = _real_texts()
    if not texts:
        print("real: no real resumes under benchmarks/data (see benchmarks/ingest.py and "
              "benchmarks/judgement.py for how to get them)")
        return
    region = country_of_time_zone(COMPANY_TIME_ZONE)
    for pool, items in texts.items():
        found = dict.fromkeys(FIELDS, 0)
        started = time.perf_counter()
        for text in items:
            info = parse_contact_info(resume_text=text, default_region=region)
            for field in FIELDS:
                found[field] += bool(getattr(info, field))
        seconds = time.perf_counter() - started
        figures = "   ".join(f"{field} {found[field]}" for field in FIELDS)
        print(f"real {pool}: {len(items)} resumes, read: {figures}   "
              f"({len(items) / seconds:.0f} resumes/s)")


def _real_texts() -> dict[str, list[str]]:
    from hireops.services.candidates.resume_text import extract_text
    from hireops.services.candidates.resume_text.limits import ExtractionLimits

    pools: dict[str, list[str]] = {}
    files = sorted((DATA / "resumes").rglob("*"), key=lambda p: (str(p.parent), len(p.name),
                                                                 p.name))
    limits = ExtractionLimits(max_memory_mb=0)  # read here: no helper process per file
    for path in files:
        if path.suffix.lower() in (".pdf", ".docx"):
            result = extract_text(path.name, "", path.read_bytes(), limits)
            pools.setdefault("resumes (pdf, docx)", []).append(result.text)
    dataset = DATA / "resume_dataset.csv"
    if dataset.exists():
        with dataset.open(encoding="utf-8", errors="replace") as handle:
            unique = dict.fromkeys(row["Resume"] for row in csv.DictReader(handle))
        pools["resume_dataset.csv"] = [text for text in unique if text.strip()]
    return pools


SECTIONS = {"headers": headers_section, "real": real_section}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--section", choices=sorted(SECTIONS))
    parser.add_argument("--write-headers", action="store_true",
                        help="rebuild data/contact_headers.json from PEOPLE")
    args = parser.parse_args()
    if args.write_headers:
        HEADERS.write_text(json.dumps(build_headers(), ensure_ascii=False, indent=1) + "\n",
                           encoding="utf-8")
        print(f"wrote {HEADERS}")
        return
    for name, section in SECTIONS.items():
        if args.section in (None, name):
            section()


if __name__ == "__main__":
    main()
