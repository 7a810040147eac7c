"""`.env.example`, written from the Settings class: every variable, its default and the comment
above it in hireops/config.py (that comment is the documentation, so it is required).

A comment covers the fields right below it up to a blank line or the next comment, as a reader
of config.py takes it. `python -m hireops env-example` prints the file; a test fails when the
committed copy differs or a setting has no comment.
"""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from pydantic import SecretStr
from pydantic.fields import FieldInfo
from pydantic_settings import NoDecode

from hireops import config
from hireops.config import PROJECT_ROOT, Settings

ENV_EXAMPLE = PROJECT_ROOT / ".env.example"
HEADER = """\
# HireOps settings. Copy to .env (or set them in the environment) and uncomment what you change;
# a commented line shows the default. Names are case-insensitive.
# Written by `python -m hireops env-example > .env.example` from hireops/config.py: edit there."""


class UndocumentedSetting(ValueError):
    """A setting in config.py has no comment above it."""


@dataclass(frozen=True)
class _Block:
    """Comment lines and the fields they describe, in config.py's order."""

    comment: list[str]
    fields: list[str]


def render_env_example() -> str:
    """The text of `.env.example` for the Settings class as it is now."""
    out = [HEADER]
    for block in setting_blocks(Path(config.__file__).read_text(encoding="utf-8")):
        out.append("")
        out += [f"# {line}".rstrip() for line in block.comment]
        for name in block.fields:
            info = Settings.model_fields[name]
            choices = _choices(info)
            if choices:
                out.append(f"# (one of: {', '.join(choices)})")
            out.append(f"# {_env_name(name, info)}={_default_text(info)}")
    return "\n".join(out) + "\n"


def setting_blocks(source: str) -> list[_Block]:
    """The Settings fields of config.py's `source` grouped under their comments; raises
    UndocumentedSetting for a field no comment covers."""
    lines = source.splitlines()
    settings_class = next(node for node in ast.parse(source).body
                          if isinstance(node, ast.ClassDef) and node.name == "Settings")
    blocks: list[_Block] = []
    previous_end = 0  # last line of the previous field
    for node in settings_class.body:
        if not (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)):
            continue
        name = node.target.id
        if name == "model_config":
            continue
        comment = _comment_above(lines, node.lineno - 1)
        if comment:
            blocks.append(_Block(comment=comment, fields=[name]))
        elif blocks and previous_end == node.lineno - 1:  # right below a commented field
            blocks[-1].fields.append(name)
        else:
            raise UndocumentedSetting(
                f"Setting {name} (hireops/config.py line {node.lineno}) has no comment: say in "
                "one line what it is for, then run `python -m hireops env-example > "
                ".env.example`.")
        previous_end = node.end_lineno or node.lineno
    return blocks


def _comment_above(lines: list[str], index: int) -> list[str]:
    """The `#` lines directly above line `index` (0-based), top to bottom."""
    found: list[str] = []
    row = index - 1
    while row >= 0 and lines[row].strip().startswith("#"):
        found.insert(0, lines[row].strip().lstrip("#").strip())
        row -= 1
    return found


def _env_name(name: str, info: FieldInfo) -> str:
    alias = info.validation_alias
    return (alias if isinstance(alias, str) else name).upper()


def _choices(info: FieldInfo) -> list[str]:
    args = get_args(info.annotation)  # Literal["a", "b"] -> ("a", "b")
    return list(args) if args and all(isinstance(arg, str) for arg in args) else []


def _default_text(info: FieldInfo) -> str:
    value = info.get_default(call_default_factory=True)
    if any(isinstance(marker, NoDecode) or marker is NoDecode for marker in info.metadata):
        # NoDecode lists are read as comma-separated text, not JSON.
        return ",".join(str(item) for item in value)
    return _as_env_value(value)


def _as_env_value(value: Any) -> str:
    """How the default is written in an env file (pydantic-settings reads it back the same)."""
    if value is None:
        return ""
    if isinstance(value, SecretStr):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Path):
        # Relative to the project, where `reflex run` starts: the same on every checkout.
        try:
            return str(value.relative_to(PROJECT_ROOT)) or "."
        except ValueError:
            return str(value)
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value)
    return str(value)
