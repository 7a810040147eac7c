// Small browser-only helpers of the interview room: dictation with the browser's own speech
// recognition, and a countdown of the candidate's time budget.
import { useEffect, useRef, useState } from "react";

function recognitionClass() {
  if (typeof window === "undefined") return null;
  return window.SpeechRecognition || window.webkitSpeechRecognition || null;
}

export function Dictation({ onText, lang, id }) {
  const [supported, setSupported] = useState(false);
  const [listening, setListening] = useState(false);
  const recognition = useRef(null);

  useEffect(() => {
    setSupported(Boolean(recognitionClass()));
    return () => recognition.current && recognition.current.abort();
  }, []);

  if (!supported) {
    return <span id={id} data-state="unsupported" style={{ fontSize: 13, color: "#64748b" }}>
      Voice input is not available in this browser; please type your answer.
    </span>;
  }

  const toggle = () => {
    if (listening) {
      recognition.current && recognition.current.stop();
      return;
    }
    const Recognition = recognitionClass();
    const engine = new Recognition();
    engine.lang = lang || "en-US";
    engine.continuous = true;
    engine.interimResults = false;
    engine.onresult = (event) => {
      for (let i = event.resultIndex; i < event.results.length; i++) {
        if (event.results[i].isFinal && onText) onText(event.results[i][0].transcript);
      }
    };
    engine.onend = () => setListening(false);
    engine.onerror = () => setListening(false);
    recognition.current = engine;
    engine.start();
    setListening(true);
  };

  return <button type="button" id={id} data-state={listening ? "listening" : "idle"}
    onClick={toggle}
    style={{
      display: "inline-flex", alignItems: "center", gap: 6, padding: "6px 12px",
      borderRadius: 8, cursor: "pointer", fontSize: 14,
      border: listening ? "1px solid #dc2626" : "1px solid #cbd5e1",
      background: listening ? "#fef2f2" : "white", color: listening ? "#b91c1c" : "#334155",
    }}>
    <span style={{ width: 8, height: 8, borderRadius: 4,
      background: listening ? "#dc2626" : "#94a3b8" }} />
    {listening ? "Listening… click to stop" : "Speak your answer"}
  </button>;
}

function remaining(deadline) {
  const end = Date.parse(deadline);
  if (Number.isNaN(end)) return null;
  return Math.max(0, Math.round((end - Date.now()) / 1000));
}

export function Countdown({ deadline, id }) {
  const [seconds, setSeconds] = useState(() => remaining(deadline));
  useEffect(() => {
    setSeconds(remaining(deadline));
    const timer = setInterval(() => setSeconds(remaining(deadline)), 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  if (seconds === null) return null;
  const minutes = Math.floor(seconds / 60);
  const rest = String(seconds % 60).padStart(2, "0");
  const low = seconds < 180;
  return <span id={id} style={{
    fontVariantNumeric: "tabular-nums", fontWeight: 600, fontSize: 14,
    padding: "4px 10px", borderRadius: 999,
    background: low ? "#fef3c7" : "#eef2ff", color: low ? "#92400e" : "#3730a3",
  }}>{seconds === 0 ? "Time is up: please finish your answer" : `${minutes}:${rest} left`}</span>;
}
