// Plotly for the reports' charts, loaded from the page's own HTML, and the charts drawn one at a
// time; wrapped for Reflex by hireops/components/charts.py.
//
// Plotly's finance build runs as a classic script (it sets window.Plotly). `PlotlyEarly` puts it
// in the page's <head> as an async script: the prerendered HTML asks for it beside the page's
// own scripts, and the browser runs it while it still waits for those and for the server, not
// after the report's numbers have arrived (a bundled import() only started once React had
// hydrated, and its 0.2-0.3 s of parsing then held the numbers back).
//
// `DrawWhenSeen` draws its chart when plotly is there, near the screen first, one chart per
// turn with a frame painted between two: plotly draws a chart in one go on the page's only
// thread, and the first chart of a page costs it 0.1-0.3 s more than the next (plotly's code
// running for the first time). Charts further down wait for an idle moment.
import { useEffect, useRef, useState } from "react";
import { preinit } from "react-dom";
import plotlyUrl from "plotly.js-finance-dist-min/plotly-finance.min.js?url";

// Start drawing a chart this far before it scrolls into view.
const AHEAD = "300px";
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

// The charts not drawn yet, in page order, each { draw, near }; and the turns booked.
const waiting = [];
let nearTurnBooked = false;
let idleTurnBooked = false;

function whenIdle(run) {
  if (window.requestIdleCallback) window.requestIdleCallback(run, { timeout: IDLE_WAIT_MS });
  else window.setTimeout(run, 50);
}

// After the next frame is painted (what the last turn drew is on screen), as a task of its own.
function afterNextPaint(run) {
  window.requestAnimationFrame(() => window.setTimeout(run, 0));
}

function drawNext(nearOnly) {
  const near = waiting.findIndex((chart) => chart.near);
  if (near < 0 && nearOnly) return;
  const [chart] = waiting.splice(near < 0 ? 0 : near, 1);
  if (chart) chart.draw();
}

function bookTurns() {
  if (waiting.length === 0) return;
  loadPlotly().then(() => {
    if (!nearTurnBooked && waiting.some((chart) => chart.near)) {
      nearTurnBooked = true;
      afterNextPaint(() => {
        nearTurnBooked = false;
        drawNext(true);
      });
    }
    if (!idleTurnBooked) {
      idleTurnBooked = true;
      whenIdle(() => {
        idleTurnBooked = false;
        drawNext(false);
      });
    }
  });
}

export function DrawWhenSeen({ children, height }) {
  const [drawn, setDrawn] = useState(false);
  const box = useRef(null);

  useEffect(() => {
    if (drawn) {
      // This chart is on the page: the next one gets the next turn.
      bookTurns();
      return undefined;
    }
    const chart = { draw: () => setDrawn(true), near: false };
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        chart.near = true;
        bookTurns();
      }
    }, { rootMargin: AHEAD });
    seen.observe(box.current);
    waiting.push(chart);
    bookTurns();
    return () => {
      seen.disconnect();
      const place = waiting.indexOf(chart);
      if (place >= 0) waiting.splice(place, 1);
    };
  }, [drawn]);

  if (drawn) return children;
  return <div ref={box} className="chart-waiting" style={{ height, width: "100%" }} />;
}
