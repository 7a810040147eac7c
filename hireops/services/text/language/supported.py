"""The languages HireOps speaks to candidates in, and how any other code falls back."""

from __future__ import annotations

from typing import Literal

Language = Literal["en", "fr", "de", "es"]
# English first: it is the fallback for every language HireOps does not speak.
SUPPORTED_LANGUAGES: tuple[Language, ...] = ("en", "fr", "de", "es")
DEFAULT_LANGUAGE: Language = "en"
# Shown to HR in the language picker, each name in its own language.
LANGUAGE_NAMES: dict[Language, str] = {
    "en": "English", "fr": "Français", "de": "Deutsch", "es": "Español"}
# The browser's speech recognition and synthesis voice for each language (BCP 47).
SPEECH_LOCALES: dict[Language, str] = {
    "en": "en-US", "fr": "fr-FR", "de": "de-DE", "es": "es-ES"}


def supported_language(code: object) -> Language:
    """`code` if HireOps speaks it ('fr', 'FR', 'fr-CA' -> 'fr'), else English."""
    base = str(code or "").strip().lower().replace("_", "-").split("-", 1)[0]
    return base if base in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE  # type: ignore[return-value]
