"""The interview room: links, the built-in interviewer, webcam signals and voice interviews."""
