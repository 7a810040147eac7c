"""Plotly charts drawn with plotly's finance build, which the page's HTML fetches as it opens
and runs once the report's numbers are on the screen.

The reports' plotly figures use one trace type, `bar`, plus shapes and annotations (the funnel
on the first screen is drawn by the page itself: `pages/reports/funnel.py`): all of them are in
`plotly.js-finance-dist-min` (bar, funnel, histogram, pie, scatter, ...), a third of the full
build's bytes on the wire and a quarter of the script to parse. The full build (what
`rx.plotly` loads) adds 3D, maps and WebGL traces no page draws.

`rx.plotly.finance` imports its bundle when a chart first mounts, and an import started from
the page's scripts can only start once they have all arrived and React has hydrated. A classic
script in the page's <head> fixed that, but its 0.1-0.3 s of running then came before the
page's own scripts could run (a script run as it arrives holds up the parsing of the page,
which module scripts wait for), and so before the page could ask the server for anything.
Here the page's <head> only fetches plotly (`plotly_early()`, rendered beside the access check
so the prerendered HTML carries it, a low-priority preload); it runs when the first chart under
the funnel is about to be drawn, after the numbers are painted (`assets/charts.jsx:
loadPlotly`). The charts take plotly from there (`_EarlyPlotlyFinance`, `plotlyComponent`).

`draw_when_seen` draws a chart once plotly is there, one chart per turn: the first in sight as
soon as the numbers are painted, the others in sight in the browser's next idle moments, the
ones further down when it has nothing else to do. Plotly draws each chart in one piece on the
page's only thread, and several drawn together held the page (its numbers included) until
the last was done. `render_when_seen` gives the sections below the first screen turns of
their own among the charts': React built the whole page (tables and chart boxes nobody could
see yet) on the same thread before the first chart could be drawn.
"""

from __future__ import annotations

import reflex as rx
from plotly.graph_objects import Figure
from plotly.graph_objs.layout import Template
from reflex_base.utils.imports import ImportVar
from reflex_components_plotly.plotly import CREATE_PLOTLY_COMPONENT, PlotlyFinance

# The build the charts use; the version matches the one Reflex pins for `rx.plotly.finance`.
PLOTLY_BUILD = "plotly.js-finance-dist-min"
# The trace types in that build (its README): a figure with another type would draw nothing.
PLOTLY_BUILD_TRACES = frozenset({"bar", "candlestick", "funnel", "funnelarea", "histogram",
                                 "indicator", "ohlc", "pie", "scatter", "waterfall"})
# Reflex copies assets/ into the frontend's public folder; `$/public` is how a module there is
# imported at build time.
CHARTS_MODULE = "$/public/charts.jsx"


class _EarlyPlotlyFinance(PlotlyFinance):
    """`rx.plotly.finance` drawing with the plotly the page's <head> loaded, not a bundled copy
    imported once the chart mounts."""

    tag = "EarlyPlotlyPlot"

    def add_imports(self) -> dict:
        return {**CREATE_PLOTLY_COMPONENT, CHARTS_MODULE: [ImportVar(tag="plotlyComponent")]}

    def _get_dynamic_imports(self) -> str:
        # In place of `rx.plotly.finance`'s ClientSide(() => import(...)): react-plotly's Plot
        # for the plotly the page's <head> loaded, rendered at once when it is there.
        return f"const {self.tag} = plotlyComponent(createPlotlyComponent)"


class PlotlyEarly(rx.Component):
    """Renders nothing; has the page's <head> fetch plotly's script (not run it)."""

    library = CHARTS_MODULE
    tag = "PlotlyEarly"


class DrawWhenSeen(rx.Component):
    """Its child drawn when plotly is there, near the screen first or in an idle moment, one at
    a time; until then a blank box."""

    library = CHARTS_MODULE
    tag = "DrawWhenSeen"

    # The blank box's height (CSS), the chart's own, so the page does not jump.
    height: rx.Var[str]


def draw_when_seen(child: rx.Component, height: str) -> rx.Component:
    return DrawWhenSeen.create(child, height=height)


class RenderWhenSeen(rx.Component):
    """Its child rendered in its turn among the charts' (never before the first chart in
    sight), near the screen first or in an idle moment; until then a blank box."""

    library = CHARTS_MODULE
    tag = "RenderWhenSeen"

    # The blank box's height (CSS), about the child's own.
    height: rx.Var[str]


def render_when_seen(child: rx.Component, height: str) -> rx.Component:
    """A part of a chart page below the first screen, left out of the page's first renders:
    React builds it in a turn of its own once what is in sight is drawn."""
    return RenderWhenSeen.create(child, height=height)


def plotly_early() -> rx.Component:
    """Once per page with charts, outside the access check (`recruiter_page(early=...)`): what
    the server prerenders is the page before that check, and only that reaches the <head>."""
    return PlotlyEarly.create()


def chart(figure, config: dict, template: dict, **props) -> rx.Component:
    """A plotly figure (its JSON) drawn with the finance build (bar traces), with
    `template` in place of `rx.plotly`'s default: plotly's whole light and dark templates,
    18 kB of script per chart in a bundle every recruiter page loads.

    `config` should have `responsive`: plotly then fits the chart to its box when the window
    changes size. `rx.plotly`'s own resize handler (react-plotly's) also resized every chart
    100 ms after its first draw, at the size it already had: a second draw of each chart,
    as long as the first, while the page was still drawing the others."""
    # The state holds the figure as a dict; `rx.plotly` takes it as plotly's JSON either way.
    return _EarlyPlotlyFinance.create(data=figure.to(Figure), config=config,
                                      template=Template(template), use_resize_handler=False,
                                      **props)
