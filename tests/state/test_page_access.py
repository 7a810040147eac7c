"""Every page but sign-in, the interview room and the careers pages checks the signed-in user before it shows
anything (a new page cannot be forgotten: they are all enumerated here)."""

from __future__ import annotations

import reflex as rx

import hireops.hireops  # noqa: F401  (imports every page module, registering its pages)
from hireops import routes
from hireops.components.shell import PAGES
from hireops.state.access import page_roles
from hireops.state.auth import AuthState

PUBLIC_ROUTES = {routes.LOGIN, routes.INTERVIEW,
                 # What a job seeker sees: published jobs only, no candidate data.
                 routes.CAREERS, routes.CAREERS_JOB, routes.CAREERS_THANKS,
                 routes.CAREERS_PRIVACY}


def _handlers(on_load) -> list:
    return list(on_load) if isinstance(on_load, (list, tuple)) else [on_load]


def _function_and_args(on_load_item) -> tuple:
    """The handler function an on_load entry runs, and the arguments the compiled page will
    send with it (a bare handler sends none)."""
    if isinstance(on_load_item, rx.event.EventSpec):
        return on_load_item.handler.fn, on_load_item.args
    return on_load_item.fn, ()


def test_every_private_page_runs_the_access_check_first():
    private = [(render, options) for render, options in PAGES
               if options["route"] not in PUBLIC_ROUTES]
    assert len(private) >= 12, "the enumeration found too few pages to be trusted"
    for _render, options in private:
        function, args = _function_and_args(_handlers(options.get("on_load"))[0])
        assert function is AuthState.check_access.fn, options["route"]
        # The roles stay on the server: the browser sends none to be believed.
        assert args == (), f"{options['route']} sends {args} to the server"
        assert page_roles(options["route"]), f"{options['route']} names no roles"


def test_the_public_pages_are_exactly_sign_in_and_the_interview_room():
    public = {options["route"] for _render, options in PAGES
              if options["route"] in PUBLIC_ROUTES}
    assert public == PUBLIC_ROUTES


def test_each_page_compiles_to_a_module_of_its_own():
    # Reflex writes a page's compiled components to a module named after the page function's
    # module: pages named after the shell would all load one bundle of every page's parts.
    private = [render for render, options in PAGES if options["route"] not in PUBLIC_ROUTES]
    assert all(render.__module__.startswith("hireops.pages.") for render in private)
    assert len({render.__module__ for render in private}) >= 12


def _reads_state(component: rx.Component) -> bool:
    return any((data := var._get_all_var_data()) is not None and data.state
               for var in component._get_vars(include_children=True))


def test_what_sits_beside_the_access_check_reads_no_state():
    # `recruiter_page(early=...)` renders before the access check (a script the page's <head>
    # should fetch): nothing there may show a signed-in user's data.
    early_seen = 0
    for render, options in PAGES:
        if options["route"] in PUBLIC_ROUTES:
            continue
        page = render()
        beside = page.children[:-1] if len(page.children) > 1 else []
        assert not any(_reads_state(component) for component in beside), options["route"]
        assert _reads_state(page.children[-1]), options["route"]
        early_seen += len(beside)
    assert early_seen >= 1, "no page puts anything beside its access check: nothing was tested"
