"""A blind-screened candidate's identity appears nowhere HR looks until HR reveals it; the
reveal is stored and audited, and reaches the tracker, the ranking and the decision cards."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlmodel import select

from hireops import routes
from hireops.api.app import build_api
from hireops.models import Event, OutboxMessage, Role
from hireops.services.platform.api_tokens import create_api_token
from hireops.services.platform.attachment_store import read_attachment
from hireops.services.reports.audit_log import AuditFilter, export_events_csv, list_events
from hireops.services.platform.auth import create_user, open_session
from hireops.services.platform.session_cookie import SESSION_COOKIE
from hireops.services.candidates.profile import get_candidate_profile, reveal_identity
from hireops.services.decisions.flow import (
    decision_cards_for_candidate, decision_queue, reject_with_email, rejection_draft,
)
from hireops.services.candidates.export import export_rows, export_tracker
from hireops.services.inbox.listing import get_attachment_file, list_emails
from hireops.services.interviews.review import interview_cards, outgoing_mail
from hireops.services.jobs.ranking import rank_job
from hireops.services.reports.figures import ReportFilter, read_cohort, top_candidates
from hireops.services.candidates.tracker import TrackerFilter, TrackerSort, query_tracker
from tests.privacy.blind.scenario import EMAIL, NAME, PHONE, leaks


def _tracker_rows(session, search: str = ""):
    return query_tracker(session=session, filter=TrackerFilter(search=search),
                         sort=TrackerSort()).rows


def test_the_decision_card_hides_the_name_and_what_the_interview_said_about_her(session, case):
    cards = decision_queue(session=session) + decision_cards_for_candidate(
        session=session, candidate_id=case.candidate_id)

    assert len(cards) == 2 and leaks(repr(cards)) == []
    assert cards[0].candidate_name == f"Candidate #{case.candidate_id}"
    # The evidence stays readable.
    assert "PostgreSQL work clearly" in cards[0].strengths[0]


def test_the_rejection_draft_leaves_the_name_to_the_mail_that_goes_out(session, case,
                                                                         recruiter):
    subject, body = rejection_draft(session=session, application_id=case.application_id,
                                    actor=recruiter, reason="a closer match elsewhere")
    assert leaks(subject + body) == []

    message = reject_with_email(session=session, application_id=case.application_id,
                                reason="a closer match elsewhere", subject=subject, body=body,
                                actor=recruiter)

    assert NAME in message.body_text and "{candidate_name}" not in message.body_text


def test_the_inbox_lists_her_mail_without_sender_subject_or_file_names(session, case):
    rows = list_emails(session=session)

    assert len(rows) == 1 and leaks(repr(rows)) == []
    assert rows[0].candidate_name == f"Candidate #{case.candidate_id}"
    assert not any(a.downloadable for a in rows[0].attachments)
    # Her address finds nothing while she is hidden.
    assert list_emails(session=session, search="moreau") == []


def test_her_resume_file_cannot_be_downloaded_by_id_until_revealed(session, case, recruiter):
    with pytest.raises(LookupError, match="Blind screening"):
        get_attachment_file(session=session, attachment_id=case.attachment_id)

    reveal_identity(session=session, candidate_id=case.candidate_id, actor=recruiter)

    stored = get_attachment_file(session=session, attachment_id=case.attachment_id)
    assert read_attachment(stored.path).startswith(b"%PDF")


def test_quotes_scored_before_the_job_turned_blind_are_redacted(session, case):
    profile = get_candidate_profile(session=session, candidate_id=case.candidate_id)
    ranking = rank_job(session=session, job_id=case.job_id)

    assert leaks(repr(profile)) == [] and leaks(repr(ranking)) == []
    sentences = [e.sentence for e in profile.applications[0].evidence]
    assert any("Python and PostgreSQL engineer" in s for s in sentences)
    assert any("Python and PostgreSQL engineer" in e.sentence for e in ranking.rows[0].evidence)


def test_a_reveal_is_stored_audited_and_reaches_tracker_ranking_and_cards(session, case,
                                                                           recruiter):
    assert leaks(repr(_tracker_rows(session))) == []
    assert _tracker_rows(session, search="moreau") == []

    reveal_identity(session=session, candidate_id=case.candidate_id, actor=recruiter)
    session.expire_all()  # a reload: nothing but the database remembers the reveal

    assert get_candidate_profile(session=session, candidate_id=case.candidate_id).email == EMAIL
    [row] = _tracker_rows(session, search="moreau")
    assert (row.candidate_name, row.candidate_email) == (NAME, EMAIL)
    assert rank_job(session=session, job_id=case.job_id).rows[0].name == NAME
    assert decision_queue(session=session)[0].candidate_name == NAME
    event = session.exec(select(Event).where(Event.action == "candidate.revealed")).one()
    assert (event.entity_id, event.actor_user_id) == (case.candidate_id, recruiter.id)


def test_exports_and_reports_hide_her(session, case):
    rows = export_tracker(session=session, filter=TrackerFilter(), sort=TrackerSort())
    csv_text = export_rows(rows, "csv").decode("utf-8-sig")
    sheet = load_workbook(io.BytesIO(export_rows(rows, "xlsx"))).active
    cells = " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row)
    report = top_candidates(session=session, report=ReportFilter(),
                            cohort=read_cohort(session=session, report=ReportFilter()))

    assert f"Candidate #{case.candidate_id}" in csv_text
    assert leaks(csv_text) == [] and leaks(cells) == [] and leaks(repr(report)) == [] and report


def test_the_audit_log_hides_her_until_revealed(session, case, recruiter):
    shown = list_events(session=session, audit=AuditFilter(), page_size=200)
    exported = export_events_csv(session=session, audit=AuditFilter()).decode("utf-8-sig")

    assert shown.total > 5 and leaks(repr(shown)) == [] and leaks(exported) == []

    reveal_identity(session=session, candidate_id=case.candidate_id, actor=recruiter)
    assert EMAIL in repr(list_events(session=session, audit=AuditFilter(), page_size=200))


def test_no_api_route_names_her_even_after_a_reveal(session, case, recruiter, tmp_path):
    admin = create_user(session=session, email="admin@example.com", password="correct horse 1",
                        role=Role.admin)
    token = create_api_token(session=session, name="BI", scope="read", actor=admin)[1]
    session.commit()
    routes = ["/api/v1/events?limit=200", "/api/v1/candidates",
              f"/api/v1/candidates/{case.candidate_id}", "/api/v1/applications",
              f"/api/v1/applications/{case.application_id}", f"/api/v1/jobs/{case.job_id}"]
    with TestClient(build_api()) as client:
        def read_all() -> str:
            responses = [client.get(route, headers={"Authorization": f"Bearer {token}"})
                         for route in routes]
            assert [r.status_code for r in responses] == [200] * len(routes)
            return "\n".join(r.text for r in responses)

        assert leaks(read_all()) == []
        # The invitation event is there, without the address it went to.
        assert '"interview_link.sent"' in read_all()
        # A reveal is for the recruiter who made it, not for every integration.
        reveal_identity(session=session, candidate_id=case.candidate_id, actor=recruiter)
        assert leaks(read_all()) == []


def test_her_mail_still_goes_to_her(session, case):
    invitation = session.exec(select(OutboxMessage)).first()

    assert invitation.to_address == EMAIL and PHONE not in invitation.body_text


def test_the_inbox_refuses_her_file_to_a_viewer_who_asks_by_id(session, case):
    viewer = create_user(session=session, email="viewer@example.com",
                         password="long-enough-password", role=Role.viewer)
    cookie = open_session(session=session, user=viewer)
    session.commit()

    with TestClient(build_api(), cookies={SESSION_COOKIE: cookie}) as client:
        answer = client.get(routes.attachment_file(case.attachment_id))

    assert answer.status_code == 403 and "Blind screening" in answer.json()["message"]
    assert b"%PDF" not in answer.content and leaks(answer.text) == []
    assert "content-disposition" not in answer.headers


def test_the_candidate_pages_interviews_and_outgoing_mail_hide_her(session, case):
    cards = interview_cards(session=session, candidate_id=case.candidate_id)
    mail = outgoing_mail(session=session, candidate_id=case.candidate_id)

    assert cards and mail and leaks(repr(cards)) == [] and leaks(repr(mail)) == []
    assert mail[0].kind == "invite"
