"""The shared form setters store what was typed, cut to size, behind the given guard."""

from types import SimpleNamespace

from hireops.state.common_setters import choice_setter, switch_setter, text_setter


def _marking(calls: list[str]):
    """A guard that records which handler it wrapped and lets the call through."""
    def guard(handler):
        calls.append(handler.__name__)
        return handler
    return guard


def test_text_setter_cuts_the_text_and_runs_behind_its_guard():
    guarded: list[str] = []
    setter = text_setter("subject", 5, _marking(guarded))
    form = SimpleNamespace(subject="")
    setter(form, "Interview invitation")
    assert form.subject == "Inter"
    setter(form, 12345678)  # a hand-fired event may send a number
    assert form.subject == "12345"
    assert guarded == ["set_subject"]


def test_switch_setter_stores_a_boolean():
    setter = switch_setter("agree", _marking([]))
    form = SimpleNamespace(agree=False)
    setter(form, 1)
    assert form.agree is True
    setter(form, "")
    assert form.agree is False


def test_choice_setter_keeps_only_a_listed_choice():
    setter = choice_setter("outcome", ("advance", "hold", "reject"), _marking([]))
    form = SimpleNamespace(outcome="advance")
    setter(form, "reject")
    assert form.outcome == "reject"
    setter(form, "hire-everyone")  # not on the menu
    assert form.outcome == "advance"
