"""The one confirmation dialog for actions that cannot be undone or that send mail.

Two ways to open it: around a `trigger` button (the dialog opens on click, no state needed), or
held by the page's state through `open` (when the action's arguments are chosen first, as with
a slot picked from a menu). Either way nothing happens until the confirm button is pressed.
"""

from __future__ import annotations

import reflex as rx

from hireops.services.candidates.tracker import MIN_REJECTION_REASON


def danger_button(label: str, *, size: str = "1", **props) -> rx.Component:
    """The trigger of an action that cannot be undone: the same soft red button on every page,
    so a person learns that it always asks first."""
    return rx.button(label, size=size, variant="soft", color_scheme="red", **props)


def confirm_dialog(*, title: str | rx.Var, description: str | rx.Var, confirm_label: str,
                   on_confirm, trigger: rx.Component | None = None, open: rx.Var | None = None,
                   on_cancel=None, body: rx.Component | None = None,
                   confirm_disabled: rx.Var | bool = False, color: str = "red",
                   confirm_id: str = "") -> rx.Component:
    """An alert dialog asking "`title`?" before `on_confirm` runs.

    `body` holds extra fields (a reason), `confirm_disabled` keeps the button off until they are
    filled. With `open` (a state var), `on_cancel` must close it again.
    """
    on_close = {} if on_cancel is None else {"on_click": on_cancel}
    cancel = rx.alert_dialog.cancel(rx.button("Cancel", variant="soft", color_scheme="gray",
                                              class_name="confirm-cancel", **on_close))
    confirm = rx.alert_dialog.action(rx.button(
        confirm_label, color_scheme=color, on_click=on_confirm, disabled=confirm_disabled,
        id=confirm_id or None, class_name="confirm-action"))
    content = rx.alert_dialog.content(
        rx.alert_dialog.title(title),
        rx.alert_dialog.description(description, size="2"),
        body or rx.fragment(),
        rx.flex(cancel, confirm, spacing="3", justify="end", wrap="wrap", margin_top="16px"),
        max_width="480px", class_name="confirm-dialog",
        **({} if on_cancel is None else {"on_escape_key_down": on_cancel}),
    )
    if open is not None:
        return rx.alert_dialog.root(content, open=open)
    return rx.alert_dialog.root(rx.alert_dialog.trigger(trigger), content)


def reject_reason_dialog(state, *, title: str | rx.Var, description: str,
                         confirm_label: str = "Reject") -> rx.Component:
    """The dialog that asks the reason for a rejection before `state.confirm_reject` runs; the
    tracker and the board hold it the same way (`rejecting`, `reject_reason`,
    `set_reject_reason`, `close_reject`)."""
    return confirm_dialog(
        title=title, description=description,
        body=rx.text_area(value=state.reject_reason, on_change=state.set_reject_reason,
                          placeholder="e.g. Role requires a work permit we cannot sponsor",
                          width="100%", margin_top="12px", id="reject-reason"),
        confirm_label=confirm_label, on_confirm=state.confirm_reject, open=state.rejecting,
        on_cancel=state.close_reject,
        confirm_disabled=state.reject_reason.strip().length() < MIN_REJECTION_REASON,
        confirm_id="reject-confirm")
