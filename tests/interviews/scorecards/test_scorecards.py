"""Interviewer scorecards: only the named interviewers fill them, once each, editable until the
decision; reminders go out daily through the outbox (delivered to a real loopback SMTP server)
until filled; a job's scorecard weight blends them into the decision; blind screening holds."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlmodel import Session, func, select

from hireops.config import get_settings
from hireops.models import (
    Application, Candidate, Event, InterviewBooking, OutboxMessage, Role, Scorecard, User,
)
from hireops.services.decisions.flow import decision_card
from hireops.services.decisions.rule import record_decision
from hireops.services.mail.sender import configured_sender
from hireops.services.outreach.outbox import deliver_due
from hireops.services.privacy.rights import erase_candidate
from hireops.services.outreach.bookings import book_slot
from hireops.services.interviews.scorecard_panel import scorecard_panel
from hireops.services.interviews.scorecards import (
    ScorecardRefused, scorecard_score, send_scorecard_reminders, set_interviewers,
    submit_scorecard,
)
from hireops.services.platform.users import add_team_user
from tests.fakes.smtp_server import FakeSmtpServer, smtp_server  # noqa: F401  (fixture)
from tests.factories import make_application, make_candidate, make_job

NOW = datetime(2030, 3, 13, 9, 0, tzinfo=timezone.utc)
SKILLS = ["Python", "PostgreSQL"]


@pytest.fixture
def team(session: Session) -> dict[str, User]:
    users = {}
    for name, role in (("hana", Role.recruiter), ("ivan", Role.viewer), ("joe", Role.recruiter),
                       ("kim", Role.admin)):
        users[name], _ = add_team_user(session=session, email=f"{name}@acme.test", role=role,
                                       full_name=name.capitalize(), actor=None)
    return users


@pytest.fixture
def booking(session: Session, team) -> InterviewBooking:
    """Ada's follow-up interview, booked for tomorrow 10:00-10:45 UTC."""
    return _book(session, team["hana"])


def _book(session: Session, hr: User, *, name: str = "Ada Lovelace", blind: bool = False,
          weight: float = 0.0) -> InterviewBooking:
    job = make_job(session, must_have_skills=SKILLS[:1], nice_to_have_skills=SKILLS[1:],
                   blind_screening=blind, scorecard_weight=weight)
    candidate = make_candidate(session, full_name=name,
                               email=f"{name.split()[0].lower()}@example.test")
    application = make_application(session, job=job, candidate=candidate, resume_score=85,
                                   interview_score=70)
    start = NOW + timedelta(days=1, hours=1)
    booking = book_slot(session=session, application_id=application.id, start=start,
                        end=start + timedelta(minutes=45), candidate_tz="UTC", source="manual",
                        actor=hr, now=NOW)
    session.commit()
    return booking


def _fill(session, booking, user, rating=4, *, note="Explained indexes well",
          recommendation="yes", summary=""):
    return submit_scorecard(session=session, booking_id=booking.id, interviewer=user,
                            ratings={skill: rating for skill in SKILLS},
                            notes={skill: note for skill in SKILLS},
                            recommendation=recommendation, summary=summary)


def test_only_named_interviewers_fill_and_each_fills_one(session, team, booking):
    set_interviewers(session=session, booking_id=booking.id,
                     user_ids=[team["ivan"].id, team["joe"].id], actor=team["hana"])

    with pytest.raises(ScorecardRefused, match="named on this booking"):
        _fill(session, booking, team["kim"])

    first = _fill(session, booking, team["ivan"], 4)
    # A second submission by the same interviewer edits the one scorecard (before a decision).
    again = _fill(session, booking, team["ivan"], 5, recommendation="strong_yes")
    assert again.id == first.id
    assert session.exec(select(func.count()).select_from(Scorecard)).one() == 1
    assert [e["rating"] for e in again.ratings] == [5, 5]
    actions = session.exec(select(Event.action).where(Event.action.like("scorecard.%"))
                           .order_by(Event.id)).all()
    assert actions == ["scorecard.submitted", "scorecard.updated"]


def test_every_skill_needs_a_rating_from_one_to_five_and_notes_are_bounded(session, team,
                                                                           booking):
    set_interviewers(session=session, booking_id=booking.id, user_ids=[team["ivan"].id],
                     actor=team["hana"])
    with pytest.raises(ScorecardRefused, match="Rate PostgreSQL"):
        submit_scorecard(session=session, booking_id=booking.id, interviewer=team["ivan"],
                         ratings={"Python": 4}, notes={}, recommendation="yes")
    with pytest.raises(ScorecardRefused, match="Rate Python"):
        _fill(session, booking, team["ivan"], 6)
    with pytest.raises(ScorecardRefused, match="longer than"):
        _fill(session, booking, team["ivan"], note="x" * 1001)
    with pytest.raises(ScorecardRefused, match="recommendation"):
        _fill(session, booking, team["ivan"], recommendation="maybe")
    assert session.exec(select(func.count()).select_from(Scorecard)).one() == 0


def test_a_scorecard_is_locked_once_a_decision_is_taken(session, team, booking):
    set_interviewers(session=session, booking_id=booking.id, user_ids=[team["ivan"].id],
                     actor=team["hana"])
    _fill(session, booking, team["ivan"], 4)
    record_decision(session=session, application_id=booking.application_id, actor=team["hana"])

    with pytest.raises(ScorecardRefused, match="decision was taken"):
        _fill(session, booking, team["ivan"], 2)
    panel = scorecard_panel(session=session, candidate_id=_candidate_id(session, booking),
                            viewer=team["ivan"])
    assert not panel.can_fill and "decision" in panel.locked_reason


def test_only_active_team_members_can_be_named_and_a_reschedule_keeps_them(session, team,
                                                                            booking):
    team["joe"].is_active = False
    session.add(team["joe"])
    session.commit()
    with pytest.raises(ScorecardRefused, match="active team members"):
        set_interviewers(session=session, booking_id=booking.id, user_ids=[team["joe"].id],
                         actor=team["hana"])
    set_interviewers(session=session, booking_id=booking.id, user_ids=[team["ivan"].id],
                     actor=team["hana"])
    later = booking.starts_at + timedelta(days=1)
    moved = book_slot(session=session, application_id=booking.application_id, start=later,
                      end=later + timedelta(minutes=45), candidate_tz="UTC", source="manual",
                      actor=team["hana"], now=NOW)
    session.commit()
    _fill(session, moved, team["ivan"])  # still named on the new booking
    with pytest.raises(ScorecardRefused, match="cancelled"):
        set_interviewers(session=session, booking_id=booking.id, user_ids=[],
                         actor=team["hana"])


def test_reminders_daily_after_the_interview_until_filled(session, team, booking, monkeypatch,
                                                         smtp_server: FakeSmtpServer,  # noqa: F811
                                                         tmp_path):
    _smtp(monkeypatch, smtp_server, tmp_path)
    set_interviewers(session=session, booking_id=booking.id,
                     user_ids=[team["ivan"].id, team["joe"].id], actor=team["hana"])

    # Before the interview is over: nobody is reminded.
    assert send_scorecard_reminders(session=session, now=booking.starts_at) == 0
    after = booking.ends_at + timedelta(hours=1)
    assert send_scorecard_reminders(session=session, now=after) == 2
    # Once a day: the same day again queues nothing.
    assert send_scorecard_reminders(session=session, now=after + timedelta(hours=3)) == 0
    _deliver(session)
    assert sorted(m.rcpt_tos[0] for m in smtp_server.messages) == ["ivan@acme.test",
                                                                    "joe@acme.test"]
    mail = smtp_server.messages[0].parsed
    assert mail["Subject"] == "Scorecard missing: Ada Lovelace for Backend Engineer"
    assert f"/candidates/view?id={_candidate_id(session, booking)}" in \
        mail.get_body(("plain",)).get_content()

    _fill(session, booking, team["ivan"])
    # The next day only Joe, who has not filled his, is reminded.
    assert send_scorecard_reminders(session=session, now=after + timedelta(days=1)) == 1
    _deliver(session)
    assert [m.rcpt_tos[0] for m in smtp_server.messages[2:]] == ["joe@acme.test"]
    _fill(session, booking, team["joe"], 3)
    assert send_scorecard_reminders(session=session, now=after + timedelta(days=2)) == 0


def test_reminders_respect_blind_screening(session, team, monkeypatch, tmp_path,
                                           smtp_server: FakeSmtpServer):  # noqa: F811
    _smtp(monkeypatch, smtp_server, tmp_path)
    booking = _book(session, team["hana"], name="Grace Hopper", blind=True)
    set_interviewers(session=session, booking_id=booking.id, user_ids=[team["ivan"].id],
                     actor=team["hana"])
    send_scorecard_reminders(session=session, now=booking.ends_at + timedelta(hours=1))
    _deliver(session)
    raw = smtp_server.messages[0].raw.decode()
    assert "Grace" not in raw and "Hopper" not in raw
    assert f"Candidate #{_candidate_id(session, booking)}" in raw

    # The notes interviewers type are shown redacted while the identity is hidden.
    _fill(session, booking, team["ivan"], note="Grace Hopper knew COBOL well",
          summary="Hire Grace")
    panel = scorecard_panel(session=session, candidate_id=_candidate_id(session, booking),
                            viewer=team["hana"])
    shown = panel.scorecards[0]
    assert "Grace" not in shown.summary and "Hopper" not in shown.ratings[0].note
    assert "COBOL" in shown.ratings[0].note


def test_the_weight_blends_scorecards_into_the_decision(session, team):
    booking = _book(session, team["hana"], weight=0.3)
    application_id = booking.application_id
    set_interviewers(session=session, booking_id=booking.id,
                     user_ids=[team["ivan"].id, team["joe"].id], actor=team["hana"])
    _fill(session, booking, team["ivan"], 5)
    _fill(session, booking, team["joe"], 3)
    # Ratings 5,5,3,3: mean 4 -> (4 - 1) / 4 = 75 on 0-100.
    assert scorecard_score(session=session, application_id=application_id) == 75.0

    decision = record_decision(session=session, application_id=application_id,
                               actor=team["hana"])
    # 0.4 x 85 + 0.6 x 70 = 76; blended: 0.7 x 76 + 0.3 x 75 = 75.7.
    assert decision.final_score == pytest.approx(75.7)
    assert decision.inputs["scorecard_score"] == 75.0
    card = decision_card(session=session, application_id=application_id, now=NOW)
    assert card.final_score == "75.7"
    assert "Interviewer scorecards count 30 % of the final score" in card.thresholds
    assert any("0.3 × interviewer scorecards 75" in reason for reason in card.reasons)


def test_scorecards_filled_after_the_decision_show_their_blend_on_the_card(session, team):
    booking = _book(session, team["hana"], weight=0.5)
    record_decision(session=session, application_id=booking.application_id,
                    actor=team["hana"])
    set_interviewers(session=session, booking_id=booking.id, user_ids=[team["ivan"].id],
                     actor=team["hana"])
    _fill(session, booking, team["ivan"], 5)
    card = decision_card(session=session, application_id=booking.application_id, now=NOW)
    assert card.thresholds[-1] == ("Final 88 = 0.5 × resume and interview 76 + 0.5 × "
                                   "interviewer scorecards 100")


def test_a_zero_weight_leaves_the_decision_alone(session, team, booking):
    set_interviewers(session=session, booking_id=booking.id, user_ids=[team["ivan"].id],
                     actor=team["hana"])
    _fill(session, booking, team["ivan"], 1, recommendation="strong_no")
    decision = record_decision(session=session, application_id=booking.application_id,
                               actor=team["hana"])
    assert decision.final_score == pytest.approx(76.0)
    panel = scorecard_panel(session=session, candidate_id=_candidate_id(session, booking),
                            viewer=team["hana"])
    assert panel.weight_line.startswith("Not counted in the decision")
    assert panel.mean == "1.0 / 5 (0 / 100) from 1 of 1 interviewers"


def test_erasing_the_candidate_removes_scorecards(session, team, booking):
    set_interviewers(session=session, booking_id=booking.id, user_ids=[team["ivan"].id],
                     actor=team["hana"])
    _fill(session, booking, team["ivan"])
    counts = erase_candidate(session=session, candidate_id=_candidate_id(session, booking),
                             actor=team["hana"], reason="the candidate asked")
    assert counts["scorecards"] == 1 and counts["interviewers"] == 1


def _candidate_id(session: Session, booking: InterviewBooking) -> int:
    return session.get(Application, booking.application_id).candidate_id


def _smtp(monkeypatch, smtp_server: FakeSmtpServer, tmp_path) -> None:  # noqa: F811
    monkeypatch.setenv("SMTP_HOST", smtp_server.host)
    monkeypatch.setenv("SMTP_PORT", str(smtp_server.port))
    monkeypatch.setenv("SMTP_SECURITY", "none")
    monkeypatch.setenv("SMTP_TIMEOUT_S", "5")
    monkeypatch.setenv("SMTP_FROM_ADDRESS", "recruiting@acme.test")
    monkeypatch.setenv("OUTBOX_MAILDIR", str(tmp_path / "sent_mail"))
    get_settings.cache_clear()


def _deliver(session: Session) -> None:
    report = deliver_due(session=session, sender=configured_sender(),
                         now=datetime.now(timezone.utc) + timedelta(days=30))
    assert report.failed == 0 and not report.stopped, report
    assert session.exec(select(func.count()).select_from(OutboxMessage)
                        .where(OutboxMessage.status != "sent")).one() == 0
