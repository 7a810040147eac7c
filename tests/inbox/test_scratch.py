from hireops.services.ingest import run_ingest_pass
from hireops.services.mail.sources import MaildirSource
from hireops.models import *
from sqlmodel import select
from tests.fakes.mail_factory import build_email, resume_pdf, resume_docx, PDF, DOCX
from tests.inbox.conftest import deliver, counts

BACKEND_CV = ["Maya Chen", "maya.chen@example.com | +49 151 2345 6789 | Berlin, Germany", "",
  "Summary", "Backend engineer with 7 years of Python.", "",
  "Experience", "Backend Engineer, Fintech GmbH (2018 - 2024)",
  "Built REST APIs in Python with FastAPI and PostgreSQL; shipped services in Docker on Kubernetes.",
  "", "Education", "B.Sc. Computer Science (2017)", "", "Skills", "Python, PostgreSQL, Docker, REST APIs, Kubernetes, AWS"]

def test_x(session, maildir, maildir_path, jobs):
    deliver(maildir, build_email(sender="maya.chen@example.com", sender_name="Maya Chen",
        subject="Application for Senior Backend Engineer", body="Hello, I am applying for the Senior Backend Engineer role. Please find my CV attached.\nBest regards,\nMaya Chen",
        attachments=[("Maya_Chen_CV.pdf", PDF, resume_pdf(BACKEND_CV))]))
    s = run_ingest_pass(source=MaildirSource(maildir_path))
    print(s)
    for e in session.exec(select(Email)).all():
        print(e.status, e.category, e.failure_reason, e.warnings, e.reasoning)
    for c in session.exec(select(Candidate)).all():
        print(c.full_name, c.email, c.phone, len(c.resume_text))
    for a in session.exec(select(Application)).all():
        print(a.job_id, a.resume_score, a.stage, a.resume_result["match"]["evidence"][:2])
    print(counts(session))
