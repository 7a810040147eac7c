// Plotly for the reports' charts, fetched by the page's own HTML and run once the numbers are
// on the screen, and the charts drawn one at a time; wrapped for Reflex by
// hireops/components/charts.py.
//
// Plotly's finance build is a classic script (it sets window.Plotly). `PlotlyEarly` has the
// page's <head> preload it at low priority: the prerendered HTML asks for it beside the page's
// own scripts, and it is in the browser's cache when it is wanted. It is run (`loadPlotly`)
// when the first chart or section under the funnel waits for its turn, after the numbers and
// the funnel (drawn by the page itself) are painted: run as it arrived, its 0.1-0.3 s held up
// the parsing of the page, then the page's scripts, the socket and the numbers.
//
// `DrawWhenSeen` draws its chart when plotly is there, one chart per turn: plotly draws a chart
// in one go on the page's only thread, and the first chart of a page costs it 0.1-0.3 s more
// than the next (plotly's code running for the first time). The first item in sight goes in a
// task of its own at once; the others in sight in the browser's next idle moments (within
// NEAR_WAIT_MS), so what the person does meanwhile is not held up; the rest further down when
// the browser has nothing else to do.
//
// `RenderWhenSeen` gives a part of the page below the first screen (a section of tables and
// charts) the same turns, without waiting for plotly: until its turn a blank box of about its
// height, so the page's first render and the render with the report's numbers only build what
// is in sight.
import { createElement, useEffect, useRef, useState } from "react";
import { preload } from "react-dom";
import plotlyUrl from "plotly.js-finance-dist-min/plotly-finance.min.js?url";

// Start drawing a chart this far before it scrolls into view.
const AHEAD = "300px";
// A chart in sight, after the first, waits at most this long for an idle moment.
const NEAR_WAIT_MS = 150;
// Plotly waits at most this long for an idle moment once the numbers are painted.
const PLOTLY_WAIT_MS = 300;
// A chart below the fold waits at most this long for an idle moment.
const IDLE_WAIT_MS = 1000;

export function PlotlyEarly() {
  // During the build's prerender this writes <link rel=preload> into the page's <head>; in
  // the browser (a page reached by a link) it adds the same link once. Fetched, not run.
  preload(plotlyUrl, { as: "script", fetchPriority: "low" });
  return null;
}

let plotly = null;

// Plotly once its script has run (the one in <head>, or one added here).
export function loadPlotly() {
  if (plotly === null) {
    plotly = new Promise((resolve, reject) => {
      if (window.Plotly) {
        resolve(window.Plotly);
        return;
      }
      let script = document.querySelector(`script[src="${plotlyUrl}"]`);
      if (!script) {
        script = document.createElement("script");
        script.src = plotlyUrl;
        script.async = true;
        document.head.appendChild(script);
      }
      script.addEventListener("load", () => resolve(window.Plotly));
      script.addEventListener("error", () => {
        plotly = null;
        reject(new Error(`plotly did not load from ${plotlyUrl}`));
      });
    });
  }
  return plotly;
}

// react-plotly's Plot for the plotly the page loaded, as a component (hireops/components/
// charts.py: _EarlyPlotlyFinance). Once plotly is there (and DrawWhenSeen draws only then) it
// renders Plot at once: Reflex's ClientSide waited for an effect and a second render first,
// a frame or two between the numbers and each chart.
export function plotlyComponent(createPlotlyComponent) {
  let Plot = null;
  function EarlyPlotlyPlot(props) {
    const [, plotlyArrived] = useState(false);
    if (Plot === null && window.Plotly) Plot = createPlotlyComponent(window.Plotly);
    useEffect(() => {
      if (Plot === null) loadPlotly().then(() => plotlyArrived(true));
    }, []);
    return Plot === null ? null : createElement(Plot, props);
  }
  return EarlyPlotlyPlot;
}

// What is not drawn yet, in page order, each { draw, near, chart }; the turns booked; whether
// plotly is awaited; how many charts and sections on the page are drawn (or being drawn).
const waiting = [];
let nearTurnBooked = false;
let idleTurnBooked = false;
let plotlyAwaited = false;
let drawnOnPage = 0;

function whenIdle(run, waitMs) {
  if (window.requestIdleCallback) window.requestIdleCallback(run, { timeout: waitMs });
  else window.setTimeout(run, 50);
}

// A chart can be drawn once plotly has run; a section (tables, chart boxes) at any time.
function canGo(item) {
  return !item.chart || window.Plotly !== undefined;
}

function mayGoNext(item) {
  return item.near && canGo(item);
}

function drawNext(nearOnly) {
  let next = waiting.findIndex(mayGoNext);
  if (next < 0 && !nearOnly) next = waiting.findIndex(canGo);
  if (next < 0) return;
  const [item] = waiting.splice(next, 1);
  drawnOnPage += 1;
  item.draw();
}

function bookTurns() {
  if (waiting.length === 0) return;
  // Everything waiting is a chart or holds some: plotly is run in the browser's first idle
  // moment after the numbers are painted (one task of 0.1-0.3 s the page cannot answer in).
  if (window.Plotly === undefined && !plotlyAwaited) {
    plotlyAwaited = true;
    whenIdle(() => loadPlotly().then(() => {
      plotlyAwaited = false;
      bookTurns();
    }, () => {
      plotlyAwaited = false;
    }), PLOTLY_WAIT_MS);
  }
  if (!nearTurnBooked && waiting.some(mayGoNext)) {
    nearTurnBooked = true;
    const run = () => {
      nearTurnBooked = false;
      drawNext(true);
    };
    // The first: in a task of its own, at once. An item is near once the observer has seen
    // its box, after the frame that painted it (and the numbers beside it).
    if (drawnOnPage > 0) whenIdle(run, NEAR_WAIT_MS);
    else window.setTimeout(run, 0);
  }
  if (!idleTurnBooked && waiting.some(canGo)) {
    idleTurnBooked = true;
    whenIdle(() => {
      idleTurnBooked = false;
      drawNext(false);
    }, IDLE_WAIT_MS);
  }
}

// Its children once their turn has come; until then a blank box of `height` (CSS).
function useTurn(isChart) {
  const [drawn, setDrawn] = useState(false);
  const box = useRef(null);

  useEffect(() => {
    if (drawn) {
      // This one is on the page: the next one gets the next turn.
      bookTurns();
      return () => {
        drawnOnPage -= 1;
      };
    }
    const item = { draw: () => setDrawn(true), near: false, chart: isChart };
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        item.near = true;
        bookTurns();
      }
    }, { rootMargin: AHEAD });
    seen.observe(box.current);
    waiting.push(item);
    bookTurns();
    return () => {
      seen.disconnect();
      const place = waiting.indexOf(item);
      if (place >= 0) waiting.splice(place, 1);
    };
  }, [drawn]);
  return [drawn, box];
}

export function DrawWhenSeen({ children, height }) {
  const [drawn, box] = useTurn(true);
  if (drawn) return children;
  return <div ref={box} className="chart-waiting" style={{ height, width: "100%" }} />;
}

export function RenderWhenSeen({ children, height }) {
  const [drawn, box] = useTurn(false);
  if (drawn) return children;
  return <div ref={box} className="section-waiting" style={{ height, width: "100%" }} />;
}
