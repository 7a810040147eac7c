"""Settings (admins only): company, interview links, AI engines, voice interviews, mailbox,
outgoing mail, email templates, new-job defaults, the team and API tokens, on tabs."""

import reflex as rx

from hireops import routes
from hireops.components.confirm import confirm_dialog, danger_button
from hireops.components.mail_banner import mail_not_set_banner
from hireops.components.secret_field import secret_field, typed_secret, typed_secrets
from hireops.components.shell import recruiter_page
from hireops.components.stage_editor import stage_editor
from hireops.state.jobs.stage_editor import StageEditorState
from hireops.components.ui import card, data_table, error_callout
from hireops.services.outreach.email_templates import TEMPLATE_KINDS, TEMPLATE_TITLES
from hireops.services.platform.runtime_settings import AI_AGENTS
from hireops.services.platform.users import UserRow
from hireops.state.access import ADMIN_ROLES
from hireops.state.common_connection_test import ConnectionTestMixin
from hireops.state.settings.ai_settings import AiSettingsState as A
from hireops.state.settings.email_settings import EmailSettingsState as E
from hireops.state.settings.general_settings import SECRET_FIELD_IDS, secret_fields_of
from hireops.state.settings.general_settings import GeneralSettingsState as G
from hireops.state.settings.mailbox_settings import PASSWORD_FIELD as IMAP_PASSWORD
from hireops.state.settings.mailbox_settings import MailboxSettingsState as M
from hireops.state.settings.page import SettingsState
from hireops.state.settings.team_settings import PASSWORD_FIELD as NEW_USER_PASSWORD
from hireops.state.settings.team_settings import TeamSettingsState as T
from hireops.state.settings.voice_settings import VoiceSettingsState as V

def _field(label: str, name: str, **props) -> rx.Component:
    return _label(label, rx.input(value=getattr(M, name), on_change=M.set_field(name),
                                  width="100%", id=f"imap-{name}", **props))


def _mailbox() -> rx.Component:
    return card(
        rx.text("Connect the recruiting mailbox over IMAP with an app password. Without it the "
                "inbox reads the local folder ", rx.code("INBOX_MAILDIR"), ".", size="2",
                color=rx.color("gray", 11)),
        _grid(
            _field("IMAP server", "host", placeholder="imap.gmail.com"),
            _field("Port", "port", type="number"),
            _label("Security", rx.select(["ssl", "starttls", "none"], value=M.security,
                                         on_change=M.set_field("security"), width="100%")),
            _field("Username", "username", placeholder="jobs@yourcompany.com"),
            _label("App password", secret_field(IMAP_PASSWORD, width="100%", placeholder=rx.cond(
                M.password_saved, "saved (leave empty to keep)", ""))),
            _field("Folders", "folders", placeholder="INBOX, Applications"),
        ),
        error_callout(M.error),
        _test_result(M, "imap-test-result"),
        rx.hstack(
            _test_button(M, M.test_connection(typed_secret(IMAP_PASSWORD)), "imap-test"),
            rx.button(rx.icon("save", size=16), "Save mailbox",
                      on_click=M.save(typed_secret(IMAP_PASSWORD)), id="imap-save"),
            rx.cond(M.password_saved,
                    rx.button("Disconnect", variant="soft", color_scheme="red",
                              on_click=M.disconnect, id="imap-disconnect")),
            spacing="2", padding_top="10px",
        ),
        width="100%",
    )


MUTED = rx.color("gray", 11)


def _email_templates() -> rx.Component:
    return card(
        rx.hstack(
            rx.select.root(
                rx.select.trigger(width="260px"),
                rx.select.content(*[rx.select.item(TEMPLATE_TITLES[kind], value=kind)
                                    for kind in TEMPLATE_KINDS]),
                value=E.kind, on_change=E.set_kind, id="template-kind"),
            rx.cond(E.is_default, rx.badge("Built-in text", variant="soft", color_scheme="gray"),
                    rx.badge("Edited", variant="soft", color_scheme="blue")),
            spacing="3", align="center"),
        rx.grid(
            rx.vstack(
                rx.text("Subject", size="2", weight="medium"),
                rx.input(value=E.subject, on_change=E.set_subject, width="100%",
                         id="template-subject"),
                rx.text("Body", size="2", weight="medium"),
                rx.text_area(value=E.body, on_change=E.set_body, rows="14", width="100%",
                             id="template-body", font_family="monospace"),
                rx.flex(rx.text("Placeholders:", size="1", color=MUTED),
                        rx.foreach(E.placeholders, lambda name: rx.code(name, size="1")),
                        gap="6px", wrap="wrap", align="center", id="template-placeholders"),
                rx.text("Write {{ or }} for a literal brace.", size="1", color=MUTED),
                spacing="2", width="100%"),
            rx.vstack(
                rx.text("Preview with sample values", size="2", weight="medium"),
                rx.box(rx.text(E.preview_subject, size="2", weight="bold",
                               id="template-preview-subject"),
                       rx.separator(margin_y="8px"),
                       rx.text(E.preview_text, size="2", white_space="pre-wrap",
                               id="template-preview-body"),
                       padding="12px", border_radius="8px", width="100%",
                       background=rx.color("gray", 2),
                       opacity=rx.cond(E.template_error != "", "0.5", "1")),
                spacing="2", width="100%"),
            columns=rx.breakpoints(initial="1", md="2"), spacing="4", width="100%",
            padding_y="12px"),
        error_callout(E.template_error, id="template-error"),
        rx.hstack(
            rx.button(rx.icon("save", size=16), "Save template", on_click=E.save,
                      disabled=E.template_error != "", id="template-save"),
            rx.button(rx.icon("rotate-ccw", size=16), "Reset to default", variant="soft",
                      color_scheme="gray", on_click=E.reset_to_default, disabled=E.is_default,
                      id="template-reset"),
            spacing="2", padding_top="10px"),
        width="100%",
    )


def _label(text: str, *children) -> rx.Component:
    return rx.vstack(rx.text(text, size="2", weight="medium"), *children, spacing="1",
                     width="100%")


def _setting(label: str, name: str, help_text: str = "", **props) -> rx.Component:
    return _label(label, rx.input(value=G.values.get(name, ""), on_change=G.set_value(name),
                                  width="100%", id=f"setting-{name}", **props),
                  *([_note(help_text)] if help_text else []))


def _choice(label: str, name: str, options: list[str]) -> rx.Component:
    return _label(label, rx.select(options, value=G.values.get(name, ""),
                                   on_change=G.set_value(name), width="100%",
                                   id=f"setting-{name}"))


def _choice_in_words(label: str, name: str, options: list[tuple[str, str]]) -> rx.Component:
    # (stored value, words): the menu shows the words.
    return _label(label, rx.select.root(
        rx.select.trigger(width="100%"),
        rx.select.content(*[rx.select.item(words, value=value) for value, words in options]),
        value=G.values.get(name, ""), on_change=G.set_value(name), id=f"setting-{name}"))


def _switch(label: str, name: str) -> rx.Component:
    return rx.hstack(rx.switch(checked=G.values.get(name, "") == "true",
                               on_change=G.set_value(name), id=f"setting-{name}"),
                     rx.text(label, size="2"), spacing="2", align="center")


def _secret(label: str, name: str) -> rx.Component:
    """A password input that never shows the stored value, only its mask."""
    mask = G.masks.get(name, "not set")
    return _label(
        label,
        rx.hstack(
            secret_field(SECRET_FIELD_IDS[name], width="100%",
                         placeholder=rx.cond(mask == "not set", "not set",
                                             "saved (leave empty to keep)")),
            rx.badge(mask, variant="soft", id=f"mask-{name}",
                     color_scheme=rx.cond(mask == "not set", "gray", "green")),
            rx.cond(mask.contains("environment") | (mask == "not set"), rx.fragment(),
                    rx.icon_button(rx.icon("x", size=14), variant="ghost", color_scheme="red",
                                   size="1", title="Remove the stored value",
                                   on_click=G.clear_secret(name), id=f"clear-{name}")),
            spacing="2", align="center", width="100%"),
    )


def _grid(*children, columns: str = "3") -> rx.Component:
    return rx.grid(*children, columns=rx.breakpoints(initial="1", md=columns), spacing="4",
                   width="100%", padding_y="12px")


def _test_result(state: type[ConnectionTestMixin], result_id: str) -> rx.Component:
    """The outcome of a card's last "Test connection", coloured by its tone."""
    return rx.cond(state.test_message != "", rx.callout(
        state.test_message,
        icon=rx.match(state.test_tone, ("green", "circle-check"), ("red", "circle-x"), "info"),
        color_scheme=state.test_tone, width="100%", margin_top="10px", id=result_id))


def _test_button(state: type[ConnectionTestMixin], on_click: rx.EventHandler,
                 button_id: str) -> rx.Component:
    return rx.button(rx.cond(state.testing, rx.spinner(size="2"), rx.icon("plug", size=16)),
                     "Test connection", variant="soft", on_click=on_click,
                     disabled=state.testing, id=button_id)


def _save_row(group: str, label: str, *extra) -> rx.Component:
    return rx.vstack(
        error_callout(G.errors.get(group, ""), id=f"error-{group}"),
        rx.hstack(rx.button(rx.icon("save", size=16), label,
                            on_click=G.save(group, typed_secrets(secret_fields_of(group))),
                            id=f"save-{group}"), *extra,
                  rx.cond(G.customised.contains(group), rx.tooltip(
                      rx.button(rx.icon("rotate-ccw", size=14), "Restore defaults",
                                variant="soft", color_scheme="gray",
                                on_click=G.restore_defaults(group), id=f"restore-{group}"),
                      content="Forget the values saved here (secrets stay): the server's "
                              "configuration, or the built-in defaults, apply again.")),
                  spacing="3", align="center", wrap="wrap"),
        width="100%", spacing="2")


def _group_card(group: str, save_label: str, *children,
                beside_save: tuple[rx.Component, ...] = ()) -> rx.Component:
    """The card of one group of settings: its fields and notes, then the row that saves them
    (`beside_save`: more buttons and words on that row)."""
    return card(*children, _save_row(group, save_label, *beside_save), width="100%")


def _tested_group_card(group: str, save_label: str, state: type[ConnectionTestMixin],
                       test: rx.EventHandler, test_id: str, *children) -> rx.Component:
    """A group card with "Test connection" beside its save button; the test reads the saved
    settings, not the fields as typed."""
    return _group_card(group, save_label, *children, _test_result(state, f"{test_id}-result"),
                       beside_save=(_test_button(state, test, test_id),
                                    _note("The test uses the saved settings.")))


def _note(*children) -> rx.Component:
    return rx.text(*children, size="1", color=MUTED)


def _company() -> rx.Component:
    return _group_card(
        "company", "Save company",
        _grid(
            _setting("Company name", "company_name"),
            _setting("Time zone (IANA name)", "company_timezone",
                     placeholder="Europe/Paris"),
            _choice_in_words("Dates typed as", "company_date_style",
                             [("day-month-year", "Day first (07/12/2026)"),
                              ("iso", "ISO (2026-12-07)")]),
            _setting("Follow-up interview length (minutes)", "followup_interview_minutes",
                     type="number"),
            _setting("Working hours start (0-23)", "working_hours_start", type="number"),
            _setting("Working hours end (1-24)", "working_hours_end", type="number"),
            _setting("Data retention (days)", "retention_days", type="number"),
        ),
        _note("Every time in the app and in emails is shown in this time zone, labelled "
              "(7 Dec 2026, 14:05 CET); it and the working hours decide the follow-up slots "
              "offered to candidates. Date filters are typed day first (07/12/2026) or as ISO "
              "(2026-12-07). Retention: candidates with no activity for this many days are "
              "anonymised by the nightly job (0 keeps them until someone erases them)."),
    )


def _interviews() -> rx.Component:
    return _group_card(
        "interviews", "Save interview settings",
        _grid(_setting("Public address of this app", "public_base_url",
                       "Candidates open their interview at this address: it goes into every "
                       "invitation and reminder email, so it must be one they can reach.",
                       placeholder="https://hire.example.com"),
              _setting("Follow-up interview location", "interview_location",
                       "An address or a video-call link (https://...). It goes into every "
                       "booking's confirmation and calendar invitation unless HR names "
                       "another place for that booking.",
                       placeholder="https://meet.example.com/hiring"), columns="2"),
        _grid(
            _setting("Interview link valid for (hours)", "interview_link_hours",
                     "1 to 720 (72 = 3 days). Links generated from now on expire this long "
                     "after they are created; links already sent keep their date.",
                     type="number"),
            _setting("Reminder if not opened after (hours)", "reminder_unopened_hours",
                     "Sent once to a candidate who has not opened the invitation by then. "
                     "0: no reminder.", type="number"),
            _setting("Reminder before the link expires (hours)", "reminder_expiring_hours",
                     "Sent once to a candidate who has not finished the interview this long "
                     "before the link expires. 0: no reminder.", type="number"),
            _setting("Built-in interview length (minutes)", "interview_minutes",
                     "5 to 120. The time the built-in interviewer tells the candidate to plan "
                     "for, and after which it stops asking follow-up questions.",
                     type="number"),
        ),
    )


def _agent(agent: str) -> rx.Component:
    title = agent.replace("_", " ").capitalize()
    return rx.table.row(
        rx.table.cell(rx.text(title, weight="medium", size="2")),
        rx.table.cell(rx.select(["local", "mistral"], value=G.values.get(f"{agent}_engine", ""),
                                on_change=G.set_value(f"{agent}_engine"),
                                id=f"setting-{agent}_engine")),
        rx.table.cell(rx.input(value=G.values.get(f"{agent}_agent_id", ""),
                               on_change=G.set_value(f"{agent}_agent_id"),
                               placeholder="ag:... (optional)", id=f"setting-{agent}_agent_id")),
        rx.table.cell(rx.input(value=G.values.get(f"{agent}_model", ""),
                               on_change=G.set_value(f"{agent}_model"),
                               id=f"setting-{agent}_model")),
        rx.table.cell(rx.vstack(
            rx.button(rx.cond(A.testing == agent, rx.spinner(size="1"), rx.icon("play", size=14)),
                      "Test", size="1", variant="soft", on_click=A.test_agent(agent),
                      disabled=A.testing != "", id=f"test-{agent}"),
            rx.cond(A.results.get(agent, "") != "",
                    rx.text(A.results.get(agent, ""), size="1", id=f"test-result-{agent}",
                            color=rx.cond(A.tones.get(agent, "") == "green",
                                          rx.color("green", 11), rx.color("red", 11)))),
            spacing="1", max_width="280px")),
    )


def _ai_engines() -> rx.Component:
    return _group_card(
        "ai", "Save AI engines",
        rx.table.root(
            rx.table.header(rx.table.row(*[rx.table.column_header_cell(h) for h in (
                "Agent", "Engine", "Mistral agent id", "Model (without agent id)", "")])),
            rx.table.body(*[_agent(agent) for agent in AI_AGENTS]),
            width="100%", variant="surface"),
        _grid(_secret("Mistral API key", "mistral_api_key"),
              _setting("Mistral server URL (empty: Mistral's own)", "mistral_server_url",
                       placeholder="https://api.mistral.ai"),
              _setting("Mistral timeout per call (seconds)", "mistral_timeout_s",
                       "How long to wait for one reply before the attempt counts as failed "
                       "(up to 600).", type="number"),
              _setting("Mistral retries after a failure", "mistral_max_retries",
                       "0 to 10. Each retry waits a little longer; a call that still fails "
                       "is shown as failed, never replaced by a made-up result.",
                       type="number"), columns="2"),
        _note("local runs the built-in rules on this server (free, offline). mistral calls "
              "the agent id when one is given, else the model. Test makes one small real call "
              "with the saved settings: save first."),
    )


def _voice() -> rx.Component:
    return _tested_group_card(
        "voice", "Save voice settings", V, V.test_connection, "voice-test",
        _grid(_secret("ElevenLabs API key", "elevenlabs_api_key"),
              _setting("Agent id", "elevenlabs_agent_id"),
              _secret("Webhook secret", "elevenlabs_webhook_secret")),
        rx.flex(_note("Post-call webhook URL to enter at ElevenLabs (built from the public "
                      "address on the Interviews tab):"),
                rx.code(G.webhook_url, id="webhook-url", word_break="break-all"),
                spacing="2", align="center", wrap="wrap"),
        _note("Without an API key and agent id, candidates talk to the built-in interviewer. "
              "If ElevenLabs fails when a candidate starts, the interview continues typed and "
              "the interview's card says why."),
    )


def _outgoing_mail() -> rx.Component:
    return _tested_group_card(
        "smtp", "Save outgoing mail", E, E.test_smtp, "smtp-test",
        _grid(_setting("SMTP server (empty: write mail to a folder)", "smtp_host",
                       placeholder="smtp.gmail.com"),
              _setting("Port", "smtp_port", type="number"),
              _choice("Security", "smtp_security", ["starttls", "ssl", "none"]),
              _setting("Login", "smtp_user"),
              _secret("Password", "smtp_password"),
              _setting("From address", "smtp_from_address"),
              _setting("From name", "smtp_from_name")),
        rx.cond(G.values.get("smtp_host", "") == "",
                _note("No SMTP server: mail is written to ", rx.code(E.sent_mail_dir),
                      " instead of being sent.")),
    )


def _job_defaults() -> rx.Component:
    return _group_card(
        "job_defaults", "Save defaults",
        _grid(_setting("Resume minimum to advance", "job_resume_min", type="number"),
              _setting("Interview minimum to advance", "job_interview_min", type="number"),
              _setting("Reject below (final score)", "job_reject_below", type="number"),
              _setting("Resume weight (0-1)", "job_resume_weight"),
              _setting("Interview weight (0-1)", "job_interview_weight")),
        rx.hstack(_switch("Advance without HR when the rule says advance", "job_auto_advance"),
                  _switch("Reject without HR when the rule says reject", "job_auto_reject"),
                  spacing="6", wrap="wrap"),
        _note("Applied to jobs created from now on; each job keeps its own copy. The weights "
              "must add up to 1."),
    )


def _team_user(user: UserRow) -> rx.Component:
    return rx.table.row(
        rx.table.cell(rx.vstack(rx.text(user.email, weight="medium", size="2"),
                                rx.text(user.full_name, size="1", color=rx.color("gray", 10)),
                                spacing="0")),
        rx.table.cell(rx.select(["admin", "recruiter", "viewer"], value=user.role, size="1",
                                on_change=lambda role: T.set_role(user.id, role))),
        rx.table.cell(rx.cond(user.active, rx.badge("active", color_scheme="green"),
                              rx.badge("disabled", color_scheme="gray"))),
        rx.table.cell(rx.text(user.last_login, size="2")),
        rx.table.cell(rx.cond(
            user.active,
            confirm_dialog(
                trigger=danger_button("Deactivate", class_name="deactivate-user"),
                title="Deactivate " + user.email + "?",
                description="They are signed out everywhere and can no longer sign in. Their "
                            "history stays; an admin can reactivate the account.",
                confirm_label="Deactivate", on_confirm=T.set_active(user.id, False)),
            rx.button("Reactivate", size="1", variant="soft",
                      on_click=T.set_active(user.id, True)))),
    )


def _team() -> rx.Component:
    def field(label: str, name: str, **props) -> rx.Component:
        return _label(label, rx.input(value=getattr(T, name), on_change=T.set_field(name),
                                      width="100%", id=f"new-user-{name}", **props))

    return rx.vstack(
        data_table(["User", "Role", "Status", "Last sign-in", ""], T.users, _team_user),
        card(
            rx.text("Add a user", weight="medium"),
            _grid(field("Email", "email", placeholder="name@company.com"),
                  field("Full name", "full_name"),
                  _label("Role", rx.select(["recruiter", "viewer", "admin"], value=T.role,
                                           on_change=T.set_field("role"),
                                           id="new-user-role")),
                  _label("Password (empty: generate one)",
                         secret_field(NEW_USER_PASSWORD, width="100%")), columns="4"),
            error_callout(T.error, id="team-error"),
            rx.cond(T.one_time_password != "",
                    rx.callout(rx.text("One-time password for ", rx.text.strong(T.one_time_email),
                                       ": ", rx.code(T.one_time_password),
                                       ". It is shown only now; hand it over safely."),
                               icon="key-round", color_scheme="amber", width="100%",
                               id="one-time-password")),
            rx.button(rx.icon("user-plus", size=16), "Add user",
                      on_click=T.add_user(typed_secret(NEW_USER_PASSWORD)),
                      id="add-user"),
            width="100%"),
        width="100%", spacing="3")


def _tab(value: str, *children) -> rx.Component:
    return rx.tabs.content(rx.vstack(*children, spacing="3", width="100%", padding_top="14px"),
                           value=value)


@recruiter_page(route=routes.SETTINGS, title="Settings",
                on_load=[SettingsState.load, G.load, M.load, E.load, T.load,
                         StageEditorState.load_default],
                roles=ADMIN_ROLES)
def settings() -> rx.Component:
    return rx.vstack(mail_not_set_banner(E.smtp_host == "", True), _tabs(), width="100%",
                     spacing="4")


def _tabs() -> rx.Component:
    return rx.tabs.root(
        rx.tabs.list(
            rx.tabs.trigger("Company", value="company", id="tab-company"),
            rx.tabs.trigger("Interviews", value="interviews", id="tab-interviews"),
            rx.tabs.trigger("AI engines", value="ai", id="tab-ai"),
            rx.tabs.trigger("Voice", value="voice", id="tab-voice"),
            rx.tabs.trigger("Mail", value="mail", id="tab-mail"),
            rx.tabs.trigger("Email templates", value="templates", id="tab-templates"),
            rx.tabs.trigger("New jobs", value="jobs", id="tab-jobs"),
            rx.tabs.trigger("Team", value="team", id="tab-team"),
            rx.tabs.trigger("Integration API", value="api", id="tab-api"),
        ),
        _tab("company", _company(),
             rx.hstack(rx.text("Database", size="2", weight="medium"),
                       rx.badge(SettingsState.database), spacing="2")),
        _tab("interviews", _interviews()),
        _tab("ai", _ai_engines()),
        _tab("voice", _voice()),
        _tab("mail", rx.heading("Mailbox (incoming)", size="3"), _mailbox(),
             rx.heading("Outgoing mail", size="3", padding_top="8px"), _outgoing_mail()),
        _tab("templates", _email_templates()),
        _tab("jobs", _job_defaults(), stage_editor(
            "The stages every new job starts with. Rename any stage; add, reorder and remove "
            "your own steps between the pipeline's and the offer. Existing jobs keep theirs.")),
        _tab("team", _team(), card(rx.hstack(
            rx.text("Optional equal-opportunities questions, asked in the interview room and "
                    "used only in aggregate for the fairness view of the reports.", size="2"),
            rx.spacer(),
            rx.link(rx.button(rx.icon("scale", size=14), "Equal opportunities",
                              variant="soft"), href=routes.SETTINGS_EQUAL_OPPORTUNITIES),
            width="100%", align="center"), width="100%")),
        _tab("api", card(rx.hstack(
            rx.text("Other systems read and write jobs, candidates and applications over "
                    "/api/v1 with a token (OpenAPI document at /api/v1/openapi.json).", size="2"),
            rx.spacer(),
            rx.link(rx.button(rx.icon("key-round", size=14), "API tokens", variant="soft"),
                    href=routes.SETTINGS_API),
            width="100%", align="center"), width="100%")),
        default_value="company", width="100%",
    )
