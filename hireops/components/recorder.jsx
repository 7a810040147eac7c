// The interview room's consented recording: MediaRecorder on the camera and microphone, one
// chunk every few seconds uploaded in order to the server (so a closed tab loses at most the
// last few seconds), the time each question appears, and when the microphone hears a voice.
// Voice activity is an RMS level over a threshold (Web Audio AnalyserNode): it measures how
// long the candidate speaks and pauses, and nothing about how they sound or feel.
import { useEffect, useRef, useState } from "react";

const TYPES = ["video/webm;codecs=vp8,opus", "video/webm", "video/mp4"];
// RMS of the time-domain signal above which a frame counts as voice, and how long a voice
// may drop before its span ends (the gaps between syllables are not pauses).
const VOICE_RMS = 0.015;
const VOICE_HANGOVER_MS = 400;
const SAMPLE_EVERY_MS = 100;
// Retries of one chunk after a network failure or a server error, with growing waits.
const RETRIES = 5;

function say(texts, key) {
  return (texts && texts[key]) || key;
}

function pickType() {
  if (typeof MediaRecorder === "undefined") return null;
  return TYPES.find((type) => MediaRecorder.isTypeSupported(type)) || "";
}

export function Recorder({ uploadUrl, active, question, texts, timesliceMs, id }) {
  const [state, setState] = useState("idle");
  const [uploaded, setUploaded] = useState(0);
  const run = useRef(null);

  useEffect(() => {
    if (!active || !uploadUrl) return undefined;
    const type = pickType();
    if (type === null || !navigator.mediaDevices) {
      setState("unsupported");
      return undefined;
    }
    let cancelled = false;
    const current = { queue: [], sending: false, index: 0, marks: [], speech: [], stopped: false };
    run.current = current;
    const elapsed = () => Math.round(performance.now() - current.startedAt);

    const stop = (why) => {
      current.stopped = true;
      if (current.recorder && current.recorder.state !== "inactive") current.recorder.stop();
      setState(why);
    };

    const pump = async () => {
      if (current.sending) return;
      current.sending = true;
      while (current.queue.length && !cancelled) {
        const chunk = current.queue[0];
        let answer = null;
        for (let attempt = 0; attempt <= RETRIES; attempt++) {
          try {
            answer = await fetch(`${uploadUrl}/chunks/${chunk.index}`, {
              method: "POST", body: chunk.blob, keepalive: chunk.blob.size < 60000,
              headers: { "Content-Type": current.type,
                         "X-Recording-Meta": JSON.stringify(chunk.meta) },
            });
          } catch (error) {
            answer = null;
          }
          if (answer && answer.status < 500) break;
          await new Promise((done) => setTimeout(done, 1000 * (attempt + 1)));
        }
        if (!answer || !answer.ok) {
          // A refusal (size limit, interview closed) ends the recording, never the interview.
          current.queue = [];
          stop("stopped");
          break;
        }
        current.queue.shift();
        setUploaded(chunk.index + 1);
      }
      current.sending = false;
    };

    const listen = (stream) => {
      const AudioContext = window.AudioContext || window.webkitAudioContext;
      if (!AudioContext || !stream.getAudioTracks().length) return;
      const context = new AudioContext();
      const analyser = context.createAnalyser();
      analyser.fftSize = 2048;
      context.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      let voiceFrom = null;
      let lastVoice = 0;
      current.audio = context;
      current.sampler = setInterval(() => {
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const value of samples) sum += value * value;
        const now = elapsed();
        if (Math.sqrt(sum / samples.length) > VOICE_RMS) {
          if (voiceFrom === null) voiceFrom = now;
          lastVoice = now;
        } else if (voiceFrom !== null && now - lastVoice > VOICE_HANGOVER_MS) {
          current.speech.push([voiceFrom, Math.max(lastVoice, voiceFrom + 1)]);
          voiceFrom = null;
        }
      }, SAMPLE_EVERY_MS);
      current.flushVoice = () => {
        if (voiceFrom !== null) {
          current.speech.push([voiceFrom, Math.max(elapsed(), voiceFrom + 1)]);
          voiceFrom = null;
        }
      };
    };

    navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360 }, audio: true })
      .then((stream) => {
        if (cancelled) {
          stream.getTracks().forEach((track) => track.stop());
          return;
        }
        current.stream = stream;
        const recorder = type ? new MediaRecorder(stream, { mimeType: type })
                              : new MediaRecorder(stream);
        current.recorder = recorder;
        current.type = (recorder.mimeType || type || "video/webm").split(";")[0];
        recorder.ondataavailable = (event) => {
          if (!event.data || !event.data.size) return;
          if (recorder.state === "inactive" && current.flushVoice) current.flushVoice();
          const meta = { duration_ms: elapsed(), marks: current.marks.splice(0),
                         speech: current.speech.splice(0) };
          current.queue.push({ index: current.index++, blob: event.data, meta });
          pump();
        };
        current.startedAt = performance.now();
        current.marks.push({ question: current.question || 1, at_ms: 0 });
        listen(stream);
        recorder.start(timesliceMs || 3000);
        setState("recording");
      })
      .catch(() => setState("unsupported"));

    return () => {
      // The interview ended (or the page is leaving): the last chunk still goes out.
      if (current.recorder && current.recorder.state !== "inactive") current.recorder.stop();
      if (current.sampler) clearInterval(current.sampler);
      if (current.audio) current.audio.close();
      if (current.stream) current.stream.getTracks().forEach((track) => track.stop());
      setState((now) => (now === "recording" ? "finished" : now));
    };
  }, [active, uploadUrl]);

  useEffect(() => {
    const current = run.current;
    if (!current) return;
    if (current.startedAt === undefined) {
      current.question = question;
    } else if (question && !current.stopped) {
      current.marks.push({ question, at_ms: Math.round(performance.now() - current.startedAt) });
    }
  }, [question]);

  if (state === "idle" || state === "finished") {
    return <span id={id} data-state={state} data-chunks={uploaded} />;
  }
  const recording = state === "recording";
  return (
    <span id={id} data-state={state} data-chunks={uploaded}
          style={{ display: "inline-flex", alignItems: "center", gap: 6, fontSize: 13,
                   color: recording ? "#b91c1c" : "#64748b" }}>
      {recording && <span style={{ width: 8, height: 8, borderRadius: 4,
                                   background: "#dc2626" }} />}
      {say(texts, recording ? "recording_on"
                            : state === "stopped" ? "recording_stopped" : "recording_unsupported")}
    </span>
  );
}
