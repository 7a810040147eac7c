"""Texts candidates read, one data file per language (knowledge/data/<folder>/<lang>.json),
each a flat object of key -> text. English is the reference: every other language must have
exactly its keys and, in each text, its `{placeholders}`, or loading refuses the file with the
key named."""

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


def _read(folder: str, language: str) -> dict[str, str]:
    name = f"{folder}/{language}.json"
    texts = read_json(name)
    if not isinstance(texts, dict):
        raise KnowledgeError(f"{name}: expected an object of texts")
    for key, text in texts.items():
        if not isinstance(text, str) or not text:
            raise KnowledgeError(f"{name}.{key}: expected a non-empty text, got {text!r}")
    return texts


@cache
def texts_in(folder: str, language: str) -> dict[str, str]:
    """The texts of `folder` in `language` (English for one HireOps does not speak), checked
    against the English file."""
    language = supported_language(language)
    english = _read(folder, DEFAULT_LANGUAGE)
    if language == DEFAULT_LANGUAGE:
        return dict(english)
    texts, name = _read(folder, language), f"{folder}/{language}.json"
    missing, unknown = set(english) - set(texts), set(texts) - set(english)
    if missing or unknown:
        raise KnowledgeError(f"{name}: missing {sorted(missing)}, unknown {sorted(unknown)}")
    for key, text in texts.items():
        if placeholders(text) != placeholders(english[key]):
            raise KnowledgeError(f"{name}.{key}: placeholders {sorted(placeholders(text))} "
                                 f"differ from English {sorted(placeholders(english[key]))}")
    return dict(texts)


def text_in(folder: str, language: str | None, key: str, **values: object) -> str:
    """One text of `folder` in `language`, its `{placeholders}` filled by name."""
    text = texts_in(folder, language or DEFAULT_LANGUAGE)[key]
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)
