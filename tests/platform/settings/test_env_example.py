""".env.example is written from the Settings class: the committed file is what the generator
writes now, every setting is in it with its default, and a setting without a comment is refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import SecretStr

from hireops import config
from hireops.config import PROJECT_ROOT, Settings
from hireops.services.operations.env_example import (
    ENV_EXAMPLE,
    UndocumentedSetting,
    render_env_example,
    setting_blocks,
)

REGENERATE = "run `python -m hireops env-example > .env.example` and commit it"


def _lines(text: str) -> dict[str, str]:
    """NAME -> default as the file writes it (`# NAME=value` lines)."""
    found = {}
    for line in text.splitlines():
        name, sep, value = line.removeprefix("# ").partition("=")
        if sep and name.isupper() and name.replace("_", "").isalnum():
            found[name] = value
    return found


def test_committed_env_example_is_up_to_date():
    assert ENV_EXAMPLE.read_text(encoding="utf-8") == render_env_example(), REGENERATE


def test_every_setting_is_listed_once():
    listed = _lines(ENV_EXAMPLE.read_text(encoding="utf-8"))
    expected = {(info.validation_alias if isinstance(info.validation_alias, str) else name).upper()
                for name, info in Settings.model_fields.items()}
    assert set(listed) == expected
    assert sum(1 for line in ENV_EXAMPLE.read_text().splitlines()
               if line.startswith("# DATABASE_URL=")) == 1


def test_written_defaults_read_back_as_the_defaults(tmp_path, monkeypatch):
    """Uncommenting the file changes nothing: each value is the setting's default."""
    for name in list(_lines(render_env_example())):
        monkeypatch.delenv(name, raising=False)
    written = {name: value for name, value in _lines(render_env_example()).items() if value}
    env_file = tmp_path / ".env"
    env_file.write_text("".join(f"{name}={value}\n" for name, value in written.items()))
    monkeypatch.chdir(PROJECT_ROOT)  # relative paths are the project's, where the app starts
    loaded = Settings(_env_file=env_file)
    checked = 0
    for name, info in Settings.model_fields.items():
        if name.upper() not in written:  # no default (None) or empty text
            continue
        default = info.get_default(call_default_factory=True)
        value = getattr(loaded, name)
        if isinstance(default, Path):
            value, default = (PROJECT_ROOT / value).resolve(), default.resolve()
        if isinstance(default, SecretStr):
            value, default = value.get_secret_value(), default.get_secret_value()
        assert value == default, name
        checked += 1
    assert checked == len(written) > 50


def test_a_setting_without_a_comment_is_refused():
    source = Path(config.__file__).read_text(encoding="utf-8")
    setting_blocks(source)  # the real file passes
    undocumented = source.replace(
        "    # Shown in the app and in emails.\n    company_name: str",
        "\n    brand_colour: str = 'indigo'\n\n    # Shown in the app and in emails.\n"
        "    company_name: str")
    assert undocumented != source
    with pytest.raises(UndocumentedSetting, match="brand_colour"):
        setting_blocks(undocumented)


def test_a_setting_right_below_a_commented_one_shares_its_comment():
    source = Path(config.__file__).read_text(encoding="utf-8")
    grouped = source.replace("    company_name: str = \"HireOps Demo Co.\"\n",
                             "    company_name: str = \"HireOps Demo Co.\"\n"
                             "    company_slogan: str = ''\n")
    block = next(b for b in setting_blocks(grouped) if "company_name" in b.fields)
    assert block.fields == ["company_name", "company_slogan"]
    assert block.comment == ["Shown in the app and in emails."]


def test_cli_prints_the_same_file():
    result = subprocess.run([sys.executable, "-m", "hireops", "env-example"], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, timeout=60,
                            env={"PATH": "/usr/bin:/bin", "HIREOPS_ENV_FILE": "/dev/null"})
    assert result.returncode == 0, result.stderr
    assert result.stdout == ENV_EXAMPLE.read_text(encoding="utf-8")
