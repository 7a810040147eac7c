"""The public careers pages: open jobs, one job with its apply form, thank-you, privacy notice.

No sign-in and nothing loaded from elsewhere. The apply form is a plain multipart post (no
script needed to send it): hireops.api.careers_routes answers it.
"""

import reflex as rx

from hireops import routes
from hireops.components.shell import register_page
from hireops.components.ui import error_callout, native_form
from hireops.services.jobs.careers import MAX_NOTE_CHARS, CareersJob
from hireops.services.candidates.equal_opportunities import Question
from hireops.state.jobs.careers import CareersState as S

_MUTED = rx.color("gray", 11)
# Native controls (posted with the form) dressed like Radix' text fields, so a phone shows a
# large, obvious target rather than the browser's bare "Choose File" text.
_NATIVE_CONTROL = {
    "width": "100%", "min_height": "44px", "padding": "8px 10px", "font_size": "16px",
    "border": f"1px solid {rx.color('gray', 7)}", "border_radius": "8px",
    "background": rx.color("gray", 1), "color": rx.color("gray", 12),
}
_FILE_BUTTON = {
    "margin_right": "12px", "padding": "8px 14px", "border": "none", "border_radius": "6px",
    "background": rx.color("accent", 3), "color": rx.color("accent", 11),
    "font_weight": "500", "cursor": "pointer",
}


def _layout(*children) -> rx.Component:
    header = rx.hstack(
        rx.link(rx.hstack(
            rx.center(rx.icon("briefcase", size=18, color="white"), width="34px",
                      height="34px", border_radius="9px", background=rx.color("accent", 9)),
            rx.text(S.company_name, size="4", weight="bold", color=rx.color("gray", 12)),
            align="center", spacing="2"), href=routes.CAREERS, underline="none"),
        rx.spacer(),
        rx.text("Careers", size="2", color=_MUTED),
        width="100%", align="center", max_width="820px", margin="0 auto",
        padding=rx.breakpoints(initial="14px 16px", md="18px 24px"),
    )
    return rx.box(
        rx.box(header, width="100%", background=rx.color("gray", 1),
               border_bottom=f"1px solid {rx.color('gray', 4)}"),
        rx.box(*children, width="100%", max_width="820px", margin="0 auto",
               padding=rx.breakpoints(initial="20px 16px 48px", md="36px 24px 64px")),
        min_height="100vh", background=rx.color("gray", 2),
    )


def _panel(*children, **props) -> rx.Component:
    return rx.box(*children, width="100%", padding=rx.breakpoints(initial="18px", md="28px"),
                  border_radius="14px", background=rx.color("gray", 1),
                  border=f"1px solid {rx.color('gray', 4)}", **props)


def _job_meta(job: CareersJob) -> rx.Component:
    return rx.flex(
        rx.cond(job.location != "", rx.hstack(rx.icon("map-pin", size=14),
                                                 rx.text(job.location, size="2"),
                                                 spacing="1", align="center")),
        rx.cond(job.department != "", rx.hstack(rx.icon("building-2", size=14),
                                                   rx.text(job.department, size="2"),
                                                   spacing="1", align="center")),
        rx.cond(job.employment_type != "", rx.hstack(rx.icon("clock", size=14),
                                                        rx.text(job.employment_type, size="2"),
                                                        spacing="1", align="center")),
        wrap="wrap", spacing="4", color=_MUTED,
    )


def _job_card(job: CareersJob) -> rx.Component:
    return _panel(
        rx.vstack(
            rx.heading(job.title, size="5"),
            _job_meta(job),
            rx.text(job.description, size="2", color=_MUTED, class_name="careers-excerpt",
                    style={"display": "-webkit-box", "-webkit-line-clamp": "3",
                           "-webkit-box-orient": "vertical", "overflow": "hidden"}),
            rx.link(rx.button("View and apply", rx.icon("arrow-right", size=16), size="3"),
                    href=routes.CAREERS + "/" + job.slug, class_name="careers-apply-link"),
            spacing="3", align="start", width="100%",
        ),
        class_name="careers-job",
    )


def careers() -> rx.Component:
    return _layout(
        rx.vstack(
            rx.heading(f"Work at {S.company_name}", size=rx.breakpoints(initial="7", md="8")),
            rx.text("Open positions. Apply online in a few minutes: no account needed.",
                    size="3", color=_MUTED),
            rx.cond(
                S.jobs.length() > 0,
                rx.vstack(rx.foreach(S.jobs, _job_card), spacing="4", width="100%",
                          id="careers-jobs"),
                _panel(rx.text("There are no open positions right now. Please check back "
                               "later.", size="3"), id="careers-empty"),
            ),
            spacing="4", width="100%",
        ),
    )


def _field(label: str, control: rx.Component, hint: str | rx.Var = "") -> rx.Component:
    return rx.vstack(
        rx.text(label, size="2", weight="medium", as_="label"),
        control,
        rx.cond(hint != "", rx.text(hint, size="1", color=_MUTED)) if hint else rx.fragment(),
        spacing="1", width="100%",
    )


def _equal_question(question: Question) -> rx.Component:
    return _field(question.label, rx.el.select(
        rx.el.option("Choose (optional)", value=""),
        rx.foreach(question.options, lambda option: rx.el.option(option, value=option)),
        name=f"eo_{question.key}", class_name="careers-select", style=_NATIVE_CONTROL,
    ))


def _equal_questions() -> rx.Component:
    return rx.cond(S.equal_questions.length() > 0, rx.vstack(
        rx.heading("Equal opportunities (optional)", size="3", padding_top="8px"),
        rx.text("Answering is voluntary and does not affect your application: the people "
                "reviewing it never see your answers, which are only counted together to "
                "check that our hiring is fair.", size="2", color=_MUTED),
        rx.foreach(S.equal_questions, _equal_question),
        spacing="3", width="100%", id="careers-equal",
    ))


def _apply_form() -> rx.Component:
    return native_form(
        rx.vstack(
            rx.heading("Apply for this job", size="5", id="apply"),
            error_callout(S.error, id="apply-error"),
            _field("Full name", rx.input(name="name", required=True, max_length=200,
                                         auto_complete="name", size="3", width="100%",
                                         id="apply-name")),
            rx.grid(
                _field("Email", rx.input(name="email", type="email", required=True,
                                         max_length=320, auto_complete="email", size="3",
                                         width="100%", id="apply-email")),
                _field("Phone (optional)", rx.input(name="phone", type="tel", max_length=40,
                                                    auto_complete="tel", size="3",
                                                    width="100%", id="apply-phone")),
                columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%",
            ),
            _field("Resume", rx.el.input(type="file", name="resume", required=True,
                                         accept=".pdf,.docx,.txt", id="apply-resume",
                                         class_name="careers-file",
                                         style={**_NATIVE_CONTROL, "padding": "6px",
                                                "&::file-selector-button": _FILE_BUTTON}),
                   f"PDF, DOCX or TXT, up to {S.max_upload_mb} MB."),
            _field("A note to the team (optional)",
                   rx.text_area(name="note", max_length=MAX_NOTE_CHARS, rows="4",
                                width="100%", id="apply-note",
                                placeholder="Anything you would like us to know")),
            # Hidden from people (off-screen, skipped by Tab and screen readers); scripts
            # that fill every field fill this one too.
            rx.el.div(
                rx.el.label("Website", html_for="apply-website"),
                rx.el.input(type="text", name="website", id="apply-website", tab_index=-1,
                            auto_complete="off"),
                aria_hidden="true",
                style={"position": "absolute", "left": "-10000px", "width": "1px",
                       "height": "1px", "overflow": "hidden"},
            ),
            _equal_questions(),
            rx.el.label(
                rx.el.input(type="checkbox", name="consent", required=True, id="apply-consent",
                            style={"width": "20px", "height": "20px", "flex_shrink": "0",
                                   "margin_top": "2px"}),
                rx.text("I agree that ", S.company_name, " processes my application as the ",
                        rx.link("privacy notice", href=routes.CAREERS_PRIVACY,
                                is_external=True, id="privacy-link"),
                        " describes.", size="2"),
                style={"display": "flex", "gap": "10px", "align_items": "flex-start",
                       "cursor": "pointer"},
            ),
            rx.button("Send application", type="submit", size="3", width="100%",
                      id="apply-submit"),
            spacing="4", width="100%",
        ),
        action=S.apply_action,
        enc_type="multipart/form-data",
        width="100%",
    )


def _job_page() -> rx.Component:
    job = S.job
    return rx.vstack(
        rx.link(rx.hstack(rx.icon("arrow-left", size=14), rx.text("All open positions"),
                          spacing="1", align="center"), href=routes.CAREERS, size="2"),
        rx.heading(job.title, size=rx.breakpoints(initial="7", md="8"), id="job-title"),
        _job_meta(job),
        _panel(
            rx.vstack(
                rx.text(job.description, size="3", white_space="pre-wrap",
                        id="job-description"),
                rx.cond(job.must_have_skills.length() > 0, rx.vstack(
                    rx.heading("What you bring", size="3"),
                    rx.flex(rx.foreach(job.must_have_skills,
                                       lambda skill: rx.badge(skill, size="2",
                                                              variant="soft")),
                            wrap="wrap", spacing="2"),
                    spacing="2")),
                rx.cond(job.responsibilities.length() > 0, rx.vstack(
                    rx.heading("What you will do", size="3"),
                    rx.el.ul(rx.foreach(job.responsibilities,
                                        lambda item: rx.el.li(rx.text(item, size="2"))),
                             style={"padding_left": "20px", "margin": "0",
                                    "list_style_type": "disc"}),
                    spacing="2")),
                spacing="4", width="100%",
            ),
        ),
        _panel(_apply_form()),
        spacing="4", width="100%",
    )


def careers_job() -> rx.Component:
    return _layout(rx.cond(
        S.job,
        _job_page(),
        rx.cond(S.job_loaded, _panel(
            rx.vstack(
                rx.heading("This job is not open", size="5"),
                rx.text("It may have been filled or taken down.", size="3"),
                rx.link("See all open positions", href=routes.CAREERS),
                spacing="3"),
            id="job-missing")),
    ))


def careers_thanks() -> rx.Component:
    return _layout(_panel(
        rx.vstack(
            rx.center(rx.icon("circle-check", size=28, color="white"), width="52px",
                      height="52px", border_radius="50%", background=rx.color("green", 9)),
            rx.heading(S.thanks["thanks_heading"], size="7", id="thanks-heading"),
            rx.cond(S.applied_title != "",
                    rx.text(S.thanks["thanks_received"], size="3", id="thanks-received")),
            rx.text(S.thanks["thanks_next"], size="3", color=_MUTED),
            rx.link(S.thanks["thanks_other_jobs"], href=routes.CAREERS),
            spacing="3", align="start",
        ),
        id="thanks",
    ))


def careers_privacy() -> rx.Component:
    return _layout(_panel(
        rx.vstack(
            rx.heading("Privacy notice for applicants", size="7"),
            rx.foreach(S.notice, lambda part: rx.vstack(
                rx.heading(part[0], size="4"), rx.text(part[1], size="3"), spacing="1")),
            spacing="4", align="start",
        ),
        id="privacy-notice",
    ))


register_page(careers, route=routes.CAREERS, title="Careers", on_load=S.open_list)
register_page(careers_job, route=routes.CAREERS_JOB, title="Apply", on_load=S.open_job)
register_page(careers_thanks, route=routes.CAREERS_THANKS, title="Application received",
              on_load=S.open_thanks)
register_page(careers_privacy, route=routes.CAREERS_PRIVACY, title="Privacy notice",
              on_load=S.open_privacy)
