"""The question flow: YAML flows in ``questionnaires/``, answers, and scoring into a Profile.

The API the command line and the web use:

* :func:`load_flows` (or :func:`check_flows` to see warnings too) reads the flows;
* :func:`questions_for` gives the path through a flow for the answers so far (the stage
  question first; :func:`next_question` gives the next one to ask);
* :func:`validate_answers` checks the dict form of answers and returns :class:`Answers`;
* :func:`score` turns :class:`Answers` into a :class:`compass.Profile`.

How answers change a Profile is explained in :mod:`compass.questionnaire.effects` and in
``questionnaires/README.md``.
"""

from compass.questionnaire.answers import (
    Answer,
    AnswerDict,
    Answers,
    Picked,
    PickedMany,
    Rated,
    Written,
)
from compass.questionnaire.effects import TARGETS, TargetKind
from compass.questionnaire.loader import (
    DEFAULT_FLOWS_DIR,
    FlowsCheck,
    check_flows,
    load_flow,
    load_flows,
)
from compass.questionnaire.models import (
    Effect,
    Flow,
    Option,
    Question,
    QuestionType,
    Rating,
    RatingItem,
)
from compass.questionnaire.paths import next_question, questions_for, stage_of
from compass.questionnaire.scoring import effects_of, question_dimensions, score
from compass.questionnaire.validation import (
    AnswerIssue,
    InvalidAnswersError,
    validate_answer,
    validate_answers,
)

__all__ = [
    "DEFAULT_FLOWS_DIR", "TARGETS", "Answer", "AnswerDict", "AnswerIssue", "Answers", "Effect",
    "Flow", "FlowsCheck", "InvalidAnswersError", "Option", "Picked", "PickedMany", "Question",
    "QuestionType", "Rated", "Rating", "RatingItem", "TargetKind", "Written", "check_flows",
    "effects_of", "load_flow", "load_flows", "next_question", "question_dimensions",
    "questions_for", "score", "stage_of", "validate_answer", "validate_answers",
]
