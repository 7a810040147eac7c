// Calls onTick every `every` milliseconds while mounted and the tab is visible: keeps a page's
// figures live without a reload, and stops when the person leaves the page.
import { useEffect } from "react";

export function Ticker({ every, onTick }) {
  useEffect(() => {
    const timer = setInterval(() => {
      if (!document.hidden && onTick) onTick();
    }, every || 15000);
    return () => clearInterval(timer);
  }, [every, onTick]);
  return null;
}
