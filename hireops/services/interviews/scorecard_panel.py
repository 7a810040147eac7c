"""What the candidate page shows of the interviewers' scorecards: who was named on the
follow-up interview, what each one rated, the mean, and how much of it the decision counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from hireops.models import (
    Application,
    Candidate,
    InterviewBooking,
    Job,
    Scorecard,
    User,
)
from hireops.services.privacy.blind_screening import is_identity_hidden, redact_for
from hireops.services.platform.clock import format_local
from hireops.services.decisions.rule import blend_scorecards, thresholds_for_job
from hireops.services.outreach.bookings import slot_label_both_zones
from hireops.services.interviews.scorecards import (
    RECOMMENDATIONS,
    interviewer_ids,
    is_locked,
    job_skills,
    scorecard_score,
)


@dataclass
class RatingRow:
    """One skill's rating on one scorecard."""

    skill: str
    # "1".."5", as shown.
    rating: str
    note: str


@dataclass
class ScorecardRow:
    """One submitted scorecard as the page shows it."""

    scorecard_id: int
    interviewer: str
    # strong_yes | yes | no | strong_no, and its words.
    recommendation: str
    recommendation_label: str
    ratings: list[RatingRow] = field(default_factory=list)
    summary: str = ""
    submitted: str = ""


@dataclass
class InterviewerRow:
    """A team member who can be named on the booking, and whether they owe a scorecard."""

    user_id: int
    name: str
    named: bool
    filled: bool


@dataclass
class ScorecardPanel:
    """The scorecards of one candidate's current follow-up interview."""

    booking_id: int = 0
    job_title: str = ""
    booked: str = ""
    team: list[InterviewerRow] = field(default_factory=list)
    scorecards: list[ScorecardRow] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    # "3.8 / 5 (70 / 100) from 2 of 3 interviewers", or "".
    mean: str = ""
    # How the decision counts them, in words ("Not counted in the decision ..." when 0).
    weight_line: str = ""
    # The viewer is named and may (still) fill or edit their scorecard.
    can_fill: bool = False
    # The viewer's own scorecard, to edit: skill -> rating/note, and the recommendation.
    my_ratings: dict[str, str] = field(default_factory=dict)
    my_notes: dict[str, str] = field(default_factory=dict)
    my_recommendation: str = ""
    my_summary: str = ""
    # Why the viewer cannot edit their scorecard any more, or "".
    locked_reason: str = ""


def current_booking(*, session: Session, candidate_id: int) -> InterviewBooking | None:
    """The newest booked follow-up interview of any of the candidate's applications."""
    return session.exec(select(InterviewBooking).join(
        Application, Application.id == InterviewBooking.application_id).where(
        Application.candidate_id == candidate_id, InterviewBooking.status == "booked")
        .order_by(InterviewBooking.id.desc())).first()


def scorecard_panel(*, session: Session, candidate_id: int, viewer: User) -> ScorecardPanel:
    """The panel for the candidate page; empty (booking_id 0) before any booking."""
    booking = current_booking(session=session, candidate_id=candidate_id)
    if booking is None:
        return ScorecardPanel()
    application = session.get(Application, booking.application_id)
    job = session.get(Job, application.job_id)
    candidate = session.get(Candidate, candidate_id)
    hidden = is_identity_hidden(session=session, candidate_id=candidate_id)
    # Notes are free text the team typed after meeting the person: they may name them.
    quote = (lambda text: redact_for(candidate, text)) if hidden else (lambda text: text)
    named = interviewer_ids(session=session, booking_id=booking.id)
    cards = session.exec(select(Scorecard).where(Scorecard.booking_id == booking.id)
                         .order_by(Scorecard.submitted_at)).all()
    filled = {card.interviewer_id for card in cards}
    users = {u.id: u for u in session.exec(select(User).where(
        (User.is_active.is_(True)) | (User.id.in_(named or [0])))).all()}
    panel = ScorecardPanel(
        booking_id=booking.id, job_title=job.title,
        booked=slot_label_both_zones(booking.starts_at, booking.ends_at, booking.candidate_tz),
        team=[InterviewerRow(user_id=u.id, name=_name(u), named=u.id in named,
                             filled=u.id in filled)
              for u in sorted(users.values(), key=lambda u: _name(u).lower())],
        scorecards=[_row(card, users.get(card.interviewer_id), quote) for card in cards],
        skills=job_skills(job),
        mean=_mean(session, application.id, cards, len(named)),
        weight_line=_weight_line(session, application, job))
    mine = next((card for card in cards if card.interviewer_id == viewer.id), None)
    locked = mine is not None and is_locked(session=session, scorecard=mine)
    panel.can_fill = viewer.id in named and not locked
    panel.locked_reason = ("A decision was taken since you submitted your scorecard; it is "
                           "kept as it was." if locked else "")
    if mine is not None:
        panel.my_ratings = {e["skill"]: str(e["rating"]) for e in mine.ratings}
        panel.my_notes = {e["skill"]: e["note"] for e in mine.ratings}
        panel.my_recommendation, panel.my_summary = mine.recommendation, mine.summary
    return panel


def _row(card: Scorecard, author: User | None, quote) -> ScorecardRow:
    return ScorecardRow(
        scorecard_id=card.id, interviewer=_name(author) if author else "A former member",
        recommendation=card.recommendation,
        recommendation_label=RECOMMENDATIONS.get(card.recommendation, card.recommendation),
        ratings=[RatingRow(skill=e["skill"], rating=str(e["rating"]), note=quote(e["note"]))
                 for e in card.ratings],
        summary=quote(card.summary),
        submitted=format_local(card.submitted_at)
        + (" (edited)" if card.updated_at > card.submitted_at else ""))


def _mean(session: Session, application_id: int, cards: list[Scorecard], named: int) -> str:
    score = scorecard_score(session=session, application_id=application_id)
    if score is None:
        return ""
    stars = score / 100 * 4 + 1
    return f"{stars:.1f} / 5 ({score:g} / 100) from {len(cards)} of {max(named, len(cards))} " \
           "interviewers"


def _weight_line(session: Session, application: Application, job: Job) -> str:
    weight = job.scorecard_weight or 0.0
    if weight <= 0:
        return "Not counted in the decision (the job gives scorecards no weight)."
    score = scorecard_score(session=session, application_id=application.id)
    if score is None or application.resume_score is None or application.interview_score is None:
        return f"Counted at {weight * 100:g} % in the decision once filled."
    t = thresholds_for_job(job)
    base = round(t.resume_weight * application.resume_score
                 + t.interview_weight * application.interview_score, 1)
    return blend_scorecards(base, score, weight)[1]


def _name(user: User) -> str:
    return user.full_name or user.email
