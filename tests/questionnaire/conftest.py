"""Fixtures for the question flow tests: the shipped flows and a small flow to break."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from questionnaire_helpers import FLOWS_DIR

from compass.questionnaire import Flow, load_flows

# A small valid flow. Line numbers matter: tests point at them.
MINI_FLOW = textwrap.dedent("""\
    id: mini
    title: A short test flow
    questions:
      - id: stage
        type: single
        text: Where are you now?
        options:
          - id: school
            label: At school
            effects: {stage: school}
          - id: working
            label: At work
            effects: {stage: working}
      - id: hands
        type: this_or_that
        text: Hands or desk?
        options:
          - id: hands
            label: Hands
            effects: {likes.hands_on: 1}
          - id: desk
            label: Desk
            effects: {likes.hands_on: -1}
          - id: not_sure
            label: Not sure
            neutral: true
      - id: things
        type: rating
        text: Do you like these?
        items:
          - id: bike
            label: Fixing a bike
            effects: {interests.realistic: 1.0, likes.hands_on: 0.5}
          - id: tools
            label: Using tools
            effects: {interests.realistic: 0.75}
      - id: hobbies
        type: multiple
        stages: [school]
        text: What do you do for fun?
        options:
          - id: sport
            label: Sport
            effects: {likes.physical_activity: 1, interests.realistic: 0.5}
          - id: art
            label: Art
            effects: {interests.artistic: 1}
          - id: none
            label: None of these
            neutral: true
            exclusive: true
      - id: study
        type: single
        text: How long would you study?
        options:
          - id: none
            label: Not at all
            effects: {constraints.max_study_years: 0}
          - id: long
            label: As long as it takes
            effects: {constraints.max_study_years: null}
      - id: words
        type: text
        required: false
        text: Is there more you want to say?
    """)


@pytest.fixture(scope="session")
def main_flow() -> Flow:
    return load_flows(FLOWS_DIR)["main"]


@pytest.fixture
def flow_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "flows"
    folder.mkdir()
    return folder


@pytest.fixture
def write_flow(flow_dir: Path) -> Callable[[str, str], Path]:
    """Write YAML text to ``<flow_dir>/<name>.yaml`` and return its path."""

    def write(text: str, name: str = "mini") -> Path:
        path = flow_dir / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def mini_flow(write_flow: Callable[[str, str], Path], flow_dir: Path) -> Flow:
    write_flow(MINI_FLOW, "mini")
    return load_flows(flow_dir)["mini"]


@pytest.fixture
def mini_text() -> str:
    """The YAML text of the small valid flow, to change in a test."""
    return MINI_FLOW
