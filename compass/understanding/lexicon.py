"""The curator-editable words behind own-words understanding: ``roles_catalogue/own_words.yaml``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from compass.catalogue import DEFAULT_CATALOGUE, Catalogue
from compass.catalogue.vocab import LIKE_DIMENSIONS, Setting
from compass.errors import CatalogueError, Problem, display_path
from compass.validation import validate_document
from compass.yamlio import load_yaml

OWN_WORDS_FILE = "own_words.yaml"
Phrase = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=2,
                                          max_length=60)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Topic(_Frozen):
    """Words for one kind of work, and what they point at: a likes dimension, some roles, or
    every role whose main place of work is one setting (so new roles join without an edit)."""

    name: str = Field(min_length=3, max_length=60, description="What the topic is, in plain words.")
    words: tuple[Phrase, ...] = Field(min_length=1, description="Words and short phrases for it.")
    like: str | None = Field(default=None, description="The Profile likes dimension it means.")
    roles: tuple[str, ...] = Field(default=(), description="Role ids that are mostly about it.")
    setting: Setting | None = Field(
        default=None, description="A setting: the topic means every role whose first setting it is.")

    @model_validator(mode="after")
    def _points_somewhere(self) -> Topic:
        if sum((self.like is not None, bool(self.roles), self.setting is not None)) != 1:
            raise ValueError("give one of 'like', 'roles' or 'setting'")
        if self.like is not None and self.like not in LIKE_DIMENSIONS:
            raise ValueError(f"'{self.like}' is not a likes dimension: {', '.join(LIKE_DIMENSIONS)}")
        return self


class Lexicon(_Frozen):
    """Everyday job names and topic words, as curators keep them."""

    job_names: dict[str, tuple[Phrase, ...]] = Field(
        default_factory=dict, description="Role id to everyday names for the job.")
    topics: tuple[Topic, ...] = Field(description="Kinds of work people write about.")
    places: tuple[Phrase, ...] = Field(
        default=(), description="Places whose names look like jobs ('GP surgery'): never a job.")


def check_lexicon(catalogue_dir: Path, catalogue: Catalogue | None = None
                  ) -> tuple[Lexicon | None, list[Problem]]:
    """The lexicon in ``catalogue_dir`` (role ids checked against ``catalogue`` if given)."""
    path = catalogue_dir / OWN_WORDS_FILE
    doc, problems = load_yaml(path)
    if doc is None:
        return None, problems
    lexicon, problems = validate_document(doc, Lexicon)
    if lexicon is None or catalogue is None:
        return lexicon, problems
    shown = display_path(path)
    unknown: list[tuple[tuple[str | int, ...], str]] = [
        (("job_names", role_id), role_id) for role_id in lexicon.job_names
        if not catalogue.has_role(role_id)]
    unknown += [(("topics", i, "roles"), role_id) for i, topic in enumerate(lexicon.topics)
                for role_id in topic.roles if not catalogue.has_role(role_id)]
    problems = [Problem(shown, doc.lines.line_of(where), ".".join(map(str, where)),
                        f"'{role_id}' is not a role id", "use the id of a file in roles/")
                for where, role_id in unknown]
    return (None if problems else lexicon), problems


def load_lexicon(catalogue: Catalogue, catalogue_dir: Path = DEFAULT_CATALOGUE, *,
                 check: bool = True) -> Lexicon:
    """The lexicon; ``check=False`` skips role-id checks (for small test catalogues, whose
    roles are not the ones the shipped lexicon names: names of missing roles are ignored)."""
    lexicon, problems = check_lexicon(catalogue_dir, catalogue if check else None)
    if lexicon is None:
        raise CatalogueError(problems)
    return lexicon
