"""Password fields whose text reaches the server only inside the event that uses it.

A typed password kept in a state var is saved with the tab (to `.states/` or Redis) after
every keystroke, and with the Redis state manager each event reads the tab back from Redis, so
a var left out of what is saved (state/unsaved.py) is already empty when Save is pressed. The
field is therefore not bound to any var: the button's event reads the field's text in the
browser when it is pressed and passes it as an argument, and the handler empties the field
(`rx.set_value(id, "")`) once it is used. The ids are the states' constants, so handler and
page name the same field.
"""

from __future__ import annotations

import json

import reflex as rx


def secret_field(element_id: str, **props) -> rx.Component:
    """A password input known to the page by `element_id`, bound to no state var."""
    return rx.input(type="password", id=element_id, auto_complete="new-password", **props)


def typed_secret(element_id: str) -> rx.Var:
    """The text in the field `element_id` as the button is pressed (an event argument)."""
    return rx.Var(_js_expr=_field_text(element_id), _var_type=str)


def typed_secrets(element_ids: dict[str, str]) -> rx.Var:
    """The text in several fields as the button is pressed, by name: `{name: element id}`
    becomes `{name: text}` (one event argument for a card with several secrets)."""
    pairs = ", ".join(f"{json.dumps(name)}: {_field_text(element_id)}"
                      for name, element_id in element_ids.items())
    return rx.Var(_js_expr=f"({{{pairs}}})", _var_type=dict[str, str])


def _field_text(element_id: str) -> str:
    return f"(document.getElementById({json.dumps(element_id)})?.value ?? '')"
