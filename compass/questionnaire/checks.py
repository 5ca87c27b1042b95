"""Rules a flow must follow beyond its shape: ids, question types, effects and branching.

Each check returns :class:`Problem` values pointing at the YAML line of the field at fault.
The models only say what fields exist; these rules say how they must fit together.
"""

from __future__ import annotations

from collections.abc import Iterator

import textstat

from compass.catalogue.vocab import Stage
from compass.errors import Problem, Severity
from compass.questionnaire.effects import TARGETS, TargetKind, is_like_side, value_problem
from compass.questionnaire.models import Choice, Flow, Question, QuestionType
from compass.yamlio import FieldPath, LineMap, dotted

MAX_READING_GRADE = 7.0
MAX_RATING_ITEMS = 8
CHOICE_TYPES = {QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.THIS_OR_THAT}


class _Report:
    """Collects problems for one file, looking up the line of each field path."""

    def __init__(self, shown: str, lines: LineMap) -> None:
        self.shown = shown
        self.lines = lines
        self.problems: list[Problem] = []

    def add(self, path: FieldPath, message: str, hint: str = "",
            severity: Severity = Severity.ERROR) -> None:
        self.problems.append(Problem(self.shown, self.lines.line_of(path), dotted(path),
                                     message, hint, severity))


def check_flow(flow: Flow, shown: str, lines: LineMap, file_stem: str) -> list[Problem]:
    """Every rule broken by ``flow``, read from the file shown as ``shown``."""
    report = _Report(shown, lines)
    if flow.id != file_stem:
        report.add(("id",), f"the flow id '{flow.id}' does not match the file name",
                   f"rename the file to {flow.id}.yaml or set id: {file_stem}")
    _check_unique(report, [q.id for q in flow.questions], ("questions",), "question")
    for index, question in enumerate(flow.questions):
        _check_question(report, question, ("questions", index))
    _check_stage_question(report, flow)
    _check_branches(report, flow)
    _check_set_conflicts(report, flow)
    texts = [i for i, q in enumerate(flow.questions) if q.type is QuestionType.TEXT]
    for index in texts[1:]:
        report.add(("questions", index, "type"), "a flow can have only one text question",
                   "its answer becomes the Profile's free_text")
    _check_reading(report, flow)
    return report.problems


def _check_unique(report: _Report, ids: list[str], path: FieldPath, what: str) -> None:
    seen: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id in seen:
            report.add((*path, index, "id"), f"the {what} id '{item_id}' is used twice",
                       f"the first one is {dotted((*path, seen[item_id]))}; give each a new id")
        seen.setdefault(item_id, index)


def _check_question(report: _Report, question: Question, path: FieldPath) -> None:
    kind = question.type
    if kind in CHOICE_TYPES and not question.options:
        report.add((*path, "options"), f"a {kind.value} question needs options")
    if kind is not QuestionType.RATING and question.items:
        report.add((*path, "items"), "only rating questions have items", "use options instead")
    if kind not in CHOICE_TYPES and question.options:
        report.add((*path, "options"), f"a {kind.value} question has no options",
                   "use items for a rating question")
    if kind is QuestionType.RATING and not 2 <= len(question.items) <= MAX_RATING_ITEMS:
        report.add((*path, "items"), f"a rating question needs 2 to {MAX_RATING_ITEMS} items")
    if kind is QuestionType.THIS_OR_THAT:
        sides = [o for o in question.options if not o.neutral]
        if len(sides) != 2:
            report.add((*path, "options"), f"a this_or_that question needs exactly two options "
                       f"that are not neutral, not {len(sides)}")
    _check_unique(report, [o.id for o in question.options], (*path, "options"), "option")
    _check_unique(report, [i.id for i in question.items], (*path, "items"), "item")
    neutral = [i for i, o in enumerate(question.options) if o.neutral]
    for index in neutral[1:]:
        report.add((*path, "options", index, "neutral"), "only one option can be neutral")
    for index, option in enumerate(question.options):
        option_path = (*path, "options", index)
        if option.exclusive and kind is not QuestionType.MULTIPLE:
            report.add((*option_path, "exclusive"), "only multiple-choice options can be exclusive")
        if option.neutral and option.effects:
            report.add((*option_path, "effects"), "a neutral ('not sure') option has no effects",
                       "remove its effects so it leaves the Profile neutral")
        if option.neutral and kind is QuestionType.MULTIPLE and not option.exclusive:
            report.add((*option_path, "neutral"), "a neutral multiple-choice option must be "
                       "exclusive", "add exclusive: true")
        _check_effects(report, question, option, option_path)
    for index, item in enumerate(question.items):
        _check_effects(report, question, item, (*path, "items", index))
    for stage, _ in question.stage_hints:
        if not question.shown_at(stage):
            report.add((*path, "stage_hints", stage.value),
                       f"this question is not asked at stage '{stage.value}'",
                       "remove the hint or add the stage to stages")


def _check_effects(report: _Report, question: Question, choice: Choice, path: FieldPath) -> None:
    for effect in choice.effects:
        effect_path = (*path, "effects", effect.target)
        target = TARGETS.get(effect.target)
        if target is None:
            report.add(effect_path, f"'{effect.target}' is not something an answer can change",
                       "see the list of targets in questionnaires/README.md")
            continue
        problem = value_problem(target, effect.value)
        if problem:
            report.add(effect_path, problem)
            continue
        if target.kind is TargetKind.SET and question.type not in {
                QuestionType.SINGLE, QuestionType.THIS_OR_THAT}:
            report.add(effect_path, f"a {question.type.value} question cannot set "
                       f"{effect.target}", "only single and this_or_that options set values")
        if question.type is QuestionType.RATING and not is_like_side(target, effect.value):
            report.add(effect_path, f"a rating item's value is what 'like' means, so it must be "
                       f"above neutral ({target.neutral:g})", "dislike gives the mirror image")


def _check_stage_question(report: _Report, flow: Flow) -> None:
    setters = [i for i, q in enumerate(flow.questions)
               if any(e.target == "stage" for c in q.choices for e in c.effects)]
    if not setters:
        for index, question in enumerate(flow.questions):
            for path in _stage_filters(question, ("questions", index)):
                report.add(path, "no question in this flow sets the stage, so this is never used",
                           "add a first question whose options set 'stage'")
        return
    first = setters[0]
    for index in setters[1:]:
        report.add(("questions", index), "only one question can set the stage")
    question = flow.questions[first]
    where: FieldPath = ("questions", first)
    if first != 0:
        report.add(where, "the stage question must come first",
                   "the rest of the flow depends on the answer")
    if question.type is not QuestionType.SINGLE or not question.required:
        report.add((*where, "type"), "the stage question must be single choice and required")
    if question.stages is not None or any(o.stages for o in question.options):
        report.add(where, "the stage question and its options must be shown to everyone")
    for index, option in enumerate(question.options):
        if not option.neutral and not any(e.target == "stage" for e in option.effects):
            report.add((*where, "options", index, "effects"), "every option of the stage "
                       "question must set the stage (or be neutral)")


def _stage_filters(question: Question, path: FieldPath) -> Iterator[FieldPath]:
    if question.stages is not None:
        yield (*path, "stages")
    if question.stage_hints:
        yield (*path, "stage_hints")
    for group, choices in (("options", question.options), ("items", question.items)):
        for index, choice in enumerate(choices):
            if choice.stages is not None:
                yield (*path, group, index, "stages")


def _check_branches(report: _Report, flow: Flow) -> None:
    """Everyone who is asked a question must see enough options or items to answer it."""
    stages: list[Stage | None] = list(Stage) if flow.stage_question else [None]
    for index, question in enumerate(flow.questions):
        for stage in stages:
            if not question.shown_at(stage):
                continue
            seen = question.for_stage(stage)
            who = f"people at stage '{stage.value}'" if stage else "everyone"
            if question.type in CHOICE_TYPES and question.options and len(seen.options) < 2:
                report.add(("questions", index, "options"), f"{who} would see fewer than two "
                           "options", "check the options' stages")
            if question.type is QuestionType.RATING and question.items and len(seen.items) < 2:
                report.add(("questions", index, "items"), f"{who} would see fewer than two items",
                           "check the items' stages")
            if question.type is QuestionType.THIS_OR_THAT and len(
                    [o for o in question.options if not o.neutral]) == 2 and len(
                    [o for o in seen.options if not o.neutral]) != 2:
                report.add(("questions", index, "options"), f"{who} would not see both sides")


def _check_set_conflicts(report: _Report, flow: Flow) -> None:
    """Two questions that can be asked of one person must not set the same target."""
    setters: dict[str, list[int]] = {}
    for index, question in enumerate(flow.questions):
        targets = {e.target for c in question.choices for e in c.effects
                   if e.target in TARGETS and TARGETS[e.target].kind is TargetKind.SET}
        for target in sorted(targets):
            for other in setters.get(target, []):
                if any(question.shown_at(s) and flow.questions[other].shown_at(s) for s in Stage):
                    report.add(("questions", index), f"this question sets {target}, and so does "
                               f"question '{flow.questions[other].id}' on the same path",
                               "give them stages that do not overlap, or merge them")
            setters.setdefault(target, []).append(index)


def reading_grade(text: str) -> float:
    """Flesch-Kincaid grade of ``text`` (textstat)."""
    return float(textstat.flesch_kincaid_grade(text))


def user_texts(flow: Flow) -> Iterator[tuple[FieldPath, str]]:
    """Every piece of text a person reads in ``flow``, with its field path."""
    yield ("title",), flow.title
    if flow.intro:
        yield ("intro",), flow.intro
    for index, question in enumerate(flow.questions):
        path: FieldPath = ("questions", index)
        yield (*path, "text"), question.text
        if question.hint:
            yield (*path, "hint"), question.hint
        for stage, hint in question.stage_hints:
            yield (*path, "stage_hints", stage.value), hint
        for group, choices in (("options", question.options), ("items", question.items)):
            for number, choice in enumerate(choices):
                yield (*path, group, number, "label"), choice.label
                if choice.hint:
                    yield (*path, group, number, "hint"), choice.hint


def _check_reading(report: _Report, flow: Flow) -> None:
    for path, text in user_texts(flow):
        grade = reading_grade(text)
        if grade > MAX_READING_GRADE:
            report.add(path, f"reading grade {grade:.1f} is above {MAX_READING_GRADE:g}",
                       "use shorter words and sentences", Severity.WARNING)
