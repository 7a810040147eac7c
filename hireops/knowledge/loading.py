"""Reading the knowledge files: JSON into frozen dataclasses, with errors that name the entry."""

from __future__ import annotations

import json
import types
import typing
from dataclasses import MISSING, fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

DATA_DIR = Path(__file__).resolve().parent / "data"

T = TypeVar("T")


class KnowledgeError(ValueError):
    """A knowledge file does not have the shape its loader expects."""


@cache
def read_json(name: str) -> Any:
    """One file of `data/`, parsed (cached: each file is read once per process)."""
    path = DATA_DIR / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise KnowledgeError(f"{name}: {error}") from error


def _convert(value: Any, hint: Any, where: str) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any:
        return value
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _convert(value, inner[0], where)
    if origin is tuple:
        if not isinstance(value, list):
            raise KnowledgeError(f"{where}: expected a list, got {type(value).__name__}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(v, args[0], f"{where}[{i}]") for i, v in enumerate(value))
        if len(args) != len(value):
            raise KnowledgeError(f"{where}: expected {len(args)} items, got {len(value)}")
        return tuple(_convert(v, a, f"{where}[{i}]") for i, (v, a) in enumerate(zip(value, args)))
    if origin is dict:
        if not isinstance(value, dict):
            raise KnowledgeError(f"{where}: expected an object, got {type(value).__name__}")
        return {_convert(k, args[0], where): _convert(v, args[1], f"{where}.{k}")
                for k, v in value.items()}
    if origin is typing.Literal:
        if value not in args:
            raise KnowledgeError(f"{where}: {value!r} is not one of {', '.join(map(str, args))}")
        return value
    if is_dataclass(hint):
        return build(hint, value, where)
    if hint in (str, int, float, bool):
        # bool is an int in Python, and an int where a str belongs is a typo in the file.
        if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
            raise KnowledgeError(f"{where}: expected {hint.__name__}, got {value!r}")
        return value
    return value


def build(cls: type[T], data: Any, where: str) -> T:
    """A `cls` from a JSON object: every field checked against its annotation, unknown keys and
    missing required fields refused."""
    if not isinstance(data, dict):
        raise KnowledgeError(f"{where}: expected an object, got {type(data).__name__}")
    hints = typing.get_type_hints(cls)
    known = {f.name: f for f in fields(cls)}
    unknown = set(data) - set(known)
    if unknown:
        raise KnowledgeError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    values = {}
    for name, spec in known.items():
        if name in data:
            values[name] = _convert(data[name], hints[name], f"{where}.{name}")
        elif spec.default is MISSING and spec.default_factory is MISSING:
            raise KnowledgeError(f"{where}: missing field {name}")
    return cls(**values)


def build_all(cls: type[T], items: dict[str, Any], where: str) -> dict[str, T]:
    """`build` for every entry of a JSON object, keeping its keys and order."""
    if not isinstance(items, dict):
        raise KnowledgeError(f"{where}: expected an object")
    return {key: build(cls, value, f"{where}.{key}") for key, value in items.items()}
