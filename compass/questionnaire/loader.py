"""Load the question flows in ``questionnaires/``: parse, validate, check, report every problem.

Each ``<id>.yaml`` file holds one flow. Files are read with the project's safe YAML loader
(duplicate keys rejected, line numbers kept) and every problem in every file is collected
before anything is raised, as ``path:line: field: message`` lines.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from compass.errors import CheckResult, Problem, QuestionnaireError, Severity, display_path
from compass.questionnaire.checks import check_flow
from compass.questionnaire.models import Flow
from compass.validation import validate_document
from compass.yamlio import load_yaml

DEFAULT_FLOWS_DIR = Path(__file__).resolve().parents[2] / "questionnaires"


@dataclass(frozen=True)
class FlowsCheck(CheckResult):
    """The outcome of checking a folder of flows: the flows, and every problem found."""

    flows: dict[str, Flow]
    problems: tuple[Problem, ...]


def check_flows(directory: Path = DEFAULT_FLOWS_DIR) -> FlowsCheck:
    """Load and check every flow file in ``directory``; never raises for content problems.

    ``flows`` holds only the flows with no errors; warnings (such as a reading grade
    above 7) are in ``problems`` but do not stop a flow loading.
    """
    shown = display_path(directory)
    if not directory.is_dir():
        return FlowsCheck({}, (Problem(shown, 0, "", "there is no questionnaires folder here"),))
    problems: list[Problem] = []
    flows: dict[str, Flow] = {}
    for path in sorted(directory.glob("*.yml")):
        problems.append(Problem(display_path(path), 0, "", "flow files must end in .yaml",
                                f"rename it to {path.stem}.yaml"))
    paths = sorted(directory.glob("*.yaml"))
    if not paths:
        problems.append(Problem(shown, 0, "", "there are no flow files (*.yaml) here"))
    for path in paths:
        flow, found = load_flow_file(path)
        problems.extend(found)
        if flow is not None and not any(p.severity is Severity.ERROR for p in found):
            flows[flow.id] = flow
    return FlowsCheck(flows, tuple(sorted(problems)))


def load_flow_file(path: Path) -> tuple[Flow | None, list[Problem]]:
    """One flow file: the flow if its shape is right, and every problem in it."""
    doc, problems = load_yaml(path)
    if doc is None:
        return None, problems
    flow, problems = validate_document(doc, Flow, guide="questionnaires/README.md")
    if flow is None:
        return None, [_about_flows(p) for p in problems]
    return flow, check_flow(flow, display_path(path), doc.lines, path.stem)


def _about_flows(problem: Problem) -> Problem:
    """Point the shared validator's id hint at the flow id format."""
    hint = problem.hint
    if problem.message.endswith("is not in the right form") and problem.field.endswith("id"):
        hint = "use lower case letters, digits and underscores, starting with a letter, like 'fix_bike'"
    return replace(problem, hint=hint)


def load_flows(directory: Path = DEFAULT_FLOWS_DIR) -> dict[str, Flow]:
    """Every flow in ``directory`` by id; raises :class:`QuestionnaireError` with every problem.

    Warnings alone do not raise; use :func:`check_flows` to see them.
    """
    result = check_flows(directory)
    if result.errors:
        raise QuestionnaireError(list(result.problems))
    return result.flows


def load_flow(flow_id: str, directory: Path = DEFAULT_FLOWS_DIR) -> Flow:
    """One flow by id; raises :class:`QuestionnaireError` if it is missing or broken."""
    flows = load_flows(directory)
    if flow_id not in flows:
        known = ", ".join(sorted(flows)) or "none"
        raise QuestionnaireError([Problem(display_path(directory), 0, "id",
                                          f"there is no flow '{flow_id}'",
                                          f"flows here: {known}")])
    return flows[flow_id]
