"""Validation errors name the field as the page labels it, in the page's unit."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

import pytest

from hireops.db import session_scope
from hireops.models import Role
from hireops.services.platform.runtime_settings import SettingsInvalid, save_settings
from hireops.services.platform.validation_words import FieldWording, describe_error
from hireops.state.jobs.editor import LIST_FIELDS, TEXT_FIELDS, JobEditorState
from tests.state import signed_in_token, socket_router


def _save_job(token: str, **typed: str) -> str:
    fields = {name: "" for name in (*TEXT_FIELDS, *LIST_FIELDS)}
    fields.update(resume_min="80", interview_min="75", reject_below="50",
                  resume_weight_pct="40", scorecard_weight_pct="0", blind_screening=False,
                  generated_by="", job_id=0,
                  published_on_careers=False, error="")
    fields.update(typed)
    state = SimpleNamespace(router=socket_router("/jobs/new", token), **fields)
    state._form = JobEditorState._form.__get__(state)
    handler = JobEditorState.event_handlers["save"].fn
    with ThreadPoolExecutor(max_workers=1) as pool:
        result = handler(state)
        if asyncio.iscoroutine(result):
            pool.submit(asyncio.run, result).result()
    return state.error


@pytest.fixture
def recruiter_token(database_url) -> str:
    return signed_in_token("rec@example.com", Role.recruiter)


def test_the_job_editor_names_its_fields_and_the_weight_in_percent(recruiter_token):
    error = _save_job(recruiter_token, title="Backend Engineer", resume_weight_pct="150",
                      interview_min="120")
    assert error == ("Please fix: Interview minimum must be at most 100; "
                     "Resume weight must be at most 100 %.")
    assert "Input should" not in error and "_" not in error


def test_a_short_title_and_a_word_for_a_number(recruiter_token):
    assert _save_job(recruiter_token, title="x") == \
        "Please fix: Job title must be at least 2 characters."
    assert _save_job(recruiter_token, title="Backend", reject_below="half") == \
        "Reject below must be a number."


def test_settings_errors_use_the_settings_labels(database_url):
    with session_scope() as session, pytest.raises(SettingsInvalid) as refused:
        save_settings(session=session, values={"smtp_port": "70000",
                                               "company_date_style": "mm/dd/yyyy"}, actor=None)
    message = str(refused.value)
    assert "SMTP port must be at most 65535" in message
    assert "Date style must be one of 'day-month-year' or 'iso'" in message


def test_unknown_fields_still_read_as_words():
    error = {"type": "greater_than_equal", "loc": ("followup_interview_minutes",),
             "msg": "Input should be greater than or equal to 5", "ctx": {"ge": 5}}
    assert describe_error(error) == "Followup interview minutes must be at least 5"
    assert describe_error(error, {"followup_interview_minutes": FieldWording(
        "Follow-up interview length", unit=" minutes")}) == \
        "Follow-up interview length must be at least 5 minutes"
