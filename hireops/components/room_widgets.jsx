// Small browser-only helpers of the interview room: dictation with the browser's own speech
// recognition, a microphone level meter, a typed draft kept across reloads, and a countdown
// of the candidate's time budget.
import { useEffect, useRef, useState } from "react";

// Every text a widget shows comes from `texts`, the room's texts in the candidate's language
// (knowledge/data/room/<lang>.json); placeholders `{name}` are filled from `values`.
export function say(texts, key, values) {
  let text = (texts && texts[key]) || key;
  for (const [name, value] of Object.entries(values || {})) {
    text = text.split(`{${name}}`).join(String(value));
  }
  return text;
}

// What a failed recognition means for the candidate: the room text by the Web Speech API's
// error code.
const DICTATION_PROBLEMS = {
  "network": "dictation_network",
  "not-allowed": "dictation_blocked",
  "service-not-allowed": "dictation_blocked",
  "audio-capture": "dictation_no_microphone",
  "no-speech": "dictation_no_speech",
  "language-not-supported": "dictation_language_unsupported",
};

function recognitionClass() {
  if (typeof window === "undefined") return null;
  return window.SpeechRecognition || window.webkitSpeechRecognition || null;
}

export function Dictation({ onText, lang, texts, id }) {
  const [supported, setSupported] = useState(false);
  const [listening, setListening] = useState(false);
  const [problem, setProblem] = useState("");
  const recognition = useRef(null);

  useEffect(() => {
    setSupported(Boolean(recognitionClass()));
    return () => recognition.current && recognition.current.abort();
  }, []);

  if (!supported) {
    return <span id={id} data-state="unsupported" style={{ fontSize: 13, color: "#64748b" }}>
      {say(texts, "dictation_unsupported")}
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
    engine.onerror = (event) => {
      setListening(false);
      setProblem(say(texts, DICTATION_PROBLEMS[event && event.error] || "dictation_failed"));
    };
    recognition.current = engine;
    setProblem("");
    try {
      engine.start();
      setListening(true);
    } catch (error) {
      setProblem(say(texts, "dictation_failed"));
    }
  };

  return <span style={{ display: "inline-flex", alignItems: "center", gap: 8, flexWrap: "wrap" }}>
  <button type="button" id={id} data-state={listening ? "listening" : "idle"}
    onClick={toggle}
    style={{
      display: "inline-flex", alignItems: "center", gap: 6, padding: "6px 12px",
      borderRadius: 8, cursor: "pointer", fontSize: 14, whiteSpace: "nowrap",
      border: listening ? "1px solid #dc2626" : "1px solid #cbd5e1",
      background: listening ? "#fef2f2" : "white", color: listening ? "#b91c1c" : "#334155",
    }}>
    <span style={{ width: 8, height: 8, borderRadius: 4,
      background: listening ? "#dc2626" : "#94a3b8" }} />
    {say(texts, listening ? "dictation_listening" : "dictation_start")}
  </button>
  {problem ? <span id={`${id}-problem`} role="status"
    style={{ fontSize: 13, color: "#92400e" }}>{problem}</span> : null}
  </span>;
}

// What the candidate reads when the microphone cannot be opened: the room text by the
// DOMException name.
const MICROPHONE_PROBLEMS = {
  NotAllowedError: "mic_blocked",
  NotFoundError: "mic_not_found",
  NotReadableError: "mic_busy",
};

// A live level meter from the browser's audio input (Web Audio AnalyserNode), so the check
// shows that the microphone really hears the candidate.
export function MicLevel({ texts, id }) {
  const [status, setStatus] = useState("idle");  // idle | asking | live | problem
  const [level, setLevel] = useState(0);
  const [heard, setHeard] = useState(false);
  const [problem, setProblem] = useState("");
  const open = useRef(null);

  const stop = () => {
    const current = open.current;
    open.current = null;
    if (!current) return;
    clearInterval(current.timer);
    current.stream.getTracks().forEach((track) => track.stop());
    current.context.close();
  };
  useEffect(() => stop, []);

  const start = async () => {
    const Context = typeof window !== "undefined" && (window.AudioContext || window.webkitAudioContext);
    if (!Context || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      setStatus("problem");
      setProblem(say(texts, "mic_unsupported"));
      return;
    }
    setStatus("asking");
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const context = new Context();
      const analyser = context.createAnalyser();
      analyser.fftSize = 1024;
      context.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      const timer = setInterval(() => {
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
        // Speech at a normal distance has an RMS of roughly 0.02-0.2: scale that to the bar.
        const value = Math.min(100, Math.round(Math.sqrt(sum / samples.length) * 400));
        setLevel(value);
        if (value >= 4) setHeard(true);
      }, 100);
      open.current = { stream, context, timer };
      setStatus("live");
    } catch (error) {
      setStatus("problem");
      setProblem(say(texts, MICROPHONE_PROBLEMS[error && error.name] || "mic_failed"));
    }
  };

  const button = { padding: "6px 12px", borderRadius: 8, cursor: "pointer", fontSize: 14,
    border: "1px solid #cbd5e1", background: "white", color: "#334155" };
  return <div id={id} data-state={status} data-level={level} data-heard={heard ? "yes" : "no"}
    style={{ display: "flex", flexDirection: "column", gap: 6, width: "100%", maxWidth: 360 }}>
    {status === "live"
      ? <button type="button" style={button} onClick={() => { stop(); setStatus("idle"); setLevel(0); }}>
          {say(texts, "mic_stop")}</button>
      : <button type="button" style={button} onClick={start} disabled={status === "asking"}>
          {say(texts, "mic_start")}</button>}
    {status === "live" ? <div role="meter" aria-label={say(texts, "mic_level")} aria-valuemin={0}
        aria-valuemax={100} aria-valuenow={level}
        style={{ height: 10, borderRadius: 5, background: "#e2e8f0", overflow: "hidden" }}>
        <div style={{ width: `${level}%`, height: "100%", background: "#16a34a",
          transition: "width 90ms linear" }} />
      </div> : null}
    {status === "live" ? <span style={{ fontSize: 13, color: "#475569" }}>
      {say(texts, heard ? "mic_heard" : "mic_say_something")}</span> : null}
    {status === "problem" ? <span role="status" style={{ fontSize: 13, color: "#92400e" }}>
      {problem}</span> : null}
  </div>;
}

function clearDrafts(prefix) {
  for (let i = window.localStorage.length - 1; i >= 0; i--) {
    const key = window.localStorage.key(i);
    if (key && key.startsWith(prefix)) window.localStorage.removeItem(key);
  }
}

// Keeps the typed answer in this browser's localStorage (per link and question) so a reload
// does not lose it; an empty answer (sent, or erased) clears the link's drafts.
export function DraftKeeper({ prefix, question, value, onRestore }) {
  const key = prefix ? `${prefix}:${question}` : "";
  const pending = useRef(null);
  const ready = useRef("");

  useEffect(() => {
    if (!key) return;
    let saved = null;
    try { saved = window.localStorage.getItem(key); } catch (error) { saved = null; }
    pending.current = saved && !value ? saved : null;
    ready.current = key;
    if (pending.current !== null && onRestore) onRestore(pending.current);
  }, [key]);

  useEffect(() => {
    if (!key || ready.current !== key) return;
    if (pending.current !== null) {
      if (value !== pending.current) return;  // the restored text has not come back yet
      pending.current = null;
    }
    try {
      if (value) window.localStorage.setItem(key, value);
      else clearDrafts(prefix);
    } catch (error) {
      // Storage full or disabled (private mode): the answer box still works.
    }
  }, [key, value]);
  return null;
}

function remaining(deadline) {
  const end = Date.parse(deadline);
  if (Number.isNaN(end)) return null;
  return Math.max(0, Math.round((end - Date.now()) / 1000));
}

export function Countdown({ deadline, texts, id }) {
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
  }}>{seconds === 0 ? say(texts, "countdown_over")
                    : say(texts, "countdown_left", { time: `${minutes}:${rest}` })}</span>;
}
