"""Every text the interview room shows a candidate, in the candidate's language.

The texts are data files, one per language (knowledge/data/room/<lang>.json), read and checked
against English like every text candidates read (`text/language/text_files.py`): every other
language must have exactly English's keys, and each text the same `{placeholders}`.
"""

from __future__ import annotations

from hireops.services.text.language.text_files import placeholders, text_in, texts_in

FOLDER = "room"

__all__ = ["placeholders", "room_text", "room_texts"]


def room_texts(language: str) -> dict[str, str]:
    """The room's texts in `language` (English for any language HireOps does not speak)."""
    return texts_in(FOLDER, language)


def room_text(language: str, key: str, **values: object) -> str:
    """One text of the room with its placeholders filled (`values` by name)."""
    return text_in(FOLDER, language, key, **values)
