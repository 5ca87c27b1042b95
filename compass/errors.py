"""One error type per domain, each carrying curator-readable problems.

A :class:`Problem` names the file, the line, the field and what is wrong, with an
optional hint. Loaders collect every problem they find and raise them together, so a
curator sees the whole list at once rather than fixing one error per run.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a file a curator edits."""

    path: str
    line: int
    field: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def render(self) -> str:
        """``path:line: field: message; hint`` as a curator reads it."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.field or '(file)'}: {self.message}"
        if self.hint:
            text += f"; {self.hint}"
        if self.severity is Severity.WARNING:
            text = f"{where}: warning: {self.field or '(file)'}: {self.message}"
            if self.hint:
                text += f"; {self.hint}"
        return text


class CheckResult:
    """Mixin for the outcome of a check: splits ``self.problems`` into errors and warnings."""

    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)


def display_path(path: Path) -> str:
    """A path relative to the working directory where possible, for short messages."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class CompassError(Exception):
    """Base of every error the engine raises on purpose."""


class ProblemsError(CompassError):
    """Raised with every problem found, so they can be reported together."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(p.render() for p in self.problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]


class CatalogueError(ProblemsError):
    """The role catalogue (roles, providers, programmes) has errors."""


class QuestionnaireError(ProblemsError):
    """A question flow file has errors."""


class ProfileError(CompassError):
    """A profile or a set of answers is not valid."""
