// The interview room's webcam widget, wrapped for Reflex by hireops/components/webcam.py.
//
// Shows the candidate their own preview, counts faces with MediaPipe's face detector and
// reports every few seconds; every ~10 s it also sends one small JPEG for the server to check
// with the same model. The wasm runtime and the model come from the app's own assets
// (scripts/install_webcam_assets.py puts them there): nothing is loaded from another origin.
import { useEffect, useRef, useState } from "react";

// Four detections a second are enough to time absences and cost little CPU.
const SAMPLE_EVERY_MS = 250;
// A throttled background tab can stall timers; one stall must not count as minutes of
// "two faces".
const MAX_SAMPLE_GAP_MS = 5000;
const FRAME_MAX_WIDTH = 320;
const FRAME_JPEG_QUALITY = 0.8;
// Same formula and constants as attention_score in hireops/services/interviews/webcam.py.
const NEAR_FACE_SHARE = 0.2;
const CENTRING_WEIGHT = 0.6;

function attentionScore(box, width, height) {
  const centreX = (box.originX + box.width / 2) / width;
  const centreY = (box.originY + box.height / 2) / height;
  const offset = Math.hypot((centreX - 0.5) * 2, (centreY - 0.5) * 2) / Math.SQRT2;
  const centring = 1 - Math.min(offset, 1);
  const nearness = Math.min(box.width / Math.min(width, height) / NEAR_FACE_SHARE, 1);
  return 100 * (CENTRING_WEIGHT * centring + (1 - CENTRING_WEIGHT) * nearness);
}

function largestBox(detections) {
  let best = null;
  for (const detection of detections) {
    const box = detection.boundingBox;
    if (box && (!best || box.width * box.height > best.width * best.height)) best = box;
  }
  return best;
}

function cameraErrorReason(error) {
  switch (error && error.name) {
    case "NotAllowedError":
    case "SecurityError":
      return "permission_denied";
    case "NotFoundError":
    case "OverconstrainedError":
      return "no_camera";
    case "NotReadableError":
    case "AbortError":
      return "camera_busy";
    default:
      return "camera_failed";
  }
}

const round1 = (value) => Math.round(value * 10) / 10;

function newWindow(now) {
  return { startedAt: now, samples: 0, oneFace: 0, attentionSum: 0, attentionCount: 0,
           maxFaces: 0, multiFaceMs: 0, longestAbsenceMs: 0 };
}

// The widget's words in the room's language (`texts`, the room texts by key), English when
// the page passes none.
function word(texts, key, english, values) {
  let text = (texts && texts[key]) || english;
  for (const [name, value] of Object.entries(values || {})) {
    text = text.split(`{${name}}`).join(String(value));
  }
  return text;
}

function statusText(phase, faces, error, texts) {
  if (phase === "off") return word(texts, "webcam_off", "Webcam analysis is off");
  if (phase === "starting") return word(texts, "webcam_starting", "Starting camera…");
  if (phase === "loading") return word(texts, "webcam_loading", "Loading face detection…");
  if (phase === "error") {
    return word(texts, "webcam_unavailable", "Camera unavailable: {error}", { error });
  }
  if (phase !== "running" || faces === null) return "";
  if (faces === 0) return word(texts, "webcam_no_face", "No face");
  if (faces === 1) return word(texts, "webcam_one_face", "Face visible");
  return word(texts, "webcam_faces", "{count} faces", { count: faces });
}

const BADGE_COLOURS = { 0: "#b45309", 1: "#15803d" };

export function WebcamTracker({
  id,
  active = true,
  reportEveryMs = 5000,
  frameEveryMs = 10000,
  wasmPath = "/mediapipe/wasm",
  modelPath = "/mediapipe/face_detection_short_range.tflite",
  onSignals,
  onFrame,
  onCameraError,
  texts,
}) {
  const videoRef = useRef(null);
  // The handlers change identity on every render; the camera must not restart for that.
  const handlers = useRef({});
  handlers.current = { onSignals, onFrame, onCameraError };
  const [phase, setPhase] = useState("idle");
  const [faces, setFaces] = useState(null);
  const [error, setError] = useState("");
  const [videoSize, setVideoSize] = useState(null);

  useEffect(() => {
    if (!active) {
      setPhase("off");
      setFaces(null);
      return undefined;
    }
    let cancelled = false;
    let stream = null;
    let detector = null;
    const timers = [];
    const canvas = document.createElement("canvas");

    const fail = (reason, message) => {
      if (cancelled) return;
      setPhase("error");
      setError(message);
      handlers.current.onCameraError?.({ reason, message });
    };

    const run = () => {
      const video = videoRef.current;
      let win = newWindow(performance.now());
      let lastSampleAt = null;
      let absenceStartedAt = null;
      let lastTimestamp = 0;
      // detectForVideo needs strictly increasing timestamps.
      const timestamp = () => {
        lastTimestamp = Math.max(performance.now(), lastTimestamp + 1);
        return lastTimestamp;
      };

      const sample = () => {
        if (video.readyState < 2 || !video.videoWidth) return;
        const now = performance.now();
        const width = video.videoWidth;
        const height = video.videoHeight;
        const detections = detector.detectForVideo(video, timestamp()).detections;
        const count = detections.length;
        const gap = lastSampleAt === null ? 0 : Math.min(now - lastSampleAt, MAX_SAMPLE_GAP_MS);
        lastSampleAt = now;
        win.samples += 1;
        win.maxFaces = Math.max(win.maxFaces, count);
        if (count === 1) win.oneFace += 1;
        if (count >= 2) win.multiFaceMs += gap;
        const box = largestBox(detections);
        if (box) {
          win.attentionSum += attentionScore(box, width, height);
          win.attentionCount += 1;
        }
        // An absence is timed from its real start, even when that was in an earlier window.
        if (count === 0) {
          if (absenceStartedAt === null) absenceStartedAt = now;
          win.longestAbsenceMs = Math.max(win.longestAbsenceMs, now - absenceStartedAt);
        } else {
          absenceStartedAt = null;
        }
        setFaces(count);
        setVideoSize((size) => (size && size.width === width && size.height === height
          ? size : { width, height }));
      };

      const report = () => {
        const now = performance.now();
        const done = win;
        win = newWindow(now);
        if (!done.samples) return;
        handlers.current.onSignals?.({
          window_s: round1((now - done.startedAt) / 1000),
          samples: done.samples,
          face_present_pct: round1((100 * done.oneFace) / done.samples),
          attention: done.attentionCount ? round1(done.attentionSum / done.attentionCount) : null,
          max_faces: done.maxFaces,
          multi_face_s: round1(done.multiFaceMs / 1000),
          longest_absence_s: round1(done.longestAbsenceMs / 1000),
          video_width: video.videoWidth,
          video_height: video.videoHeight,
        });
      };

      const sendFrame = () => {
        if (video.readyState < 2 || !video.videoWidth) return;
        const scale = Math.min(1, FRAME_MAX_WIDTH / video.videoWidth);
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        canvas.getContext("2d").drawImage(video, 0, 0, canvas.width, canvas.height);
        // Counted on the very pixels sent, so the server's count is comparable.
        const count = detector.detectForVideo(canvas, timestamp()).detections.length;
        const jpeg = canvas.toDataURL("image/jpeg", FRAME_JPEG_QUALITY).split(",")[1];
        handlers.current.onFrame?.({ jpeg, width: canvas.width, height: canvas.height,
                                     faces: count });
      };

      const guarded = (step) => () => {
        try {
          step();
        } catch (err) {
          // One failed detection (e.g. a frame not decoded yet) is skipped, not fatal.
          console.warn("webcam tracker:", err);
        }
      };
      timers.push(setInterval(guarded(sample), SAMPLE_EVERY_MS));
      timers.push(setInterval(guarded(report), reportEveryMs));
      if (frameEveryMs > 0) {
        // The first check comes early, so even a short session has one.
        timers.push(setTimeout(guarded(sendFrame), Math.min(3000, frameEveryMs)));
        timers.push(setInterval(guarded(sendFrame), frameEveryMs));
      }
    };

    const start = async () => {
      setPhase("starting");
      setError("");
      if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
        fail("unsupported", "this page cannot open a camera (a secure https address is needed)");
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: "user" },
          audio: false,
        });
      } catch (err) {
        fail(cameraErrorReason(err), (err && err.message) || String(err));
        return;
      }
      if (cancelled) return;
      for (const track of stream.getVideoTracks()) {
        track.addEventListener("ended", () => fail("camera_lost", "the camera was disconnected"));
      }
      const video = videoRef.current;
      video.srcObject = stream;
      try {
        await video.play();
      } catch (err) {
        // A muted inline video may still be starting; detection waits for its frames.
      }
      setPhase("loading");
      try {
        // Loaded on the client only, and only once a camera is actually in use.
        const { FilesetResolver, FaceDetector } = await import("@mediapipe/tasks-vision");
        const fileset = await FilesetResolver.forVisionTasks(wasmPath);
        detector = await FaceDetector.createFromOptions(fileset, {
          baseOptions: { modelAssetPath: modelPath, delegate: "CPU" },
          runningMode: "VIDEO",
          minDetectionConfidence: 0.5,
        });
      } catch (err) {
        fail("model_failed", `face detection could not load (${(err && err.message) || err})`);
        return;
      }
      if (cancelled) return;
      setPhase("running");
      run();
    };

    start();
    return () => {
      cancelled = true;
      timers.forEach((timer) => clearInterval(timer));
      if (stream) stream.getTracks().forEach((track) => track.stop());
      if (detector) detector.close();
      if (videoRef.current) videoRef.current.srcObject = null;
    };
  }, [active, reportEveryMs, frameEveryMs, wasmPath, modelPath]);

  const running = phase === "running" && faces !== null;
  const ratio = videoSize ? `${videoSize.width} / ${videoSize.height}` : "16 / 9";
  return (
    <div
      id={id}
      data-phase={phase}
      data-faces={faces === null ? "" : String(faces)}
      data-video-width={videoSize ? videoSize.width : ""}
      data-video-height={videoSize ? videoSize.height : ""}
      style={{ display: "flex", flexDirection: "column", gap: "8px", width: "100%" }}
    >
      <div style={{ position: "relative", width: "100%", aspectRatio: ratio,
                    borderRadius: "12px", overflow: "hidden", background: "#0f172a" }}>
        <video
          ref={videoRef}
          autoPlay
          muted
          playsInline
          // Mirrored, as people expect to see themselves.
          style={{ width: "100%", height: "100%", objectFit: "cover", display: "block",
                   transform: "scaleX(-1)", visibility: phase === "off" ? "hidden" : "visible" }}
        />
        {running && (
          <span
            data-testid="face-count"
            style={{ position: "absolute", top: "10px", left: "10px", padding: "2px 10px",
                     borderRadius: "999px", color: "white", fontSize: "13px", fontWeight: 600,
                     background: BADGE_COLOURS[faces] || "#b91c1c" }}
          >
            {faces === 1 ? word(texts, "webcam_badge_one", "1 face")
                         : word(texts, "webcam_faces", "{count} faces", { count: faces })}
          </span>
        )}
      </div>
      <span data-testid="webcam-status" style={{ fontSize: "14px", color: "#475569" }}>
        {statusText(phase, faces, error, texts)}
      </span>
    </div>
  );
}
