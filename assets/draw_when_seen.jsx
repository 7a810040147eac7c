// Draws its children (a chart) once they come near the screen, and the ones further down one
// at a time while the browser has nothing else to do; wrapped for Reflex by
// hireops/components/charts.py.
//
// Plotly draws a chart in one go on the page's only thread (30-100 ms each on a busy machine):
// nine charts drawn together held the whole page, the charts on screen included, until the
// last one below the fold was done.
import { useEffect, useRef, useState } from "react";

// Start drawing a chart this far before it scrolls into view.
const AHEAD = "300px";
// A chart below the fold waits at most this long for an idle moment.
const IDLE_WAIT_MS = 1000;

// The charts still waiting for their idle turn, in page order, and whether a turn is booked.
const waiting = [];
let turnBooked = false;

function bookNextTurn() {
  if (turnBooked || waiting.length === 0) return;
  turnBooked = true;
  const whenIdle = window.requestIdleCallback
    ? (draw) => window.requestIdleCallback(draw, { timeout: IDLE_WAIT_MS })
    : (draw) => window.setTimeout(draw, 50);
  whenIdle(() => {
    turnBooked = false;
    const draw = waiting.shift();
    if (draw) draw();
  });
}

export function DrawWhenSeen({ children, height }) {
  const [drawn, setDrawn] = useState(false);
  const box = useRef(null);

  useEffect(() => {
    if (drawn) {
      // This chart is on the page: the next one gets the next idle moment.
      bookNextTurn();
      return undefined;
    }
    const draw = () => setDrawn(true);
    const seen = new IntersectionObserver(
      (entries) => entries.some((entry) => entry.isIntersecting) && draw(),
      { rootMargin: AHEAD },
    );
    seen.observe(box.current);
    waiting.push(draw);
    bookNextTurn();
    return () => {
      seen.disconnect();
      const place = waiting.indexOf(draw);
      if (place >= 0) waiting.splice(place, 1);
    };
  }, [drawn]);

  if (drawn) return children;
  return <div ref={box} className="chart-waiting" style={{ height, width: "100%" }} />;
}
