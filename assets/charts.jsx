// Plotly for the reports' charts, loaded from the page's own HTML, and the charts drawn one at a
// time; wrapped for Reflex by hireops/components/charts.py.
//
// Plotly's finance build runs as a classic script (it sets window.Plotly). `PlotlyEarly` puts it
// in the page's <head> as an async script: the prerendered HTML asks for it beside the page's
// own scripts, and the browser runs it while it still waits for those and for the server, not
// after the report's numbers have arrived (a bundled import() only started once React had
// hydrated, and its 0.2-0.3 s of parsing then held the numbers back).
//
// `DrawWhenSeen` draws its chart when plotly is there, one chart per turn: plotly draws a chart
// in one go on the page's only thread, and the first chart of a page costs it 0.1-0.3 s more
// than the next (plotly's code running for the first time). The first chart in sight is drawn
// as soon as the numbers are painted; the others in sight in the browser's next idle moments
// (within NEAR_WAIT_MS), so what the person does meanwhile is not held up; the rest further
// down when the browser has nothing else to do.
//
// `RenderWhenSeen` gives a part of the page below the first screen (a section of tables and
// charts) the same turns: until its turn a blank box of about its height, so the page's first
// render and the render with the report's numbers only build what is in sight, and its first
// chart is never kept waiting behind a table nobody sees yet. The first turn goes to a chart.
import { createElement, useEffect, useRef, useState } from "react";
import { preinit } from "react-dom";
import plotlyUrl from "plotly.js-finance-dist-min/plotly-finance.min.js?url";

// Start drawing a chart this far before it scrolls into view.
const AHEAD = "300px";
// A chart in sight, after the first, waits at most this long for an idle moment.
const NEAR_WAIT_MS = 150;
// A chart below the fold waits at most this long for an idle moment.
const IDLE_WAIT_MS = 1000;

export function PlotlyEarly() {
  // During the build's prerender this writes <script src async> into the page's <head>; in the
  // browser (a page reached by a link) it adds the same script once.
  preinit(plotlyUrl, { as: "script", fetchPriority: "high" });
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

// What is not drawn yet, in page order, each { draw, near, chart }; the turns booked; how
// many charts and sections on the page are drawn (or being drawn).
const waiting = [];
let nearTurnBooked = false;
let idleTurnBooked = false;
let drawnOnPage = 0;

function whenIdle(run, waitMs) {
  if (window.requestIdleCallback) window.requestIdleCallback(run, { timeout: waitMs });
  else window.setTimeout(run, 50);
}

// Whether an item waiting may take the next turn in sight: the page's first turn is a chart's
// (the first in sight), a section in sight waits for it.
function mayGoNext(item) {
  return item.near && (drawnOnPage > 0 || item.chart);
}

function drawNext(nearOnly) {
  const near = waiting.findIndex(mayGoNext);
  if (near < 0 && nearOnly) return;
  const [item] = waiting.splice(near < 0 ? 0 : near, 1);
  if (!item) return;
  drawnOnPage += 1;
  item.draw();
}

function bookTurns() {
  if (waiting.length === 0) return;
  loadPlotly().then(() => {
    if (!nearTurnBooked && waiting.some(mayGoNext)) {
      nearTurnBooked = true;
      const run = () => {
        nearTurnBooked = false;
        drawNext(true);
      };
      // The first: in a task of its own, at once. A chart is near once the observer has seen
      // its box, after the frame that painted it (and the numbers beside it).
      if (drawnOnPage > 0) whenIdle(run, NEAR_WAIT_MS);
      else window.setTimeout(run, 0);
    }
    if (!idleTurnBooked) {
      idleTurnBooked = true;
      whenIdle(() => {
        idleTurnBooked = false;
        drawNext(false);
      }, IDLE_WAIT_MS);
    }
  });
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
