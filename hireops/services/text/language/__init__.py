"""The candidate's language: detected from what they send, changed by HR, used for every
email template, the built-in interviewer's questions and the voice agent."""
