"""A French candidate's invitation, written and dated in French, through the outbox and the
loopback SMTP server."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session

from hireops.models import Application, Candidate, InterviewLink
from hireops.services.interviews.invitations import send_link
from hireops.services.interviews.links import generate_link
from hireops.services.mail.sender import configured_sender
from hireops.services.outreach.outbox import deliver_due


def test_a_french_candidate_gets_a_french_invitation(session: Session, application: Application,
                                                     smtp_env) -> None:
    candidate = session.get(Candidate, application.candidate_id)
    candidate.language = "fr"
    session.add(candidate)
    session.commit()
    issued = generate_link(session=session, application_id=application.id, actor=None,
                           override_reason="invited before scoring")
    link = session.get(InterviewLink, issued.link.id)
    link.expires_at = datetime(2026, 12, 15, 17, 30, tzinfo=UTC)
    session.add(link)
    send_link(session=session, link_id=link.id, actor=None)
    session.commit()

    assert deliver_due(session=session, sender=configured_sender()).sent == 1
    [received] = smtp_env.messages
    message = received.parsed
    assert message["Subject"].startswith(
        "Votre entretien pour le poste de Senior Backend Engineer chez ")
    text = message.get_body(("plain",)).get_content()
    assert text.startswith("Bonjour Elena Petrova,")
    assert issued.url in text
    assert "jusqu'au 15 décembre 2026, 18:30 CET" in text
    assert "Kind regards" not in text and "Bien cordialement," in text
