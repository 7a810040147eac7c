"""An offer is the person's data: in their export, gone with their erasure (the letter file
included), scrubbed when the retention schedule anonymises them."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlmodel import select

from hireops.models import Offer, OutboxAttachment, utcnow
from hireops.services.outreach.offers import OfferForm, send_offer
from hireops.services.privacy.rights import (
    anonymise_candidate,
    erase_candidate,
)
from tests.factories import exported_archive

FORM = OfferForm(salary_amount="68000", currency="EUR", salary_period="per year",
                 start_date=(utcnow() + timedelta(days=40)).date().isoformat())


def test_export_holds_the_offer_letter(session, shortlisted, recruiter):
    send_offer(session=session, application_id=shortlisted.id, form=FORM, actor=recruiter)
    archive = exported_archive(session, shortlisted.candidate_id)
    data = json.loads(archive.read("data.json"))
    (offer,) = data["offers"]
    assert "Dear Elena Petrova" in offer["letter_text"]
    assert offer["values"]["salary"] == "EUR 68,000 per year"


def test_erasure_removes_offers_and_the_letter_file(session, shortlisted, recruiter):
    send_offer(session=session, application_id=shortlisted.id, form=FORM, actor=recruiter)
    counts = erase_candidate(session=session, candidate_id=shortlisted.candidate_id,
                             actor=None, reason="Candidate asked for erasure")
    assert (counts["offers"], counts["mail_attachments"], counts["emails_sent"]) == (1, 1, 1)
    assert session.exec(select(Offer)).all() == []
    assert session.exec(select(OutboxAttachment)).all() == []


def test_anonymising_keeps_the_outcome_but_not_the_letter(session, shortlisted, recruiter):
    offer = send_offer(session=session, application_id=shortlisted.id, form=FORM,
                       actor=recruiter)
    anonymise_candidate(session=session, candidate_id=shortlisted.candidate_id,
                        actor_label="retention")
    session.expire_all()
    kept = session.get(Offer, offer.id)
    assert kept.status == "sent" and kept.letter_text == "" and kept.values == {}
    assert session.exec(select(OutboxAttachment)).all() == []
