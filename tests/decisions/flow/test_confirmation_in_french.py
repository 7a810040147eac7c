"""A French candidate's interview confirmation: the mail, the place and the calendar
invitation's title and description in French, the day written the French way."""

from __future__ import annotations

from icalendar import Calendar

from hireops.models import Candidate
from hireops.services.outreach.bookings import book_slot, send_schedule_confirmation
from tests.decisions.flow.conftest import NOW
from tests.decisions.flow.test_scheduling import _at


def test_the_confirmation_and_its_invitation_speak_french(session, make_application, hr):
    application = make_application(name="")
    candidate = session.get(Candidate, application.candidate_id)
    candidate.language = "fr"
    session.add(candidate)
    start, end = _at(14, 10)
    booking = book_slot(session=session, application_id=application.id, start=start, end=end,
                        candidate_tz="Europe/Paris", source="preferred", original_text="",
                        actor=None, now=NOW, location="Salle Lovelace, 3e étage")
    message = send_schedule_confirmation(session=session, booking=booking, actor=None)
    session.commit()

    assert message.subject.startswith("Entretien confirmé")
    assert message.body_text.startswith("Bonjour à vous,")
    assert "jeudi 14 mars 2030, 10:00–10:45 CET, lieu\u202f: Salle Lovelace, 3e étage" in \
        message.body_text
    assert "L'équipe de recrutement" in message.body_text
    assert "Thu" not in message.body_text and " at Salle" not in message.body_text
    event = Calendar.from_ical(message.ics).walk("VEVENT")[0]
    assert str(event["SUMMARY"]).startswith("Entretien\u202f: Backend Engineer (")
    assert str(event["DESCRIPTION"]) == "Entretien de suivi pour le poste de Backend Engineer."
