"""Writes the demo inbox messages into hireops/demo/mail/ (run again only to change them).

The messages are committed; `seed-demo` copies them into the embedded Maildir.
"""

import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakes.hostile_files import encrypted_pdf  # noqa: E402
from tests.fakes.mail_factory import DOCX, PDF, build_email, resume_docx, resume_pdf  # noqa: E402

OUT = ROOT / "hireops" / "demo" / "mail"

ELENA = """Elena Petrova
elena.petrova@example.com | +44 7700 900123 | London, UK | github.com/epetrova
Backend Engineer
EXPERIENCE
Backend Engineer, Tidewater Logistics (Mar 2021 - Present)
- Build Python services with FastAPI and PostgreSQL that route 50,000 deliveries a day.
- Containerised every service with Docker and deploy them on Kubernetes.
- Designed REST APIs used by three mobile apps; added OpenTelemetry tracing.
Software Developer, Quillsoft (Sep 2018 - Feb 2021)
- Django and Celery back office; Redis caching; unit testing with pytest.
EDUCATION
MSc Computer Science, University of Manchester, 2018
SKILLS
Python, FastAPI, Django, PostgreSQL, Redis, Docker, Kubernetes, REST APIs, pytest, AWS""".splitlines()

TOMAS = """Tomas Novak
tomas.novak@example.cz | +420 601 234 567 | Prague, Czech Republic
Data Analyst
EXPERIENCE
Data Analyst, Vltava Retail (2020 - Present)
Write SQL in BigQuery, build Tableau dashboards for store managers and run A/B tests.
Automated weekly sales reporting with Python and pandas.
Junior Analyst, Bohemia Bank (2018 - 2020)
Excel models, Power BI reports and statistics for credit risk.
SKILLS
SQL, Python, pandas, Tableau, Power BI, Excel, statistics""".splitlines()

CAMILLE = """Camille Dubois
camille.dubois@example.fr | +33 6 98 76 54 32 | Lyon, France
Product Designer
EXPERIENCE
Product Designer, Atelier Numerique (2019 - Present)
Figma design system, user research, prototyping and usability testing for a banking app.
UX Designer, Studio Lumiere (2016 - 2019)
Wireframes and interaction design for e-commerce clients; accessibility audits (WCAG).
SKILLS
Figma, user research, prototyping, design systems, usability testing, accessibility""".splitlines()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    day = datetime(2026, 11, 18, 8, 0, tzinfo=timezone.utc)
    messages = {
        "01-elena-backend.eml": build_email(
            sender="elena.petrova@example.com", sender_name="Elena Petrova",
            subject="Application: Senior Backend Engineer", date=day,
            message_id="<demo-01@hireops.demo>",
            body="Dear hiring team,\n\nI would like to apply for the Senior Backend Engineer "
                 "role. My CV is attached.\n\nKind regards,\nElena Petrova",
            attachments=[("Elena_Petrova_CV.pdf", PDF, resume_pdf(ELENA))]),
        "02-tomas-data.eml": build_email(
            sender="t.novak@example.cz", sender_name="Tomas Novak",
            subject="Data Analyst position", date=day.replace(hour=9),
            message_id="<demo-02@hireops.demo>",
            body="Hello,\n\nI am applying for the Data Analyst position advertised on your "
                 "site. Please find my resume attached.\n\nTomas",
            attachments=[("Tomas_Novak_Resume.docx", DOCX, resume_docx(TOMAS))]),
        "03-camille-candidature.eml": build_email(
            sender="camille.dubois@example.fr", sender_name="Camille Dubois",
            subject="Candidature : Product Designer", date=day.replace(hour=10),
            message_id="<demo-03@hireops.demo>",
            body="Bonjour,\n\nJe souhaite postuler au poste de Product Designer. Vous trouverez "
                 "mon CV en pièce jointe.\n\nCordialement,\nCamille Dubois",
            attachments=[("CV_Camille_Dubois.pdf", PDF, resume_pdf(CAMILLE))]),
        "04-locked-cv.eml": build_email(
            sender="sam.okoro@example.com", sender_name="Sam Okoro",
            subject="Application for Account Executive", date=day.replace(hour=11),
            message_id="<demo-04@hireops.demo>",
            body="Hi, I'm applying for the Account Executive role; my CV is attached.\n\nSam",
            attachments=[("Sam_Okoro_CV.pdf", PDF, encrypted_pdf())]),
        "05-invoice.eml": build_email(
            sender="billing@printworks.example", sender_name="PrintWorks Billing",
            subject="Invoice INV-2291 for business cards", date=day.replace(hour=12),
            message_id="<demo-05@hireops.demo>",
            body="Dear customer,\n\nPlease find attached invoice INV-2291. Amount due: "
                 "184.00 EUR, payment within 30 days.\n\nPrintWorks",
            attachments=[("INV-2291.pdf", PDF, resume_pdf(["PrintWorks", "Invoice INV-2291",
                                                           "Business cards x 500",
                                                           "Total due: 184.00 EUR"]))]),
        "06-newsletter.eml": build_email(
            sender="news@hrweekly.example", sender_name="HR Weekly",
            subject="HR Weekly: 5 trends in hiring this winter", date=day.replace(hour=13),
            message_id="<demo-06@hireops.demo>",
            body="This week: five trends in hiring, a webinar on interviews and more.\n\n"
                 "Unsubscribe: https://hrweekly.example/unsubscribe",
            attachments=[("hr-weekly.pdf", PDF, resume_pdf(["HR Weekly", "Five trends in "
                                                            "hiring this winter"]))]),
    }
    for name, raw in messages.items():
        (OUT / name).write_bytes(raw)
    print(f"wrote {len(messages)} messages to {OUT}")


if __name__ == "__main__":
    main()
