"""The audit log page's queries: filters, paging and a spreadsheet-safe CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

from hireops.models import Event
from hireops.services.reports.audit_log import AuditFilter, audit_choices, export_events_csv, list_events

from .fixtures import at


def _log(session):
    session.add_all([
        Event(at=at(1), actor_label="hr.admin@example.com", action="job.created",
              entity_type="job", entity_id=1, after={"title": "Backend"}),
        Event(at=at(2), actor_label="system", action="decision.recorded",
              entity_type="application", entity_id=7, before={"decision": ""},
              after={"decision": "hold"}),
        Event(at=at(3), actor_label="Recruiter@Example.com", action="decision.overridden",
              entity_type="application", entity_id=7, note="=HYPERLINK(\"http://x\")",
              after={"decision": "advance"}),
        Event(at=at(4), actor_label="scheduler", action="inbox.polled"),
    ])
    session.commit()


def test_filters_combine(session):
    _log(session)

    def actions(**kwargs):
        page = list_events(session=session, audit=AuditFilter(**kwargs))
        return [row.action for row in page.rows]

    assert actions() == ["inbox.polled", "decision.overridden", "decision.recorded",
                         "job.created"]
    assert actions(action="decision.recorded") == ["decision.recorded"]
    assert actions(actor="example.COM") == ["decision.overridden", "job.created"]
    assert actions(entity_type="application", entity_id=7) == ["decision.overridden",
                                                                "decision.recorded"]
    assert actions(date_from=date(2025, 3, 4), date_to=date(2025, 3, 5)) == [
        "decision.overridden", "decision.recorded"]
    assert actions(actor="100%") == []
    assert audit_choices(session=session) == (
        [("decision.overridden", "Decision: overridden"),
         ("decision.recorded", "Decision: recorded"), ("inbox.polled", "Inbox: polled"),
         ("job.created", "Job: created")],
        [("application", "Application"), ("job", "Job")])


def test_paging(session):
    _log(session)
    first = list_events(session=session, audit=AuditFilter(), page=1, page_size=3)
    last = list_events(session=session, audit=AuditFilter(), page=9, page_size=3)
    assert (first.total, first.pages, len(first.rows)) == (4, 2, 3)
    assert (last.page, [r.action for r in last.rows]) == (2, ["job.created"])
    row = first.rows[2]
    assert (row.at, row.entity_id, row.before, row.after) == (
        "4 Mar 2025, 10:00 CET", "7", '{"decision": ""}', '{"decision": "hold"}')


def test_csv_export_neutralises_formulas(session):
    _log(session)
    data = export_events_csv(session=session, audit=AuditFilter(entity_id=7))
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:4] == ["When", "Who", "What happened", "Event kind"]
    assert len(rows) == 3
    assert rows[1][8] == "'=HYPERLINK(\"http://x\")"
