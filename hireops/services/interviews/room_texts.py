"""Every text the interview room shows a candidate, in the candidate's language.

The texts are data files, one per language (knowledge/data/room/<lang>.json), each a flat
object of key -> text. English is the reference: every other language must have exactly its
keys, and each text the same `{placeholders}`, or loading refuses the file with the key named.
"""

from __future__ import annotations

import re
from functools import cache

from hireops.knowledge.loading import KnowledgeError, read_json
from hireops.services.text.language.supported import DEFAULT_LANGUAGE, supported_language

# Linear: a brace, letters and underscores, a brace.
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def placeholders(text: str) -> set[str]:
    """The `{names}` a text expects to have filled in."""
    return set(_PLACEHOLDER.findall(text))


def _read(language: str) -> dict[str, str]:
    name = f"room/{language}.json"
    texts = read_json(name)
    if not isinstance(texts, dict):
        raise KnowledgeError(f"{name}: expected an object of texts")
    for key, text in texts.items():
        if not isinstance(text, str) or not text:
            raise KnowledgeError(f"{name}.{key}: expected a non-empty text, got {text!r}")
    return texts


@cache
def room_texts(language: str) -> dict[str, str]:
    """The room's texts in `language` (English for any language HireOps does not speak),
    checked against the English file."""
    language = supported_language(language)
    english = _read(DEFAULT_LANGUAGE)
    if language == DEFAULT_LANGUAGE:
        return dict(english)
    texts = _read(language)
    name = f"room/{language}.json"
    missing, unknown = set(english) - set(texts), set(texts) - set(english)
    if missing or unknown:
        raise KnowledgeError(f"{name}: missing {sorted(missing)}, unknown {sorted(unknown)}")
    for key, text in texts.items():
        if placeholders(text) != placeholders(english[key]):
            raise KnowledgeError(f"{name}.{key}: placeholders {sorted(placeholders(text))} "
                                 f"differ from English {sorted(placeholders(english[key]))}")
    return dict(texts)


def room_text(language: str, key: str, **values: object) -> str:
    """One text of the room with its placeholders filled (`values` by name)."""
    text = room_texts(language)[key]
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)

