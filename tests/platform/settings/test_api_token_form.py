"""Settings > Integration API: a new token's name and scope are checked where the token is made,
and the refusal names the field as the form labels it ("Name", "Scope"); the form's state keeps
no more than a sane length of what a browser sends."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlmodel import select

from hireops.db import session_scope
from hireops.models import ApiToken, Role
from hireops.services.platform.api_tokens import (
    MAX_NAME_CHARS,
    ApiTokenError,
    create_api_token,
)
from hireops.state.settings.api_tokens import ApiTokensState
from tests.state import run_handler, signed_in_token, socket_router


def _tokens(session) -> list[ApiToken]:
    return list(session.exec(select(ApiToken)).all())


@pytest.mark.parametrize("name", ["", "   ", "x" * (MAX_NAME_CHARS + 1)])
def test_a_name_empty_or_too_long_is_refused_by_its_label(session, admin, name):
    with pytest.raises(ApiTokenError) as refused:
        create_api_token(session=session, name=name, scope="read", actor=admin)
    assert str(refused.value).startswith("Name")
    assert f"{MAX_NAME_CHARS} characters" in str(refused.value)
    assert _tokens(session) == []


def test_a_name_at_the_cap_is_taken_with_its_spaces_tidied(session, admin):
    token, _ = create_api_token(session=session, name="  " + "x" * MAX_NAME_CHARS + " ",
                                scope="read", actor=admin)
    assert token.name == "x" * MAX_NAME_CHARS
    other, _ = create_api_token(session=session, name="ATS\n\tsync", scope="write", actor=admin)
    assert other.name == "ATS sync"


@pytest.mark.parametrize("scope", ["admin", "", "READ ", "read,write"])
def test_an_unknown_scope_is_refused_by_its_label(session, admin, scope):
    with pytest.raises(ApiTokenError) as refused:
        create_api_token(session=session, name="BI export", scope=scope, actor=admin)
    assert str(refused.value).startswith("Scope")
    assert "read" in str(refused.value) and "write" in str(refused.value)
    assert _tokens(session) == []


@pytest.fixture
def admin_state(database_url) -> SimpleNamespace:
    token = signed_in_token("admin@example.com", Role.admin)
    state = SimpleNamespace(router=socket_router("/settings/api", token), tokens=[],
                            new_name="", new_scope="read", created_token="", created_name="",
                            error="")
    state._refresh = ApiTokensState._refresh.__get__(state)
    return state


def test_the_form_keeps_a_sane_length_and_shows_the_refusal(admin_state):
    run_handler(ApiTokensState, "set_new_name", admin_state, "n" * 1_000_000)
    assert MAX_NAME_CHARS < len(admin_state.new_name) <= 10 * MAX_NAME_CHARS
    run_handler(ApiTokensState, "create", admin_state)
    assert admin_state.error.startswith("Name") and admin_state.created_token == ""

    run_handler(ApiTokensState, "set_new_name", admin_state, "BI export")
    run_handler(ApiTokensState, "set_new_scope", admin_state, "owner" * 1000)
    assert len(admin_state.new_scope) <= 20
    run_handler(ApiTokensState, "create", admin_state)
    assert admin_state.error.startswith("Scope") and admin_state.created_token == ""
    with session_scope() as session:
        assert _tokens(session) == []

    run_handler(ApiTokensState, "set_new_scope", admin_state, "write")
    run_handler(ApiTokensState, "create", admin_state)
    assert admin_state.error == "" and admin_state.created_token.startswith("hop_")
    assert [(t.name, t.scope) for t in admin_state.tokens] == [("BI export", "write")]
