"""The candidate tracker: filters, sorting and paging on the server, selection, bulk actions,
inline stage changes and exports."""

from __future__ import annotations

import json

import reflex as rx
from sqlmodel import select

from hireops import routes
from hireops.db import session_scope
from hireops.models import Job, JobStatus, Stage
from hireops.services.platform.clock import file_stamp
from hireops.services.candidates.export import export_query
from hireops.services.interviews.invitations import invite_applications
from hireops.services.candidates.tags import all_tags
from hireops.services.candidates.stages import stage_value
from hireops.services.candidates.tracker_stages import (
    bulk_stage_choices,
    stage_filter_choices,
    stage_menus,
)
from hireops.services.jobs.job_stages import JobStage
from hireops.services.candidates.tracker import (
    RejectionNeedsReason,
    TrackerFilter,
    TrackerRow,
    TrackerSort,
    move_stage,
    query_tracker,
    tracker_rows_by_id,
)
from hireops.services.platform.user_preferences import (
    get_tracker_hidden_columns,
    save_tracker_hidden_columns,
)
from hireops.state.access import READ_ROLES, WRITE_ROLES, current_actor, event_for
from hireops.state.auth import AuthState
from hireops.state.common_options import Option
from hireops.state.candidates.reject_reason import RejectReasonMixin

PAGE_SIZES = ("25", "50", "100")
# The job filter's value for applications to no job.
TALENT_POOL_FILTER = "pool"
# Columns a recruiter can show or hide (the candidate column always shows).
OPTIONAL_COLUMNS = ("job", "stage", "resume_score", "interview_score", "final_score", "decision",
                    "source", "applied", "last_activity")
DEFAULT_HIDDEN = ("source",)


class TrackerState(RejectReasonMixin, AuthState):
    rows: list[TrackerRow] = []
    total: int = 0
    page: int = 1
    page_size: str = "50"
    search: str = ""
    job_filter: str = ""
    stage_filter: str = ""
    decision_filter: str = ""
    # One tag the grid is narrowed to ("" for any).
    tag_filter: str = ""
    # Minimum resume score as typed ("" for none).
    resume_min: str = ""
    sort_column: str = "last_activity"
    sort_direction: str = "desc"
    hidden_columns: list[str] = list(DEFAULT_HIDDEN)
    # Whose saved column choice this tab shows (0: none read yet); another sign-in reads again.
    _columns_user: int = 0
    # The page's jobs' stages (job id, None for the talent pool), as last read.
    _stage_menus: dict[int | None, list[JobStage]] = {}
    selected: list[int] = []
    job_options: list[Option] = []
    # The stage filter's menu: the built-in stages and those the jobs in view added.
    stage_options: list[Option] = []
    # Open jobs, where picked candidates can be added; every tag in use, for the filter.
    open_job_options: list[Option] = []
    tag_options: list[str] = []
    # Each shown job's stages for the rows' inline menus, keyed as the page writes a row's job
    # id (JSON: "12", "null" for the talent pool).
    job_stage_options: dict[str, list[Option]] = {}
    # The bulk move's stages: those every selected row's job has, and why others are missing.
    bulk_stage_options: list[Option] = []
    bulk_stage_note: str = ""

    @rx.var
    def page_count(self) -> int:
        size = int(self.page_size)
        return max(1, -(-self.total // size))

    @rx.var
    def all_selected(self) -> bool:
        return bool(self.rows) and all(r.application_id in self.selected for r in self.rows)

    @rx.var
    def board_url(self) -> str:
        """The pipeline board of the job the grid is narrowed to ("" when none is)."""
        return f"{routes.JOB_BOARD}?id={self.job_filter}" if self.job_filter.isdigit() else ""

    @event_for(*READ_ROLES)
    def open_page(self):
        """The grid as a link asks for it: ?job=<id> narrows it to one job (the board's
        Grid switch)."""
        job = str(self.router.url.query_parameters.get("job", ""))
        if job.isdigit():
            self.job_filter, self.page = job, 1
        return TrackerState.load

    @event_for(*READ_ROLES)
    def load(self):
        self._load_columns()
        with session_scope() as session:
            jobs = session.exec(select(Job.id, Job.title).order_by(Job.title)).all()
            self.job_options = [Option(str(job_id), title) for job_id, title in jobs]
            open_jobs = session.exec(select(Job.id, Job.title).where(
                Job.status == JobStatus.open).order_by(Job.title)).all()
            self.open_job_options = [Option(str(job_id), title) for job_id, title in open_jobs]
            self.tag_options = all_tags(session=session)
            self._offer_stage_filter(session, {job_id for job_id, _ in jobs})
            result = query_tracker(session=session, filter=self._filter(), sort=self._sort(),
                                   page=self.page, page_size=int(self.page_size))
            self.rows, self.total, self.page = result.rows, result.total, result.page
            self._read_stage_menus(session)
        visible = {r.application_id for r in self.rows}
        self.selected = [i for i in self.selected if i in visible]
        self._offer_bulk_stages()

    def _offer_stage_filter(self, session, all_job_ids: set[int]) -> None:
        """The stages of the job the grid is narrowed to (every job's when none is, the
        built-in ones for the talent pool); a chosen stage no longer offered is let go."""
        job_ids = ({int(self.job_filter)} if self.job_filter.isdigit()
                   else set() if self.job_filter == TALENT_POOL_FILTER else all_job_ids)
        choices = stage_filter_choices(session=session, job_ids=job_ids)
        self.stage_options = [Option(c.key, c.label) for c in choices]
        if self.stage_filter not in {c.key for c in choices}:
            self.stage_filter = ""

    def _read_stage_menus(self, session) -> None:
        """The stages of every job on the page (a row can move only within its job's flow)."""
        self._stage_menus = stage_menus(session=session, job_ids={r.job_id for r in self.rows})
        self.job_stage_options = {
            job_key(job_id): [Option(c.key, c.label) for c in choices]
            for job_id, choices in self._stage_menus.items()}

    def _offer_bulk_stages(self) -> None:
        jobs = {r.job_id for r in self.rows if r.application_id in self.selected}
        offered = bulk_stage_choices(self._stage_menus, jobs)
        self.bulk_stage_options = [Option(c.key, c.label) for c in offered.choices]
        self.bulk_stage_note = offered.not_offered

    @event_for(*READ_ROLES)
    def set_filter(self, name: str, value: str):
        if name in ("search", "job_filter", "stage_filter", "decision_filter", "resume_min",
                    "tag_filter"):
            setattr(self, name, "" if value == "all" else str(value)[:200])
            self.page = 1
        return TrackerState.load

    @event_for(*READ_ROLES)
    def clear_filters(self):
        self.search = self.job_filter = self.stage_filter = self.decision_filter = ""
        self.tag_filter = ""
        self.resume_min, self.page = "", 1
        return TrackerState.load

    @event_for(*READ_ROLES)
    def sort_by(self, column: str):
        if self.sort_column == column:
            self.sort_direction = "asc" if self.sort_direction == "desc" else "desc"
        else:
            self.sort_column, self.sort_direction = column, "desc"
        return TrackerState.load

    @event_for(*READ_ROLES)
    def go_to_page(self, page: int):
        self.page = max(1, min(int(page), self.page_count))
        return TrackerState.load

    @event_for(*READ_ROLES)
    def set_page_size(self, size: str):
        if size in PAGE_SIZES:
            self.page_size, self.page = size, 1
        return TrackerState.load

    @event_for(*READ_ROLES)
    def toggle_column(self, column: str):
        if column in OPTIONAL_COLUMNS:
            hidden = set(self.hidden_columns) ^ {column}
            self.hidden_columns = [c for c in OPTIONAL_COLUMNS if c in hidden]
            actor = current_actor()
            if actor is not None:
                with session_scope() as session:
                    save_tracker_hidden_columns(session=session, user_id=actor.id,
                                                hidden=self.hidden_columns,
                                                allowed=OPTIONAL_COLUMNS)

    def _load_columns(self) -> None:
        """The columns this user chose to hide, kept on the server per user."""
        actor = current_actor()
        if actor is None or actor.id == self._columns_user:
            return
        with session_scope() as session:
            saved = get_tracker_hidden_columns(session=session, user_id=actor.id,
                                               allowed=OPTIONAL_COLUMNS)
        self.hidden_columns = list(DEFAULT_HIDDEN) if saved is None else saved
        self._columns_user = actor.id

    @event_for(*READ_ROLES)
    def toggle_row(self, application_id: int):
        application_id = int(application_id)
        if application_id in self.selected:
            self.selected = [i for i in self.selected if i != application_id]
        else:
            self.selected = [*self.selected, application_id]
        self._offer_bulk_stages()

    @event_for(*READ_ROLES)
    def toggle_all(self):
        self.selected = [] if self.all_selected else [r.application_id for r in self.rows]
        self._offer_bulk_stages()

    @event_for(*WRITE_ROLES)
    def change_stage(self, application_id: int, stage: str):
        if stage == Stage.rejected.value:
            # The same question as a bulk reject: the row waits in its stage until answered.
            self._ask_reason([int(application_id)])
            return None
        return self._move([int(application_id)], stage)

    @event_for(*WRITE_ROLES)
    def bulk_move(self, stage: str):
        if not self.selected:
            return rx.toast.warning("Select applications first.")
        if stage == Stage.rejected.value:
            return TrackerState.open_reject
        return self._move(list(self.selected), stage)

    @event_for(*WRITE_ROLES)
    def open_reject(self):
        if not self.selected:
            return rx.toast.warning("Select applications first.")
        self._ask_reason(self.selected)

    def _reject(self, application_ids: list[int], reason: str):
        # The reject dialog is opened by one row's stage menu or by the bulk bar.
        return self._move(application_ids, Stage.rejected.value, reason)

    @event_for(*WRITE_ROLES)
    def bulk_invite(self):
        """Generate (or reuse) an interview link for each selected application and email it;
        applications below their job's resume threshold are skipped and named."""
        if not self.selected:
            return rx.toast.warning("Select applications first.")
        with session_scope() as session:
            result = invite_applications(session=session, application_ids=list(self.selected),
                                         actor=current_actor())
            session.commit()
        self.selected = []
        toasts = [rx.toast.success(f"{len(result.sent)} interview invitation(s) queued.")]
        if result.skipped:
            # Named as the grid names them, never by internal id.
            names = {r.application_id: r.candidate_name for r in self.rows}
            reasons = "; ".join(f"{names.get(app_id, 'One application')}: {why}"
                                for app_id, why in result.skipped[:5])
            toasts.append(rx.toast.warning(f"{len(result.skipped)} skipped. {reasons}",
                                           duration=12000))
        return [TrackerState.load, *toasts]

    @event_for(*READ_ROLES)
    def export(self, fmt: str):
        """Every row of the grid as filtered (the picked ones only, when rows are picked),
        downloaded from the export route: built there in a worker thread, not here on the
        server's event loop."""
        if fmt not in ("csv", "xlsx"):
            return None
        query = export_query(filter=self._filter(), sort=self._sort(), picked=self.selected)
        return rx.download(url=f"{routes.EXPORT_CANDIDATES}.{fmt}?{query}",
                           filename=f"candidates-{file_stamp(minutes=True)}.{fmt}")

    def _move(self, application_ids: list[int], stage: str, reason: str = ""):
        try:
            target = stage_value(stage)
        except ValueError:
            return rx.toast.error("Unknown stage.")
        try:
            with session_scope() as session:
                moved = move_stage(session=session, application_ids=application_ids,
                                   stage=target, actor=current_actor(), reason=reason)
        except RejectionNeedsReason as refused:
            return rx.toast.error(str(refused))
        except ValueError as refused:  # a stage one of the jobs does not have
            return rx.toast.error(str(refused))
        self.selected = []
        self._offer_bulk_stages()
        # The moved rows change in place: re-sorting now (a move touches last activity) would
        # make rows jump and put the focused stage menu on another candidate. The next filter,
        # sort or visit orders the page again.
        with session_scope() as session:
            fresh = tracker_rows_by_id(session=session, application_ids=application_ids)
        self.rows = [fresh.get(row.application_id, row) for row in self.rows]
        # Named as the moved rows' jobs name it ("Technical interview", a renamed "Offer").
        label = next((row.stage_label for row in self.rows
                      if row.application_id in application_ids), target)
        return rx.toast.success(f"{moved} application(s) moved to {label}.")

    def _filter(self) -> TrackerFilter:
        try:
            resume_min = float(self.resume_min) if self.resume_min else None
        except ValueError:
            resume_min = None
        return TrackerFilter(
            job_ids=[int(self.job_filter)] if self.job_filter.isdigit() else [],
            talent_pool_only=self.job_filter == TALENT_POOL_FILTER,
            stages=_chosen_stage(self.stage_filter),
            decisions=[self.decision_filter] if self.decision_filter else [],
            tags=[self.tag_filter] if self.tag_filter else [],
            resume_min=resume_min, search=self.search)

    def _sort(self) -> TrackerSort:
        return TrackerSort(column=self.sort_column, direction=self.sort_direction)


def _chosen_stage(value: str) -> list[str]:
    """The stage filter as the grid's filter takes it (none for a value fired by hand)."""
    try:
        return [stage_value(value)] if value else []
    except ValueError:
        return []


def job_key(job_id: int | None) -> str:
    """A row's job as the page writes it to look up its stage menu (JSON.stringify)."""
    return json.dumps(job_id)
