// The ElevenLabs voice interviewer for the interview room, wrapped for Reflex
// (hireops/components/voice_interview.py). `useConversation` only works inside a
// `ConversationProvider`, so this file pairs them and exposes one component.
//
// The server decides when a conversation starts: the start button asks for it
// (onStartRequest), the server mints a single-use credential and sets `started`.
// Each credential is used once; a reload or a dropped call needs a new one.
// Worklets and libsamplerate load from this app's own assets (assetBase), never a CDN.
import React, { useEffect, useRef } from "react";
import { ConversationProvider, useConversation } from "@elevenlabs/react";

const styles = {
  root: { display: "flex", alignItems: "center", gap: "14px", flexWrap: "wrap" },
  button: {
    padding: "10px 18px", borderRadius: "8px", border: "none", cursor: "pointer",
    fontSize: "15px", fontWeight: 600, color: "white",
  },
  indicator: { display: "flex", alignItems: "center", gap: "8px", fontSize: "14px" },
  dot: { width: "12px", height: "12px", borderRadius: "50%" },
};

const DOT_COLOURS = {
  speaking: "#4f46e5", listening: "#16a34a", connecting: "#d97706", idle: "#94a3b8",
};

function sessionOptions({ conversationToken, signedUrl, agentId, dynamicVariables, assetBase }) {
  const base = (assetBase || "/elevenlabs").replace(/\/$/, "");
  const options = {
    dynamicVariables: dynamicVariables || {},
    workletPaths: {
      rawAudioProcessor: `${base}/rawAudioProcessor.js`,
      audioConcatProcessor: `${base}/audioConcatProcessor.js`,
    },
    libsampleratePath: `${base}/libsamplerate.worklet.js`,
  };
  if (conversationToken) {
    return { ...options, conversationToken, connectionType: "webrtc" };
  }
  if (signedUrl) {
    return { ...options, signedUrl, connectionType: "websocket" };
  }
  return { ...options, agentId };
}

function VoiceSession(props) {
  const {
    conversationToken, signedUrl, agentId, started, contextUpdate, startLabel, stopLabel, texts,
    onConnect, onMessage, onDisconnect, onError, onStartRequest, id, className, style,
  } = props;
  const credential = conversationToken || signedUrl || agentId || "";
  // The credential the last session was started with: never start twice with one.
  const usedCredential = useRef("");
  const contextSent = useRef(false);

  const conversation = useConversation({
    onConnect: ({ conversationId }) => onConnect?.({ conversation_id: conversationId || "" }),
    onMessage: ({ role, source, message }) =>
      onMessage?.({ source: role === "agent" || source === "ai" ? "ai" : "user", message }),
    onDisconnect: (details) => onDisconnect?.({ reason: details?.reason || "unknown" }),
    onError: (message) => onError?.({ message: String(message || "Unknown error") }),
  });
  const { status, isSpeaking } = conversation;
  const live = status === "connected" || status === "connecting";

  useEffect(() => {
    if (started && credential && !live && usedCredential.current !== credential) {
      usedCredential.current = credential;
      contextSent.current = false;
      conversation.startSession(sessionOptions(props));
    } else if (!started && live) {
      conversation.endSession();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [started, credential, live]);

  useEffect(() => {
    // After a reload the agent is told what was already said, once per session.
    if (status === "connected" && contextUpdate && !contextSent.current) {
      contextSent.current = true;
      conversation.sendContextualUpdate(contextUpdate);
    }
  }, [status, contextUpdate, conversation]);

  const waiting = started && !live && usedCredential.current !== credential;
  const mode = status === "connected" ? (isSpeaking ? "speaking" : "listening")
    : (status === "connecting" || waiting ? "connecting" : "idle");
  // The indicator in the room's language (`texts`, the room texts by key), else English.
  const [key, english] = {
    speaking: ["voice_speaking", "The interviewer is speaking"],
    listening: ["voice_listening", "Listening to you"],
    connecting: ["voice_connecting", "Connecting…"],
    idle: status === "error" ? ["voice_disconnected_error", "Disconnected by an error"]
                             : ["voice_not_connected", "Not connected"],
  }[mode];
  const text = (texts && texts[key]) || english;

  const onClick = () => (live ? conversation.endSession() : onStartRequest?.());
  return (
    <div id={id} className={className} style={{ ...styles.root, ...(style || {}) }}>
      <button
        type="button"
        onClick={onClick}
        disabled={waiting}
        style={{ ...styles.button, background: live ? "#dc2626" : "#4f46e5",
                 opacity: waiting ? 0.6 : 1 }}
      >
        {live ? stopLabel || "End interview" : startLabel || "Start interview"}
      </button>
      <span style={styles.indicator} role="status" aria-live="polite" data-mode={mode}>
        <span style={{ ...styles.dot, background: DOT_COLOURS[mode] }} />
        {text}
      </span>
    </div>
  );
}

export default function VoiceInterview(props) {
  return (
    <ConversationProvider>
      <VoiceSession {...props} />
    </ConversationProvider>
  );
}
