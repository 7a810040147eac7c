"""Turn O*NET's `Technology Skills.txt` into hireops/knowledge/data/onet_technology.json.

    .venv/bin/python scripts/import_onet_technology.py "PATH/Technology Skills.txt" VERSION

O*NET lists, per occupation, the software its workers use ("Example"), grouped by UNSPSC
commodity, and marks the ones employers ask for most ("Hot Technology") and those in demand.
Every example marked either way is kept once, with the spellings a resume uses, derived here so
the file shows them for review:
- the example as O*NET writes it, without a trailing "software" ("Salesforce software");
- a name spelled out before its initials gives both ("Structured query language SQL" -> SQL,
  "Structured query language"); initials are matched only in capitals;
- a vendor's name in front is dropped when what is left is still a product name
  ("Autodesk AutoCAD" -> AutoCAD), not when it is an ordinary word ("Microsoft Word" keeps
  only its full name: "word" alone is not evidence of anything);
- a one-word name that is also an English word ("Slack", "Zoom") is matched only as written.
Category names that are not one product ("Accounting software", "Web browser software") are
left out. O*NET is (c) the U.S. Department of Labor, Employment and Training Administration,
licensed under CC BY 4.0.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "hireops" / "knowledge" / "data"

# Vendor names O*NET puts in front of a product (the longest that fits is dropped).
VENDORS = (
    "Adobe", "Amazon Web Services", "Amazon", "Apache", "Apple", "Atlassian", "Autodesk",
    "Bentley", "CGTech", "Cisco", "Dassault Systemes", "ESRI", "Google",
    "Guidance Software", "Henry Schein", "Hex-Rays", "IBM", "Intuit", "Kronos", "McNeel",
    "MathWorks", "Microsoft", "National Instruments", "Oracle", "PTC", "Portswigger", "Red Hat",
    "SAP", "StataCorp", "TechSmith", "Tenable", "The MathWorks", "Thomson Reuters", "Trimble",
    "Unity Technologies", "Unreal Technology", "Vector 35", "Vector", "Xactware", "RockWare",
    "Springshare", "Blackbaud", "Cubic", "Forsk", "PTV", "SKM Systems Analysis",
)
# What is left after a vendor that is an ordinary word, too broad or a job title on its own
# ("SQL Developer" is Oracle's tool and a job title).
ORDINARY = frozenset(name.strip() for name in (
    "access, active directory, ads, analytics, android, angular, audition, bamboo, cloud, "
    "concur, database, docs, dynamics, earth pro, excel, hive, hris, illustrator, inventor, "
    "java, maya, meet, middleware, office, outlook, photoshop, power tools, powerpoint, "
    "project, server, sheets, spark, sql developer, storyline, teams, web services, windows, "
    "word, workspace").split(","))
# Initials that also start another product's name: "ASP" would be read in every "ASP.NET".
AMBIGUOUS_INITIALS = frozenset({"ASP"})
# One-word names that are English words: matched only as written ("Slack", never "slack").
ENGLISH = frozenset("chef puppet swift zoom slack postman bootstrap selenium ruby go".split())
# Examples that name a kind of software, not a product a resume would cite.
GENERIC = re.compile(
    r"^(?:accounting|business software|chatbot|database application|disassembler|firewall|"
    r"inventory control system|inventory management systems|javascript framework|"
    r"network directory services|operating system|payroll|productivity|project management|"
    r"purchasing|relational database management system|simulation|software libraries|"
    r"source code editor|statistical|system testing|tax|video editing|web application|"
    r"web browser|web framework|web server|applicant tracking|clinical trial management|"
    r"tax compliance)\b|^Google$", re.IGNORECASE)
# UNSPSC commodity -> the vocabulary domain a new skill joins (default: engineering).
DOMAIN_OF_COMMODITY = {
    "Analytical or scientific software": "data",
    "Business intelligence and data analysis software": "data",
    "Data mining software": "data",
    "Metadata management software": "data",
    "Computer aided design CAD software": "engineering_design",
    "Computer aided manufacturing CAM software": "engineering_design",
    "Geographic information system": "engineering_design",
    "Map creation software": "engineering_design",
    "Industrial control software": "engineering_design",
    "Graphics or photo imaging software": "design",
    "Desktop publishing software": "design",
    "Video creation and editing software": "design",
    "Music or sound editing software": "design",
    "Graphical user interface development software": "design",
    "Process mapping and design software": "design",
    "Project management software": "product",
    "Content workflow software": "product",
    "Customer relationship management CRM software": "sales",
    "Sales and marketing software": "marketing",
    "Web page creation and editing software": "marketing",
    "Human resources software": "hr",
    "Time accounting software": "hr",
    "Computer based training software": "hr",
    "Accounting software": "finance",
    "Tax preparation software": "finance",
    "Compliance software": "finance",
    "Enterprise resource planning ERP software": "finance",
    "Procurement software": "operations",
    "Inventory management software": "operations",
    "Materials requirements planning logistics and supply chain software": "operations",
    "Mobile location based services software": "operations",
    "Office suite software": "operations",
    "Spreadsheet software": "operations",
    "Word processing software": "operations",
    "Presentation software": "operations",
    "Electronic mail software": "operations",
    "Video conferencing software": "operations",
    "Document management software": "operations",
    "Cloud-based data access and sharing software": "operations",
    "Information retrieval or search software": "operations",
    "Medical software": "healthcare",
}
_INITIALS = re.compile(r"^(?P<name>.+?)\s+(?P<initials>[A-Z][A-Za-z0-9]*[A-Z0-9])"
                       r"(?:\s+(?:software|systems?|compilers))?$")
_PLAIN_WORD = re.compile(r"^[A-Z]?[a-z]+$")
# Words O*NET adds after a product's usual name ("Hibernate ORM", "Jenkins CI").
_TRAILERS = re.compile(r"\s+(?:programming language|ORM|CI|Enterprise)$")


def _without_software(example: str) -> str:
    return re.sub(r"\s+software$", "", example.strip())


def _spells_initials(name: str, initials: str) -> bool:
    """Whether the letters of `initials` occur in order in `name` ("SVN" in "Apache
    Subversion"), which tells initials from a product name in capitals ("Dassault Systemes
    CATIA")."""
    letters = iter(name.casefold())
    return all(ch in letters for ch in initials.casefold() if ch.isalpha())


def _without_vendor(name: str) -> str:
    for vendor in sorted(VENDORS, key=len, reverse=True):
        if name.startswith(vendor + " "):
            return name[len(vendor) + 1:]
    return ""


def spellings(example: str) -> dict[str, list[str]]:
    """For one O*NET example: `aliases` (spellings a resume uses), `exact` (those matched only
    as written) and `same_as` (shorter names that only identify a skill already known)."""
    base = _without_software(example)
    aliases, exact, same_as = [base], [], []
    initials = _INITIALS.match(base)
    if (initials and len(initials["name"].split()) >= 2
            and _spells_initials(initials["name"], initials["initials"])):
        aliases = [initials["name"]]
        if initials["initials"] not in AMBIGUOUS_INITIALS:
            aliases.append(initials["initials"])
            exact.append(initials["initials"])
    for name in list(aliases):
        rest = _without_vendor(name)
        if not rest or name in exact:
            continue
        if rest.casefold() in ORDINARY:
            same_as.append(rest)
        else:
            aliases.append(rest)
            if _PLAIN_WORD.match(rest):
                exact.append(rest)
    for name in list(aliases):
        trimmed = _TRAILERS.sub("", name)
        same_as += [trimmed] if trimmed != name else []
        same_as.append(name + "s")  # "RESTful API" is known as "RESTful APIs"
    if len(aliases) == 1 and base.casefold() in ENGLISH:
        exact.append(base)
    return {"aliases": list(dict.fromkeys(aliases)), "exact": list(dict.fromkeys(exact)),
            "same_as": same_as}


def _known_aliases() -> dict[str, str]:
    """Every spelling of the hand-written vocabulary (folded) -> its canonical name."""
    vocabulary = json.loads((TARGET / "skills.json").read_text(encoding="utf-8"))["vocabulary"]
    known: dict[str, str] = {}
    for lines in vocabulary.values():
        for line in lines:
            names = [part.strip() for part in line.split("|") if part.strip()]
            for name in names:
                known.setdefault(_fold(name), names[0])
    return known


def _fold(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def _selected(rows: list[dict]) -> dict[str, dict]:
    chosen: dict[str, dict] = {}
    for row in rows:
        example = row["Example"].strip()
        if row["Hot Technology"] != "Y" and row.get("In Demand") != "Y":
            continue
        if GENERIC.search(_without_software(example)):
            continue
        entry = chosen.setdefault(example, {"example": example,
                                            "commodity": row["Commodity Title"],
                                            "occupations": 0})
        entry["occupations"] += 1
    return chosen


def technology_entries(rows: list[dict]) -> list[dict]:
    """One entry per selected example: it either `joins` a skill of the vocabulary (or one
    added by an earlier entry) with the spellings that skill lacks, or adds a new skill."""
    known = _known_aliases()
    entries = []
    for example, entry in sorted(_selected(rows).items(), key=lambda kv: kv[0].casefold()):
        spelled = spellings(example)
        joins = next((known[_fold(n)] for n in spelled["aliases"] + spelled["same_as"]
                      if _fold(n) in known), None)
        new = [n for n in spelled["aliases"] if _fold(n) not in known]
        exact = [n for n in spelled["exact"] if n in new]
        if joins is None:
            name = next((n for n in reversed(new) if n not in exact), new[0])
            item = {**entry, "name": name,
                    "domain": DOMAIN_OF_COMMODITY.get(entry["commodity"], "engineering")}
        else:
            item = {**entry, "joins": joins}
        item.update(aliases=new, exact=exact)
        for alias in new:
            known[_fold(alias)] = joins or item["name"]
        entries.append(item)
    return entries


def main() -> None:
    source, version = Path(sys.argv[1]), sys.argv[2]
    with source.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    entries = technology_entries(rows)
    out = {"version": version, "technologies": entries}
    path = TARGET / "onet_technology.json"
    path.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(entries)} technologies -> {path}")


if __name__ == "__main__":
    main()
