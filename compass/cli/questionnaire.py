"""``compass questionnaire show``: print a question flow, as text or JSON."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from compass.catalogue.vocab import Stage
from compass.questionnaire import DEFAULT_FLOWS_DIR, Flow, Question, QuestionType, load_flow
from compass.questionnaire.models import Choice

STAGES = [stage.value for stage in Stage]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("questionnaire", help="show the question flows")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    show = actions.add_parser(
        "show", help="print a flow's questions, options and effects",
        description="Print a question flow. With --stage, print only the questions someone "
        "at that stage is asked, as they see them.")
    show.add_argument("--flow", default="main", help="the flow id (default: main)")
    show.add_argument("--json", action="store_true", help="print the flow as JSON")
    show.add_argument("--stage", choices=STAGES, help="show the path for one stage only")
    show.add_argument("--flows-dir", type=Path, default=DEFAULT_FLOWS_DIR,
                      help="the question flow folder (default: questionnaires/)")
    show.set_defaults(handler=run_show)


def run_show(args: argparse.Namespace) -> int:
    flow = load_flow(args.flow, args.flows_dir)
    if args.stage:
        stage = next(s for s in Stage if s.value == args.stage)
        flow = flow.model_copy(update={
            "questions": tuple(q.for_stage(stage) for q in flow.questions if q.shown_at(stage))})
    if args.json:
        print(json.dumps(flow.model_dump(mode="json"), indent=2))
    else:
        print(render_flow(flow))
    return 0


def render_flow(flow: Flow) -> str:
    """A flow as plain text for a curator: every question, option, filter and effect."""
    lines = [f"{flow.title} (flow '{flow.id}', {len(flow.questions)} questions)"]
    if flow.intro:
        lines.append(flow.intro)
    for number, question in enumerate(flow.questions, start=1):
        lines.append("")
        lines.extend(_render_question(number, question))
    return "\n".join(lines)


def _render_question(number: int, question: Question) -> list[str]:
    flags = [question.type.value]
    if not question.required:
        flags.append("optional")
    if question.stages:
        flags.append("stages: " + ", ".join(s.value for s in question.stages))
    lines = [f"{number}. [{question.id}] {question.text}  ({'; '.join(flags)})"]
    if question.hint:
        lines.append(f"   hint: {question.hint}")
    for stage, hint in question.stage_hints:
        lines.append(f"   hint for {stage.value}: {hint}")
    if question.type is QuestionType.RATING:
        lines.append("   rate each: like / not sure / dislike")
    if question.type is QuestionType.TEXT:
        lines.append(f"   up to {question.max_length} characters")
    for choice in question.choices:
        lines.append(_render_choice(choice))
    return lines


def _render_choice(choice: Choice) -> str:
    text = f"   - {choice.id}: {choice.label}"
    details = [f"{e.target}={json.dumps(e.value)}" for e in choice.effects]
    if getattr(choice, "neutral", False):
        details.append("neutral")
    if getattr(choice, "exclusive", False):
        details.append("exclusive")
    if choice.stages:
        details.append("stages: " + ", ".join(s.value for s in choice.stages))
    return f"{text}  [{'; '.join(details)}]" if details else text
