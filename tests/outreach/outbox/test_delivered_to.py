"""Mail written to the local outbox folder (no mail server set) is never shown as "sent": the
outbox records where each message went and the candidate page says it in words."""

from __future__ import annotations

from hireops.models import Application, Event
from hireops.services.interviews.review import outgoing_mail
from hireops.services.mail.sender import configured_sender, mail_server_set
from hireops.services.outreach.outbox import deliver_due
from tests.outreach.outbox.conftest import queue, reload

SAVED = "saved to the outbox folder (no mail server set)"


def _deliver_one(session, application: Application):
    message = queue(session, "invite-1", application_id=application.id)
    assert deliver_due(session=session, sender=configured_sender()).sent == 1
    return reload(session, message.id)


def test_without_a_mail_server_the_message_is_saved_not_sent(session, application,
                                                              outbox_env) -> None:
    assert not mail_server_set()
    message = _deliver_one(session, application)
    assert (message.status, message.delivered_to) == ("sent", "folder")
    assert len(list(outbox_env.joinpath("new").iterdir())) == 1
    [row] = outgoing_mail(session=session, candidate_id=application.candidate_id)
    assert (row.status, row.status_label) == ("saved", SAVED)
    event = session.query(Event).filter(Event.action.like("mail.%")).one()
    assert (event.action, event.after["delivered_to"]) == ("mail.saved_to_outbox_folder",
                                                           "folder")


def test_with_a_mail_server_the_message_is_sent(session, application, smtp_env) -> None:
    assert mail_server_set()
    message = _deliver_one(session, application)
    assert (message.status, message.delivered_to) == ("sent", "server")
    assert len(smtp_env.messages) == 1
    [row] = outgoing_mail(session=session, candidate_id=application.candidate_id)
    assert (row.status, row.status_label) == ("sent", "sent")
    event = session.query(Event).filter(Event.action.like("mail.%")).one()
    assert (event.action, event.after["delivered_to"]) == ("mail.sent", "server")
