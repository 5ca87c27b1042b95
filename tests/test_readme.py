"""The README documents every setting and every command a newcomer can use."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from compass.cli import build_parser
from web.settings import SETTING_HELP

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("variable", sorted(SETTING_HELP))
def test_every_setting_is_in_the_readme(variable: str) -> None:
    assert f"`{variable}`" in README


def _commands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(action.choices)


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"`compass {command}" in README


def test_quickstart_is_two_commands() -> None:
    quickstart = README.split("## Quickstart", 1)[1].split("##", 1)[0]
    block = quickstart.split("```sh", 1)[1].split("```", 1)[0]
    assert [line.split("#")[0].strip() for line in block.strip().splitlines()] == ["make run", "make test"]
