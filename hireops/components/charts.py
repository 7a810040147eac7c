"""Plotly charts drawn with plotly's finance build, fetched as soon as a page that shows them
opens.

The reports' figures use two trace types, `bar` and `funnel`, plus shapes and annotations:
all of them are in `plotly.js-finance-dist-min` (bar, funnel, histogram, pie, scatter, ...), a
third of the full build's bytes on the wire and a quarter of the script to parse. The full
build (what `rx.plotly` loads) adds 3D, maps and WebGL traces no page draws.

`rx.plotly` fetches its bundle when a chart first mounts: on a recruiter page that is after the
websocket connected, the access check answered and the page's data arrived, so the fetch and
the parse of the bundle came after all of that. `plotly_preload()` starts the same fetch as
the page's script runs, in parallel with the websocket and the server's work; the charts then
mount with the bundle already parsed (the browser loads a module once).

`draw_when_seen` (`assets/draw_when_seen.jsx`) draws a chart once it comes near the screen
and the ones further down one at a time in the browser's idle moments: plotly draws each chart
in one piece on the page's only thread, and nine drawn together held the charts on screen until
the last one below the fold was done.
"""

from __future__ import annotations

import reflex as rx
from plotly.graph_objects import Figure
from plotly.graph_objs.layout import Template
from reflex_components_core.base.fragment import Fragment

# The build the charts use; the version matches the one Reflex pins for `rx.plotly.finance`.
PLOTLY_BUILD = "plotly.js-finance-dist-min"
# The trace types in that build (its README): a figure with another type would draw nothing.
PLOTLY_BUILD_TRACES = frozenset({"bar", "candlestick", "funnel", "funnelarea", "histogram",
                                 "indicator", "ohlc", "pie", "scatter", "waterfall"})


class _PlotlyPreload(Fragment):
    """Renders nothing; its hook asks for the plotly build when the page mounts."""

    def add_hooks(self) -> list[str]:
        return [f"useEffect(() => {{ import('{PLOTLY_BUILD}'); }}, []);"]

    def add_imports(self) -> dict:
        return {"react": ["useEffect"]}


class DrawWhenSeen(rx.Component):
    """Its child drawn near the screen or in an idle moment; until then a blank box."""

    # Reflex copies assets/ into the frontend's public folder; `$/public` is how a module
    # there is imported at build time.
    library = "$/public/draw_when_seen.jsx"
    tag = "DrawWhenSeen"

    # The blank box's height (CSS), the chart's own, so the page does not jump.
    height: rx.Var[str]


def draw_when_seen(child: rx.Component, height: str) -> rx.Component:
    return DrawWhenSeen.create(child, height=height)


def plotly_preload() -> rx.Component:
    """Put once on a page with charts, outside anything shown only later."""
    return _PlotlyPreload.create()


def chart(figure, config: dict, template: dict, **props) -> rx.Component:
    """A plotly figure (its JSON) drawn with the finance build (bar and funnel traces), with
    `template` in place of `rx.plotly`'s default: plotly's whole light and dark templates,
    18 kB of script per chart in a bundle every recruiter page loads."""
    # The state holds the figure as a dict; `rx.plotly` takes it as plotly's JSON either way.
    return rx.plotly.finance(data=figure.to(Figure), config=config,
                             template=Template(template), **props)
