"""Safe YAML loading that remembers line numbers and rejects duplicate keys.

Curators edit YAML by hand, so every message must point at a line. :func:`load_yaml`
returns plain Python data plus a :class:`LineMap` from a field path such as
``("entry_routes", 1, "kind")`` to the 1-based line where that value starts.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from compass.errors import Problem, display_path

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class LineMap:
    """Lines of each field path in one YAML document."""

    lines: dict[FieldPath, int] = field(default_factory=dict)

    def line_of(self, path: FieldPath) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        probe = tuple(path)
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return self.lines.get((), 1)


@dataclass(frozen=True)
class YamlDocument:
    path: Path
    data: Any
    lines: LineMap


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps YAML 1.2-like booleans ('no' stays a string)."""


# 'yes', 'no', 'on' and 'off' are words in answers and titles, not booleans.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def _walk(node: Node, path: FieldPath, loader: _Loader, lines: dict[FieldPath, int],
          problems: list[Problem], shown: str) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, Hashable):
                problems.append(Problem(shown, key_node.start_mark.line + 1, _dotted(path),
                                        "a key must be a plain word"))
                continue
            if key in result:
                problems.append(Problem(
                    shown, key_node.start_mark.line + 1, _dotted((*path, str(key))),
                    f"'{key}' appears twice in the same block",
                    f"the first one is on line {lines[(*path, str(key))]}; keep only one"))
                continue
            child_path = (*path, str(key))
            result[key] = _walk(value_node, child_path, loader, lines, problems, shown)
            lines[child_path] = key_node.start_mark.line + 1
        return result
    if isinstance(node, SequenceNode):
        return [_walk(child, (*path, i), loader, lines, problems, shown)
                for i, child in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    return loader.construct_object(node, deep=True)


def _dotted(path: FieldPath) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


dotted = _dotted


def load_yaml(path: Path) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one YAML file safely; return the document or the problems that stop it."""
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(shown, 0, "", f"cannot read this file ({exc.__class__.__name__})",
                              "save it as UTF-8 text")]
    return parse_yaml(text, path)


def parse_yaml(text: str, path: Path) -> tuple[YamlDocument | None, list[Problem]]:
    shown = display_path(path)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [Problem(shown, 1, "", "this file is empty")]
        problems: list[Problem] = []
        lines: dict[FieldPath, int] = {}
        data = _walk(node, (), loader, lines, problems, shown)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        what = exc.problem or "this is not valid YAML"
        return None, [Problem(shown, line, "", f"YAML syntax: {what}",
                              "check the indentation and that every 'key: value' has a colon"
                              " and a space")]
    except yaml.YAMLError as exc:
        return None, [Problem(shown, 0, "", f"YAML syntax: {exc}")]
    finally:
        loader.dispose()
    if problems:
        return None, problems
    return YamlDocument(path, data, LineMap(lines)), []
