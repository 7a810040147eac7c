"""Create or edit a job; auto-fill drafts it from the title."""

import reflex as rx

from hireops import routes
from hireops.components.shell import recruiter_page
from hireops.components.stage_editor import stage_editor
from hireops.state.jobs.stage_editor import StageEditorState
from hireops.components.ui import card, error_callout
from hireops.pages.jobs.owner import job_owner_card
from hireops.state.jobs.editor import JobEditorState as S
from hireops.state.jobs.owner import JobOwnerState


def _label(text: str, hint: str = "") -> rx.Component:
    return rx.hstack(rx.text(text, size="2", weight="medium"),
                     rx.text(hint, size="1", color=rx.color("gray", 10)), spacing="2",
                     align="baseline")


def _bound(name: str) -> dict:
    """What ties a control to the form field `name`: its value, its setter, its id, and
    read-only for those who may not edit."""
    return {"value": getattr(S, name), "on_change": S.set_field(name), "id": f"job-{name}",
            "read_only": ~S.can_edit, "width": "100%"}


def _field(label: rx.Component, control: rx.Component, *below: rx.Component) -> rx.Component:
    return rx.vstack(label, control, *below, spacing="1", width="100%")


def _input(label: str, name: str, placeholder: str = "", **props) -> rx.Component:
    return _field(_label(label), rx.input(placeholder=placeholder, **_bound(name), **props))


def _lines(label: str, name: str, hint: str = "one per line", rows: str = "6") -> rx.Component:
    return _field(_label(label, hint), rx.text_area(rows=rows, **_bound(name)))


def _number(label: str, name: str, hint: str) -> rx.Component:
    return _field(_label(label), rx.input(type="number", min="0", max="100", **_bound(name)),
                  rx.text(hint, size="1", color=rx.color("gray", 10)))


def _section(title: str, *children: rx.Component) -> rx.Component:
    return card(rx.heading(title, size="4", padding_bottom="10px"), *children, width="100%")


def _fields(*fields: rx.Component, columns: dict | None = None) -> rx.Component:
    """Fields side by side: two columns on a wide screen unless `columns` says otherwise."""
    return rx.grid(*fields, columns=columns or rx.breakpoints(initial="1", md="2"), spacing="4",
                   width="100%")


def _title_bar() -> rx.Component:
    return card(
        rx.vstack(
            _label("Job title", "type a title and let auto-fill draft the rest"),
            rx.hstack(
                rx.input(placeholder="e.g. Senior Backend Engineer", size="3", **_bound("title")),
                rx.button(rx.cond(S.autofilling, rx.spinner(size="2"), rx.icon("wand-sparkles")),
                          rx.cond(S.autofilling, "Drafting…", "Auto-fill"),
                          on_click=S.autofill, disabled=S.autofilling | ~S.can_edit, size="3",
                          variant="soft", id="autofill"),
                width="100%", spacing="3",
            ),
            rx.cond(
                S.autofill_note != "",
                rx.callout(S.autofill_note, icon="info", color_scheme="amber", width="100%",
                           id="autofill-note"),
            ),
            rx.cond(
                S.generated_by != "",
                rx.text("Drafted by the AI engine (", S.generated_by_label,
                        "); review every field before saving.", size="1",
                        color=rx.color("gray", 10)),
            ),
            spacing="2", width="100%",
        ),
        width="100%",
    )


# The job's plain fields: (label, form field, example shown while empty).
_DETAILS = (("Department", "department", "Engineering"), ("Location", "location", "Remote"),
            ("Seniority", "seniority", "Senior"),
            ("Employment type", "employment_type", "Full-time"))
# The lists, one item per line: (label, form field, rows shown).
_REQUIREMENTS = (("Must-have skills", "must_have_skills", "6"),
                 ("Nice-to-have skills", "nice_to_have_skills", "6"),
                 ("Responsibilities", "responsibilities", "8"),
                 ("Qualifications", "qualifications", "8"))


def _details() -> rx.Component:
    return _section(
        "Details",
        _fields(*(_input(label, name, example) for label, name, example in _DETAILS)),
        rx.box(height="14px"),
        _field(_label("Description", S.description_words.to_string() + " words"),
               rx.text_area(rows="10", **_bound("description"))),
    )


def _requirements() -> rx.Component:
    return _section(
        "Requirements",
        _fields(*(_lines(label, name, rows=rows) for label, name, rows in _REQUIREMENTS)),
    )


def _screening() -> rx.Component:
    return _section(
        "Screening and decisions",
        _fields(
            _number("Resume minimum", "resume_min", "Advance needs at least this resume score"),
            _number("Interview minimum", "interview_min", "…and at least this interview score"),
            _number("Reject below", "reject_below", "Final scores under this are rejected"),
            _number("Resume weight %", "resume_weight_pct",
                     "Interview weight is the rest"),
            _number("Scorecard weight %", "scorecard_weight_pct",
                    "Interviewers' scorecards in the final score; 0 leaves them out"),
            columns=rx.breakpoints(initial="1", sm="2", lg="5"),
        ),
        rx.text("Final score = ", S.resume_weight_pct, "% resume + ", S.interview_weight_pct,
                "% interview",
                rx.cond((S.scorecard_weight_pct != "0") & (S.scorecard_weight_pct != ""),
                        rx.fragment(", blended with ", S.scorecard_weight_pct,
                                    "% interviewer scorecards once they are filled")),
                ".", size="2", color=rx.color("gray", 11), padding_top="8px"),
        rx.box(height="12px"),
        _fields(
            _lines("Custom screening questions", "custom_questions",
                   "asked in every interview for this job", rows="4"),
            _lines("Knockout requirements", "knockout_requirements",
                   "e.g. work permit; checked apart from the score", rows="4"),
        ),
        rx.hstack(
            rx.switch(checked=S.blind_screening, on_change=S.set_blind_screening,
                      disabled=~S.can_edit),
            rx.text("Blind screening: score redacted resumes and hide identities until HR "
                    "reveals them", size="2"),
            spacing="2", align="center", padding_top="12px",
        ),
        rx.hstack(
            rx.switch(checked=S.published_on_careers, on_change=S.set_published_on_careers,
                      disabled=~S.can_edit, id="published-on-careers"),
            rx.text("Published on the careers page while the job is open", size="2"),
            rx.cond(S.published_on_careers & (S.careers_path != ""),
                    rx.link("View public page", href=S.careers_path, is_external=True,
                            size="2")),
            spacing="2", align="center", padding_top="8px", wrap="wrap",
        ),
        rx.hstack(
            rx.checkbox(checked=S.record_interviews, on_change=S.set_record_interviews,
                        disabled=~S.can_edit, id="record-interviews"),
            rx.text("Record interviews for review (camera and microphone, only with the "
                    "candidate's separate consent; never analysed for emotion)", size="2"),
            spacing="2", align="center", padding_top="8px",
        ),
    )


def _actions() -> rx.Component:
    return rx.hstack(
        rx.link(rx.button("Cancel", variant="soft", color_scheme="gray", size="3"),
                href=routes.JOBS),
        rx.cond(S.can_edit,
                rx.button(rx.icon("save", size=16), "Save job", on_click=S.save, size="3",
                          id="save-job")),
        spacing="3",
    )


def _form() -> rx.Component:
    return rx.vstack(
        error_callout(S.error),
        _title_bar(), _details(), _requirements(), _screening(),
        rx.cond(StageEditorState.stages_job_id != 0, stage_editor(
            "This job's flow. Rename any stage; add, reorder and remove your own steps "
            "between the pipeline's and the offer. Changes apply at once.")),
        rx.hstack(rx.spacer(), _actions(), width="100%"),
        spacing="4", width="100%",
    )


@recruiter_page(route=routes.JOB_NEW, title="New job",
                on_load=[S.load, StageEditorState.load_for_job], actions=_actions)
def new_job() -> rx.Component:
    return _form()


@recruiter_page(route=routes.JOB_EDIT, title="Edit job",
                on_load=[S.load, JobOwnerState.load_owner, StageEditorState.load_for_job],
                actions=_actions)
def edit_job() -> rx.Component:
    return rx.vstack(job_owner_card(), _form(), spacing="4", width="100%")
