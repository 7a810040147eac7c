"""Notifications for the team: made from the audit log, shown under the bell, mailed at once
or in a daily digest as each user chooses.

The audit log already records every new application, decision waiting for HR, completed
interview and threaded reply, in the same commit as the change itself; a scheduler step reads
the events after its cursor and makes one notification per (user, event) (a unique key, so a
second run or a second worker adds nothing). Who is told:
- about a job's candidates: the job's owner; a job with no owner is the whole team's (admins
  and recruiters);
- about a reply: the team member whose message was answered, else as above;
never the person who caused the event themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from hireops import routes
from hireops.models import (
    AppSetting, Application, Candidate, Event, Job, Notification, NotificationKind,
    NotificationPreference, Role, User, utcnow,
)
from hireops.services.privacy.blind_screening import anonymous_name, hidden_candidate_ids, redact_for
from hireops.services.platform.clock import format_local
from hireops.services.outreach.conversations import REPLY_ACTION
from hireops.services.platform.insert_if_absent import insert_if_absent
from hireops.services.outreach.outbox import enqueue_mail
from hireops.services.platform.runtime_settings import current_settings

KIND_OF_ACTION: dict[str, NotificationKind] = {
    "application.created": NotificationKind.new_application,
    "decision.needs_hr": NotificationKind.decision_waiting,
    "interview.completed": NotificationKind.interview_completed,
    REPLY_ACTION: NotificationKind.reply_received,
}
KIND_LABELS: dict[NotificationKind, str] = {
    NotificationKind.new_application: "New application for my jobs",
    NotificationKind.decision_waiting: "Decision waiting for HR",
    NotificationKind.interview_completed: "AI interview completed",
    NotificationKind.reply_received: "Reply from a candidate",
}
# How a user may want one kind by email, with the words the notifications page shows.
EMAIL_MODE_LABELS = {"off": "Only in HireOps", "immediate": "Email at once",
                     "digest": "Daily email digest"}
EMAIL_MODES = tuple(EMAIL_MODE_LABELS)
# New users hear about everything under the bell and get no mail until they ask for it.
DEFAULT_EMAIL = "off"
# The daily digest goes out at the first scheduler run after this hour (UTC).
DIGEST_HOUR_UTC = 7
# Events read per run; a backlog is worked off over the next runs.
EVENTS_PER_RUN = 1000
# Where the events were read up to (a bookkeeping row, not a setting anyone changes).
CURSOR_KEY = "notifications.event_cursor"
# With no cursor yet (a new installation), only this much history is turned into notifications.
FIRST_RUN_LOOKBACK = timedelta(days=1)
BELL_LIMIT = 20
_TEAM_ROLES = (Role.admin, Role.recruiter)


@dataclass(frozen=True)
class NotificationRow:
    """One notification as the bell and the notifications page show it."""

    id: int
    kind: str
    kind_label: str
    title: str
    body: str
    link: str
    at: str
    unread: bool


@dataclass(frozen=True)
class _Subject:
    """What an event is about, read once per event."""

    candidate_id: int | None
    name: str
    job: Job | None
    # Text about the person, redacted while blind screening hides them.
    quote: Callable[[str], str]


# --- making notifications ------------------------------------------------------------------


def notify_from_events(*, session: Session, now: datetime | None = None) -> int:
    """Turn the audit events after the cursor into notifications (and immediate mails);
    commits; returns how many notifications were made."""
    now = now or utcnow()
    cursor = session.get(AppSetting, CURSOR_KEY)
    query = select(Event).order_by(Event.id).limit(EVENTS_PER_RUN)
    if cursor is None:
        query = query.where(Event.at >= now - FIRST_RUN_LOOKBACK)
    else:
        query = query.where(Event.id > int(cursor.value or 0))
    events = session.exec(query).all()
    if not events:
        if cursor is None:
            _move_cursor(session, None, _last_event_id(session), now)
            session.commit()
        return 0
    team = _team(session)
    made = 0
    for event in events:
        kind = KIND_OF_ACTION.get(event.action)
        if kind is not None:
            made += _notify(session, event, kind, team, now)
    _move_cursor(session, cursor, events[-1].id, now)
    session.commit()
    return made


def _notify(session: Session, event: Event, kind: NotificationKind, team: list[User],
            now: datetime) -> int:
    subject = _subject_of(session, event)
    if subject is None:
        return 0
    title, body = _words(kind, subject, event)
    link = f"{routes.CANDIDATE}?id={subject.candidate_id}" if subject.candidate_id else ""
    made = 0
    for user in _recipients(session, event, subject, team):
        inserted = insert_if_absent(session=session, model=Notification, values=dict(
            user_id=user.id, kind=kind.value, event_id=event.id, title=title[:300], body=body,
            link=link, candidate_id=subject.candidate_id, created_at=now))
        if not inserted:
            continue
        made += 1
        if email_mode(session=session, user_id=user.id, kind=kind) == "immediate":
            _mail_now(session, user, event.id, kind, title, body, link, now)
    return made


def _subject_of(session: Session, event: Event) -> _Subject | None:
    """The candidate and job an event is about (None: the row is gone, e.g. erased)."""
    if event.entity_type == "application" and event.entity_id is not None:
        application = session.get(Application, event.entity_id)
        if application is None:
            return None
        candidate_id, job_id = application.candidate_id, application.job_id
    elif event.entity_type == "candidate" and event.entity_id is not None:
        application_id = (event.after or {}).get("application_id")
        application = session.get(Application, application_id) if application_id else None
        candidate_id, job_id = event.entity_id, application.job_id if application else None
    else:
        return None
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        return None
    hidden = hidden_candidate_ids(session=session, candidate_ids=[candidate.id])
    name = anonymous_name(candidate.id) if hidden else (candidate.full_name
                                                        or f"Candidate #{candidate.id}")
    quote = (lambda text: redact_for(candidate, text)) if hidden else (lambda text: text)
    return _Subject(candidate.id, name, session.get(Job, job_id) if job_id else None, quote)


def _words(kind: NotificationKind, subject: _Subject, event: Event) -> tuple[str, str]:
    job = f" for {subject.job.title}" if subject.job else ""
    if kind == NotificationKind.new_application:
        source = (event.after or {}).get("source") or "mail"
        return f"New application: {subject.name}{job}", f"Applied through {source}."
    if kind == NotificationKind.decision_waiting:
        return (f"Decision waiting: {subject.name}{job}",
                "The scores put this candidate between the job's thresholds; HR decides.")
    if kind == NotificationKind.interview_completed:
        return (f"Interview completed: {subject.name}{job}",
                "The AI interview is done; its evaluation follows on the candidate page.")
    return f"Reply from {subject.name}{job}", subject.quote(event.note[:500])


def _recipients(session: Session, event: Event, subject: _Subject,
                team: list[User]) -> list[User]:
    answered = (event.after or {}).get("answered_author_id")
    owner_id = subject.job.owner_id if subject.job else None
    wanted = [user for user in team if answered and user.id == answered] or _owner_or_team(
        session, owner_id, team)
    return [user for user in wanted if user.id != event.actor_user_id]


def _owner_or_team(session: Session, owner_id: int | None, team: list[User]) -> list[User]:
    if owner_id is None:
        return team
    owner = session.get(User, owner_id)
    return [owner] if owner is not None and owner.is_active else team


def _team(session: Session) -> list[User]:
    return list(session.exec(select(User).where(User.is_active, User.role.in_(
        [role.value for role in _TEAM_ROLES])).order_by(User.id)))


def _move_cursor(session: Session, cursor: AppSetting | None, event_id: int,
                 now: datetime) -> None:
    row = cursor or AppSetting(key=CURSOR_KEY)
    row.value, row.updated_at = event_id, now
    session.add(row)


def _last_event_id(session: Session) -> int:
    return session.exec(select(sa.func.coalesce(sa.func.max(Event.id), 0))).one()


# --- mail ----------------------------------------------------------------------------------


def _mail_now(session: Session, user: User, event_id: int, kind: NotificationKind, title: str,
              body: str, link: str, now: datetime) -> None:
    text = f"{title}\n\n{body}\n\n{_absolute(link)}\n\n{_footer()}".replace("\n\n\n\n", "\n\n")
    enqueue_mail(session=session, idempotency_key=f"notification:{user.id}:{event_id}",
                 kind="notification", to_address=user.email,
                 subject=_one_line(f"HireOps: {title}"), body_text=text)
    session.exec(sa.update(Notification).where(Notification.user_id == user.id,
                                               Notification.event_id == event_id)
                 .values(emailed_at=now).execution_options(synchronize_session=False))


def send_digests(*, session: Session, now: datetime | None = None) -> int:
    """After DIGEST_HOUR_UTC, queue each user's daily digest of what they chose to get that
    way and have not been mailed; at most one per user per day. Commits; returns the count."""
    now = now or utcnow()
    if now.hour < DIGEST_HOUR_UTC:
        return 0
    day = now.date().isoformat()
    queued = 0
    for user_id, kinds in _digest_kinds(session).items():
        user = session.get(User, user_id)
        if user is None or not user.is_active:
            continue
        items = session.exec(select(Notification).where(
            Notification.user_id == user_id, Notification.emailed_at.is_(None),
            Notification.kind.in_(kinds)).order_by(Notification.id).limit(200)).all()
        if not items:
            continue
        enqueue_mail(session=session, idempotency_key=f"digest:{user_id}:{day}",
                     kind="notification", to_address=user.email,
                     subject=f"HireOps daily digest: {len(items)} update(s)",
                     body_text=_digest_text(items))
        for item in items:
            item.emailed_at = now
            session.add(item)
        queued += 1
    session.commit()
    return queued


def _digest_kinds(session: Session) -> dict[int, list[str]]:
    """Each user's kinds set to "digest" (no row means the default, which is not digest)."""
    kinds: dict[int, list[str]] = {}
    for user_id, kind in session.exec(select(NotificationPreference.user_id,
                                             NotificationPreference.kind)
                                      .where(NotificationPreference.email == "digest")):
        kinds.setdefault(user_id, []).append(str(getattr(kind, "value", kind)))
    return kinds


def _digest_text(items: list[Notification]) -> str:
    lines = ["Here is what happened since your last digest:", ""]
    for item in items:
        lines.append(f"- {item.title}")
        if item.link:
            lines.append(f"  {_absolute(item.link)}")
    return "\n".join([*lines, "", _footer()])


def _footer() -> str:
    return (f"You get this because of your notification settings in HireOps: "
            f"{_absolute(routes.NOTIFICATIONS)}")


def _absolute(link: str) -> str:
    return f"{current_settings().public_base_url.rstrip('/')}{link}" if link else ""


def _one_line(text: str) -> str:
    flat = " ".join(text.split())
    return flat[:200]


# --- reading and preferences ---------------------------------------------------------------


def unread_count(*, session: Session, user_id: int) -> int:
    """How many of the user's notifications are unread (the bell's number)."""
    return session.exec(select(sa.func.count()).select_from(Notification).where(
        Notification.user_id == user_id, Notification.read_at.is_(None))).one()


def list_notifications(*, session: Session, user_id: int,
                       limit: int = BELL_LIMIT) -> list[NotificationRow]:
    """The user's newest notifications first."""
    rows = session.exec(select(Notification).where(Notification.user_id == user_id)
                        .order_by(Notification.id.desc()).limit(limit)).all()
    return [NotificationRow(
        id=row.id, kind=str(getattr(row.kind, "value", row.kind)),
        kind_label=KIND_LABELS.get(NotificationKind(row.kind), str(row.kind)),
        title=row.title, body=row.body, link=row.link,
        at=format_local(row.created_at), unread=row.read_at is None)
        for row in rows]


def mark_read(*, session: Session, user_id: int, notification_id: int | None = None) -> int:
    """Mark one (or, with None, every) unread notification of the user read; only their own."""
    statement = sa.update(Notification).where(Notification.user_id == user_id,
                                              Notification.read_at.is_(None))
    if notification_id is not None:
        statement = statement.where(Notification.id == notification_id)
    changed = session.exec(statement.values(read_at=utcnow())
                           .execution_options(synchronize_session=False)).rowcount
    session.commit()
    return changed


def email_mode(*, session: Session, user_id: int, kind: NotificationKind | str) -> str:
    """off | immediate | digest for one user and kind."""
    row = _preference_row(session, user_id, NotificationKind(kind).value)
    return row.email if row is not None else DEFAULT_EMAIL


def get_preferences(*, session: Session, user_id: int) -> dict[str, str]:
    """{kind: email mode} for every kind."""
    return {kind.value: email_mode(session=session, user_id=user_id, kind=kind)
            for kind in NotificationKind}


def set_preference(*, session: Session, user_id: int, kind: str, email: str) -> None:
    """Store how the user wants one kind by email (commits)."""
    if email not in EMAIL_MODES:
        raise ValueError(f"Choose one of {', '.join(EMAIL_MODES)}.")
    kind_value = NotificationKind(kind).value
    row = _preference_row(session, user_id, kind_value) or NotificationPreference(
        user_id=user_id, kind=kind_value)
    row.email = email
    session.add(row)
    session.commit()


def _preference_row(session: Session, user_id: int, kind: str) -> NotificationPreference | None:
    return session.exec(select(NotificationPreference).where(
        NotificationPreference.user_id == user_id, NotificationPreference.kind == kind)).first()
