"""The reports page's tables (the funnel, the top candidates, the adverse-impact view) and the AI
usage per day download as CSV from routes, for signed-in readers only, narrowed by the page's
filter, with the columns and rows the page's own download had; the tables come from the
report's cache, so a download of what the page shows reads nothing again."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hireops import routes
from hireops.models import AICall, Candidate, Role
from hireops.services.ai.prices import get_price_table
from hireops.services.candidates.export import table_csv
from hireops.services.reports import cohort as report_cohort
from hireops.services.reports import figures as reports
from hireops.services.reports.ai_usage import usage_by_agent_model_day, usage_query
from hireops.services.reports.figures import ReportFilter
from hireops.services.reports.report_tables import read_report, report_query
from hireops.services.platform.session_cookie import SESSION_COOKIE
from tests.factories import signed_in_token
from tests.reports.fixtures import DAY1, at, build_history

RANGE = ReportFilter(date_from=DAY1, date_to=DAY1 + timedelta(days=2))
# Ana and Ben say "X", Cara "Y": app1 advanced by the rule, app2 held, app3 rejected.
ANSWERS = {"cand1": "X", "cand2": "X", "cand3": "Y"}


@pytest.fixture
def ids(session):
    made = build_history(session)
    for key, answer in ANSWERS.items():
        person = session.get(Candidate, made[key])
        person.self_reported = {"gender": answer}
        session.add(person)
    session.add_all([
        AICall(agent="resume_scorer", engine="mistral", model="mistral-small-2506",
               latency_ms=120, input_tokens=1000, output_tokens=500, cost_usd=0.001,
               created_at=at(1, 10)),
        AICall(agent="classifier", engine="mistral", model="mistral-small-2506",
               status="failed", latency_ms=9000, created_at=at(4, 10))])
    session.commit()
    return made


@pytest.fixture
def reader(client, session):
    client.cookies.set(SESSION_COOKIE, signed_in_token(session, email="viewer@example.com",
                                                       role=Role.viewer))


def _csv(answer) -> list[str]:
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/csv")
    assert "no-store" in answer.headers["cache-control"]
    return answer.content.decode("utf-8-sig").splitlines()


def _as_the_page_wrote(session, table: str, report: ReportFilter, characteristic: str) -> bytes:
    """The table as the page's download built it, from the report's services (its columns and
    rows, written out here so a change to either shows)."""
    cohort = reports.read_cohort(session=session, report=report)
    if table == "funnel":
        return table_csv(["Stage", "Reached", "Conversion from previous %", "Of all %"],
                         ([s.label, s.reached, s.conversion_pct, s.of_total_pct]
                          for s in reports.funnel(cohort)))
    if table == "top-candidates":
        top = reports.top_candidates(session=session, report=report, cohort=cohort)
        return table_csv(["Candidate", "Job", "Resume", "Interview", "Final", "Rule says"],
                         ([t.candidate, t.job, t.resume_score, t.interview_score,
                           t.final_score, t.verdict] for t in top))
    groups = reports.self_reported_groups(session=session, characteristic=characteristic,
                                          candidate_ids=reports.cohort_candidate_ids(report))
    impact = reports.adverse_impact(reports.automatic_pass_counts(cohort, groups)) \
        if groups else []
    return table_csv(["Group", "Advanced", "Decided", "Rate", "Ratio to highest",
                      "Under four fifths"],
                     ([r.group, r.passed, r.total, r.rate, r.ratio,
                       "yes" if r.flagged else "no"] for r in impact))


def test_a_stranger_gets_no_report(client, ids):
    for url in (routes.report_table("funnel"), routes.report_table("top-candidates"),
                routes.report_table("adverse-impact"), routes.EXPORT_AI_USAGE):
        answer = client.get(url)
        assert answer.status_code == 401 and answer.json()["error"] == "not_signed_in", url
        assert "Ana" not in answer.text


@pytest.mark.parametrize("table", ["funnel", "top-candidates", "adverse-impact"])
@pytest.mark.parametrize("narrowed", ["everything", "one job, three days", "three days"])
def test_each_table_is_the_pages_for_its_filter(client, session, ids, reader, table, narrowed):
    report = {"everything": ReportFilter(),
              "one job, three days": ReportFilter(job_id=ids["job_a"], date_from=RANGE.date_from,
                                                  date_to=RANGE.date_to),
              "three days": RANGE}[narrowed]
    answer = client.get(f"{routes.report_table(table)}?{report_query(report, 'gender')}")
    assert answer.content == _as_the_page_wrote(session, table, report, "gender")
    assert f'filename="{table}-' in answer.headers["content-disposition"]
    assert len(_csv(answer)) > 2


def test_the_tables_say_what_the_filter_picked(client, ids, reader):
    every = _csv(client.get(routes.report_table("top-candidates")))
    assert len(every) == 7 and any("Fay Lund" in row for row in every)
    in_range = _csv(client.get(f"{routes.report_table('top-candidates')}?"
                               f"{report_query(RANGE, '')}"))
    assert len(in_range) == 6 and not any("Fay Lund" in row for row in in_range)
    job_b = _csv(client.get(f"{routes.report_table('top-candidates')}?job_id={ids['job_b']}"))
    assert [row.split(",")[:2] for row in job_b[1:]] == [["Eve Stone", "Data Analyst"]]
    # The adverse-impact view compares the groups of the question asked, and none without one.
    impact = _csv(client.get(f"{routes.report_table('adverse-impact')}?"
                             f"{report_query(RANGE, 'gender')}"))
    assert impact == ["Group,Advanced,Decided,Rate,Ratio to highest,Under four fifths",
                      "X,1,2,0.5,1.0,no", "Y,0,1,0.0,0.0,yes"]
    assert len(_csv(client.get(routes.report_table("adverse-impact")))) == 1


@pytest.mark.parametrize("query, words", [
    ("date_from=2025-13-40", "date_from"),
    ("date_to=yesterday", "date_to"),
    ("job_id=x", "job_id"),
    ("job_id=0", "job_id"),
    ("characteristic=Bad%20key!", "characteristic"),
    ("date_from=2025-03-05&date_to=2025-03-03", "date_from"),
])
def test_a_bad_filter_is_a_clear_422(client, ids, reader, query, words):
    answer = client.get(f"{routes.report_table('funnel')}?{query}")
    assert answer.status_code == 422 and words in answer.json()["message"]
    assert client.get("/exports/reports/passwords.csv").status_code == 422


def test_a_download_of_what_the_page_shows_reads_it_from_the_cache(client, session, ids, reader,
                                                                  monkeypatch):
    read_report(session=session, report=RANGE, characteristic="gender")  # the page's read
    session.commit()
    reads: list[ReportFilter] = []
    real = report_cohort.read_days

    def counted(**arguments):
        reads.append(arguments["report"])
        return real(**arguments)

    monkeypatch.setattr(report_cohort, "read_days", counted)
    for table in ("funnel", "top-candidates", "adverse-impact"):
        _csv(client.get(f"{routes.report_table(table)}?{report_query(RANGE, 'gender')}"))
    assert reads == []
    # A job the page has not read is read once (the count sees reads), then kept too.
    for _ in range(2):
        _csv(client.get(f"{routes.report_table('funnel')}?job_id={ids['job_b']}"))
    assert [read.job_id for read in reads] == [ids["job_b"]]


def test_the_ai_usage_csv_is_the_pages_daily_table(client, session, ids, reader):
    every = _csv(client.get(routes.EXPORT_AI_USAGE))
    assert every[0] == ("Day,Agent,Model,Calls,Failures,Input tokens,Output tokens,"
                        "Recorded cost USD,Cost at current prices USD,Median ms,p95 ms")
    rows = usage_by_agent_model_day(session=session, prices=get_price_table(session=session))
    assert every[1:] == [
        table_csv(["h"], [[r.day, r.agent_label, r.model, r.calls, r.failures, r.input_tokens,
                           r.output_tokens, r.recorded_cost, r.current_cost, r.median_ms,
                           r.p95_ms]]).decode("utf-8-sig").splitlines()[1] for r in rows]
    assert len(every) == 3 and every[1].startswith("6 Mar 2025,Email sorter")
    first_day = _csv(client.get(f"{routes.EXPORT_AI_USAGE}?"
                                f"{usage_query(date(2025, 3, 3), date(2025, 3, 3))}"))
    assert len(first_day) == 2 and first_day[1].startswith("3 Mar 2025,Resume scorer")
    assert client.get(f"{routes.EXPORT_AI_USAGE}?date_to=2025-02-30").status_code == 422
