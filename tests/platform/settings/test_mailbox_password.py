"""Settings > Mailbox: the saved IMAP password goes only to the server it was saved for. Typing
another host into the form and pressing "Test connection" (or Save) asks for it again instead of
sending it there."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from hireops.db import session_scope
from hireops.models import Role
from hireops.services.platform.auth import create_user, open_session
from hireops.services.mail.sources import ImapConfig, load_imap_config, save_imap_config
from hireops.state.settings.mailbox_settings import MailboxSettingsState
from tests.fakes.dovecot import dovecot  # noqa: F401  (fixture)
from tests.fakes.imap_trap import ImapTrap, imap_trap  # noqa: F401  (fixture)
from tests.state import run_handler, socket_router


class _Tab(SimpleNamespace):
    """The mailbox card's state for one admin's tab (background handlers lock it)."""

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_info):
        return False


def _run(name: str, state, typed_password: str = "") -> None:
    """Press the button `name` with `typed_password` in the password field."""
    run_handler(MailboxSettingsState, name, state, typed_password)


@pytest.fixture
def tab(database_url, dovecot):  # noqa: F811
    """An admin's tab showing the saved Dovecot account (the password is never in the form)."""
    with session_scope() as session:
        admin = create_user(session=session, email="admin@example.com",
                            password="long-enough-password", role=Role.admin)
        token = open_session(session=session, user=admin)
        save_imap_config(session=session, actor=admin, config=ImapConfig(
            host=dovecot.host, port=dovecot.port, security="none", username=dovecot.username,
            password=dovecot.password, timeout_s=5))
    state = _Tab(router=socket_router("/settings", token), host=dovecot.host,
                 port=str(dovecot.port), security="none", username=dovecot.username,
                 folders="INBOX", testing=False, test_message="", test_tone="gray",
                 error="")
    for helper in ("_config", "_stored_password", "_run_test"):
        setattr(state, helper, getattr(MailboxSettingsState, helper).__get__(state))
    return state


def test_the_saved_password_still_tests_its_own_server(tab, dovecot):  # noqa: F811
    _run("test_connection", tab)
    assert tab.error == "" and tab.test_tone == "green", tab.test_message


def _assert_asked_again_then_sent_only_what_was_typed(tab, dovecot, trap) -> None:  # noqa: F811
    _run("test_connection", tab)
    assert "app password" in tab.error
    assert tab.test_tone != "green"
    assert not any(dovecot.password in line for line in trap.received)

    _run("test_connection", tab, "typed-for-the-new-server")
    assert any("typed-for-the-new-server" in line for line in trap.received)
    assert not any(dovecot.password in line for line in trap.received)


def test_another_host_gets_no_password_until_it_is_typed(tab, dovecot, imap_trap):  # noqa: F811
    tab.host, tab.port = imap_trap.host, str(imap_trap.port)
    _assert_asked_again_then_sent_only_what_was_typed(tab, dovecot, imap_trap)


def test_another_port_of_the_same_host_gets_no_password_either(tab, dovecot):  # noqa: F811
    trap = ImapTrap(host=dovecot.host)
    try:
        tab.port = str(trap.port)
        _assert_asked_again_then_sent_only_what_was_typed(tab, dovecot, trap)
    finally:
        trap.close()


def test_another_connection_security_needs_the_password_again(tab):
    tab.security = "starttls"
    _run("test_connection", tab)
    assert "app password" in tab.error


def test_saving_another_host_without_the_password_is_refused(tab, imap_trap):  # noqa: F811
    tab.host = imap_trap.host
    _run("save", tab)
    assert "app password again" in tab.error
    with session_scope() as session:
        assert load_imap_config(session=session).host != imap_trap.host
