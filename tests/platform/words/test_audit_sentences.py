"""Every event kind the code records has a sentence, and the sentences read as HR expects."""

from __future__ import annotations

import ast
from pathlib import Path

from hireops import routes
from hireops.models import Event, Role, Stage
from hireops.services.reports.audit_log import AuditFilter, list_events
from hireops.services.reports.audit_sentences import _PLACEHOLDER, sentences
from hireops.services.outreach.outbox import FAILED, PENDING, SENT
from hireops.services.candidates.stages import change_stage
from tests.factories import make_application, make_candidate, make_job, make_user

PACKAGE = Path(__file__).resolve().parents[3] / "hireops"
# Calls whose `action` (keyword, or the second argument of the outbox's helper) is an event kind;
# the decision rule stores both of its kinds through one step, `_store_decision`.
_RECORDING_CALLS = {"record_event", "event_values", "add", "_store_decision"}
# f-strings that name kinds from a variable, and the kinds they make.
_DYNAMIC_KINDS = {"mail.{status}": {f"mail.{status}" for status in (SENT, FAILED, PENDING)}}
# Names passed through unchanged from a caller that the scan reads itself.
_PASSTHROUGH = {"action"}


def _module_constants() -> dict[str, str]:
    constants: dict[str, str] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) \
                    and isinstance(node.value.value, str):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        constants[target.id] = node.value.value
    return constants


def _kinds_of(node: ast.AST, constants: dict[str, str], unresolved: set[str]) -> set[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _kinds_of(node.body, constants, unresolved) | _kinds_of(node.orelse, constants,
                                                                       unresolved)
    if isinstance(node, ast.Name):
        if node.id in constants:
            return {constants[node.id]}
        unresolved.add(node.id)
        return set()
    if isinstance(node, ast.JoinedStr):
        return _joined(node, constants, unresolved)
    unresolved.add(ast.unparse(node))
    return set()


def _joined(node: ast.JoinedStr, constants: dict[str, str], unresolved: set[str]) -> set[str]:
    source = ast.unparse(node)[2:-1]
    if source in _DYNAMIC_KINDS:
        return _DYNAMIC_KINDS[source]
    made = {""}
    for part in node.values:
        inner = part.value if isinstance(part, ast.FormattedValue) else part
        options = _kinds_of(inner, constants, unresolved)
        made = {prefix + option for prefix in made for option in options}
    return made


def recorded_kinds() -> tuple[set[str], set[str]]:
    """The event kinds the code can record, and what the scan could not read."""
    constants, kinds, unresolved = _module_constants(), set(), set()
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in PACKAGE.rglob("*.py")]
    # Functions whose result is passed as the kind (the outbox's `_outcome_action`).
    kind_makers: set[str] = set()
    for node in (n for tree in trees for n in ast.walk(tree)):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in _RECORDING_CALLS:
                for keyword in node.keywords:
                    if keyword.arg == "action":
                        kinds |= _kinds_of(keyword.value, constants, unresolved)
            if name == "_record_mail_event" and len(node.args) > 1:
                if isinstance(node.args[1], ast.Call):
                    kind_makers.add(ast.unparse(node.args[1].func))
                else:
                    kinds |= _kinds_of(node.args[1], constants, unresolved)
        # The audit fields built as a dict (a stage move, a new application).
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if {"action", "entity_type"} <= keys:
                value = node.values[[getattr(k, "value", None) for k in node.keys]
                                    .index("action")]
                kinds |= _kinds_of(value, constants, unresolved)
    for node in (n for tree in trees for n in ast.walk(tree)):
        if isinstance(node, ast.FunctionDef) and node.name in kind_makers:
            for returned in ast.walk(node):
                if isinstance(returned, ast.Return) and returned.value is not None:
                    kinds |= _kinds_of(returned.value, constants, unresolved)
    return {kind for kind in kinds if "." in kind}, unresolved


def test_every_recorded_event_kind_has_a_sentence():
    kinds, unresolved = recorded_kinds()
    # The scan must really find the kinds (the issue counted 29 in one log; the code has more).
    assert len(kinds) >= 50 and "application.stage_changed" in kinds and "job.closed" in kinds
    assert unresolved <= _PASSTHROUGH, f"event kinds the scan cannot read: {unresolved}"
    assert sorted(kinds - set(sentences())) == []


def test_no_sentence_for_a_kind_nobody_records():
    kinds, _ = recorded_kinds()
    assert sorted(set(sentences()) - kinds) == []


def test_sentences_use_only_known_placeholders():
    for kind, template in sentences().items():
        names = {match[1] for match in _PLACEHOLDER.finditer(template)}
        assert template.count("{") == len(_PLACEHOLDER.findall(template)), kind
        assert template.count("{subject}") <= 1 and names, kind
        assert template.endswith("."), kind


def test_a_stage_move_reads_as_a_sentence_with_a_link_and_a_table(session):
    hr = make_user(session, email="hannah@example.com", role=Role.viewer)
    ada = make_candidate(session)
    application = make_application(session, candidate=ada)
    change_stage(session=session, application=application, stage=Stage.rejected, actor=hr,
                 reason="no_show")
    session.commit()
    [row] = list_events(session=session, audit=AuditFilter()).rows
    assert row.lead + row.link_text + row.tail == (
        "hannah@example.com moved Ada Lovelace (Backend Engineer) from New to Rejected.")
    assert row.link_href == f"{routes.CANDIDATE}?id={ada.id}"
    assert row.action_label == "Application: stage changed"
    changes = {change.field: (change.before, change.after) for change in row.changes}
    assert changes["Stage"] == ("New", "Rejected")
    assert changes["Reason for rejection"] == ("–", "no_show")
    assert "stage_changed" not in row.lead + row.tail and "{" not in row.tail


def test_an_event_about_a_job_links_to_the_job_and_words_its_values(session):
    job = make_job(session, title="Data Analyst")
    session.add(Event(action="job.careers_published", actor_label="system", entity_type="job",
                      entity_id=job.id, before={"published_on_careers": False},
                      after={"published_on_careers": True}))
    session.commit()
    [row] = list_events(session=session, audit=AuditFilter()).rows
    assert (row.lead, row.link_text, row.tail) == (
        "HireOps published ", "Data Analyst", " on the careers page.")
    assert row.link_href == f"{routes.JOB_EDIT}?id={job.id}"
    assert [(c.field, c.before, c.after) for c in row.changes] == [
        ("On the careers page", "No", "Yes")]
