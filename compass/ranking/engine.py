"""The recommendation engine: one object per process that ranks roles for profiles.

An :class:`Engine` holds the catalogue as arrays, a ranker (the learned model if a verified
build says it beat the transparent scorer, otherwise the transparent scorer) and a text
matcher whose sentence model loads only when someone writes free text. For each profile:

1. their own words read for meaning (:mod:`compass.understanding`): jobs they name, and
   what they want or avoid, applied to their likes;
2. features for every (profile, role) pair, all roles at once, and the ranker's score, in
   one batch with the same profile less each answer (for the reasons); roles with no route
   that fits the person's constraints are dropped, unless named;
3. the shortlist (:mod:`.shortlist`): named jobs first, conflicting roles last, the rest
   spread across job families; 'not for me' roles taken out without moving the others;
4. reasons from the liked answers that raised each role's score, the best next step, and a
   "Worth knowing" line for every conflict with what they said (:mod:`.conflicts`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from compass.catalogue import DEFAULT_CATALOGUE, Catalogue, Role, load_catalogue
from compass.catalogue.vocab import Family
from compass.profile import Profile
from compass.ranking.answers import AnswerBatch, answer_batch
from compass.ranking.artefacts import DEFAULT_MODELS, load_artefacts
from compass.ranking.conflicts import push_down, worth_knowing, worth_knowing_each
from compass.ranking.embeddings import RoleEmbeddings
from compass.ranking.encoder import TextEncoder, shared_encoder
from compass.ranking.features import PairFeatures, pair_features
from compass.ranking.reasons import AnswerEffects, Reason, answer_effects, explain
from compass.ranking.role_index import RoleIndex
from compass.ranking.routes import NO_ROUTE, RoutePlan, RoutePlanner, route_problems, years_before_start
from compass.ranking.scorers import Ranker, TransparentScorer
from compass.ranking.shortlist import neutral_spread, order_roles, reads_as_neutral, without_hidden
from compass.ranking.text_match import TextMatcher
from compass.signposting import NextSteps, SignpostCache, Step, make_step, plan_next_steps
from compass.understanding import OwnWords, OwnWordsReader

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]


@dataclass(frozen=True)
class Recommendation:
    """One suggested role for one person."""

    role: Role
    score: float                 # the ranker's score; higher is better; compare within a list
    reasons: tuple[str, ...]     # two to four short sentences for the person
    route: Step                  # the best next step
    evidence: tuple[Reason, ...]  # the same reasons with the answers each one cites
    worth_knowing: tuple[str, ...] = ()  # each way it goes against what the person said
    named: bool = False          # the person named this job in their own words

    @property
    def family(self) -> Family:
        return self.role.family

    @property
    def role_id(self) -> str:
        return self.role.id

    def to_dict(self) -> dict[str, Any]:
        return {"role_id": self.role.id, "title": self.role.title,
                "family": self.role.family.value, "score": round(self.score, 4),
                "reasons": list(self.reasons), "worth_knowing": list(self.worth_knowing),
                "named": self.named, "route": self.route.to_dict()}


NOTHING_WRITTEN = OwnWords()
# A role is ruled out by what someone says they avoid when their words are at least this much
# closer to it than to the average role, and within the margin of the closest role.
AVOIDED_MATCH = 0.2
AVOIDED_MARGIN = 0.1


@dataclass(frozen=True)
class Understood:
    """A profile with the meaning of the person's own words applied, and that meaning."""

    profile: Profile
    own: OwnWords
    ticked: Profile  # the profile as answered, before own words


@dataclass(frozen=True)
class Scored:
    """Scores and route plans for a batch of profiles over every role."""

    answers: AnswerBatch
    plan: RoutePlan
    scores: FloatArray  # (k, n)
    understood: tuple[Understood, ...]


class Engine:
    """Ranks the catalogue's roles for profiles. Build once per process; thread-safe."""

    def __init__(self, catalogue: Catalogue, *, ranker: Ranker | None = None,
                 embeddings: RoleEmbeddings | None = None, encoder: TextEncoder | None = None,
                 fallback_reason: str | None = None, ranker_note: str = "",
                 reader: OwnWordsReader | None = None) -> None:
        self.catalogue = catalogue
        self.reader = reader or OwnWordsReader.for_catalogue(catalogue)
        self.index = RoleIndex.from_catalogue(catalogue)
        self.planner = RoutePlanner(self.index.routes)
        self.ranker: Ranker = ranker or TransparentScorer()
        self.text = TextMatcher(catalogue.roles, encoder or shared_encoder(), embeddings)
        self.fallback_reason = fallback_reason
        self.ranker_note = ranker_note
        self.signposts = SignpostCache(catalogue)
        self._row_of = {role_id: i for i, role_id in enumerate(self.index.role_ids)}

    @classmethod
    def load(cls, catalogue_dir: Path | None = None, models_dir: Path | None = None, *,
             catalogue: Catalogue | None = None, encoder: TextEncoder | None = None) -> Engine:
        """The catalogue plus whatever verified artefacts ``models_dir`` holds."""
        if catalogue is None:
            catalogue = load_catalogue(catalogue_dir) if catalogue_dir else load_catalogue()
        found = load_artefacts(models_dir or DEFAULT_MODELS, catalogue)
        reader = OwnWordsReader.for_catalogue(catalogue, catalogue_dir or DEFAULT_CATALOGUE)
        return cls(catalogue, ranker=found.learned, embeddings=found.embeddings, encoder=encoder,
                   fallback_reason=found.fallback_reason, ranker_note=found.ranker_note,
                   reader=reader)

    def with_ranker(self, ranker: Ranker) -> Engine:
        """The same engine (sharing its arrays and text matcher) with another ranker."""
        twin = object.__new__(Engine)
        twin.__dict__.update(self.__dict__)
        twin.ranker = ranker
        return twin

    @property
    def ranker_name(self) -> str:
        return self.ranker.name

    def understand(self, profile: Profile) -> Understood:
        """The person's own words read for meaning, and their likes with that meaning applied."""
        own = self.reader.read(profile.free_text) if profile.free_text.strip() else NOTHING_WRITTEN
        if own.avoiding:
            own = own.also_avoiding(self._avoided_by_meaning(own.avoiding))
        if not own.likes:
            return Understood(profile, own, profile)
        likes = profile.likes.model_copy(update=dict(own.likes))
        return Understood(profile.model_copy(update={"likes": likes}), own, profile)

    def _avoided_by_meaning(self, clauses: tuple[str, ...]) -> dict[str, str]:
        """Roles whose text is closest to what a clause says to avoid ("eyes freak me out"):
        role id to the clause. Only the clear leaders for each clause count."""
        match = self.text.match(list(clauses))
        found: dict[str, str] = {}
        for clause, row in zip(clauses, match, strict=True):
            top = float(row.max())
            for j in np.flatnonzero((row >= AVOIDED_MATCH) & (row >= top - AVOIDED_MARGIN)):
                found.setdefault(self.index.role_ids[int(j)], clause)
        return found

    def pair_features(self, profiles: Sequence[Profile]) -> tuple[AnswerBatch, RoutePlan,
                                                                   PairFeatures]:
        """Answers, route plans and features for every profile and every role."""
        return self._features([self.understand(p) for p in profiles])

    def _features(self, understood: Sequence[Understood]) -> tuple[AnswerBatch, RoutePlan,
                                                                   PairFeatures]:
        answers = self._answers(understood)
        plan = self.planner.plan(answers)
        return answers, plan, pair_features(answers, self.index, plan)

    def _answers(self, understood: Sequence[Understood]) -> AnswerBatch:
        text_match = self.text.match([u.own.wanted_text for u in understood])
        return answer_batch([u.ticked for u in understood], text_match,
                            [dict(u.own.likes) for u in understood])

    def score(self, profiles: Sequence[Profile]) -> Scored:
        """Route plans and ranker scores for every profile and every role, in one batch and
        without reasons. :meth:`recommend` scores each profile in its own batch with the
        reasons' variants, so its scores equal these up to rounding in the last bits."""
        understood = [self.understand(p) for p in profiles]
        answers, plan, features = self._features(understood)
        return Scored(answers, plan, self.ranker.score(features), tuple(understood))

    def recommend(self, profile: Profile, top: int = 10, exclude: Iterable[str] = (),
                  not_for_me: Iterable[str] = ()) -> list[Recommendation]:
        """The ``top`` roles for ``profile``, best first.

        ``exclude`` drops roles before ranking; ``not_for_me`` takes roles out of the
        finished list, so every other role keeps its place relative to the rest.
        Unknown role ids are ignored.
        """
        return self.recommend_many([profile], top, exclude, not_for_me)[0]

    def recommend_many(self, profiles: Sequence[Profile], top: int = 10,
                       exclude: Iterable[str] = (),
                       not_for_me: Iterable[str] = ()) -> list[list[Recommendation]]:
        """:meth:`recommend` for many profiles, sharing one batch of text encoding."""
        if not profiles:
            return []
        understood = [self.understand(p) for p in profiles]
        answers = self._answers(understood)
        hidden = np.zeros(len(self.index), dtype=bool)
        hidden[self._rows_of(not_for_me)] = True
        dropped = np.zeros(len(self.index), dtype=bool)
        dropped[self._rows_of(exclude)] = True
        lists = []
        for i, person in enumerate(understood):
            row = answers.row(i)
            effects = answer_effects(self.ranker, self.index, self.planner, row)
            lists.append(self._finish(person, row, effects, top, dropped, hidden))
        return lists

    def reads_as_neutral(self, profile: Profile) -> bool:
        """Whether ``profile``'s answers point nowhere yet (the list is then a plain spread)."""
        understood = self.understand(profile)
        return reads_as_neutral(self._answers([understood]), understood.own)

    def _finish(self, understood: Understood, answers: AnswerBatch, effects: AnswerEffects,
                top: int, dropped: NDArray[np.bool_], hidden: NDArray[np.bool_]
                ) -> list[Recommendation]:
        named = [self._row_of[r] for r in understood.own.named_roles if r in self._row_of]
        candidates = effects.plan.best[0] != NO_ROUTE
        candidates[named] = True
        candidates = (candidates & ~dropped).nonzero()[0]
        avoided = np.zeros(len(self.index), dtype=bool)
        avoided[self._rows_of(understood.own.avoided_roles)] = True
        push = push_down(answers, self.index, avoided)
        wanted = top + int(hidden.sum())
        if reads_as_neutral(answers, understood.own):
            picks = neutral_spread(self.index.roles, candidates, push, wanted)
        else:
            picks = order_roles(effects.scores[0], self.index.family, candidates, push, named,
                                wanted)
        picks = without_hidden(picks, hidden, top)
        return self._recommendations(understood, answers, effects, picks)

    def _recommendations(self, understood: Understood, answers: AnswerBatch,
                         effects: AnswerEffects, picks: IntArray) -> list[Recommendation]:
        roles = [self.index.roles[r] for r in picks.tolist()]
        best = effects.plan.best[0, picks].tolist()
        waits = effects.plan.wait_years[0, picks].tolist()
        steps = [self._step(understood.profile, role, j, wait)
                 for role, j, wait in zip(roles, best, waits, strict=True)]
        evidence = explain(effects, self.index, answers, picks, [s.route for s in steps],
                           understood.own)
        scores = effects.scores[0, picks].tolist()
        lines = worth_knowing_each(roles, steps, understood.profile, understood.own)
        named = understood.own.named_roles
        return [
            Recommendation(role=role, score=score, reasons=tuple(r.text for r in reasons),
                           route=step, evidence=reasons, worth_knowing=worth,
                           named=role.id in named)
            for role, score, step, reasons, worth in zip(roles, scores, steps, evidence, lines,
                                                         strict=True)
        ]

    def _step(self, profile: Profile, role: Role, best: int, planned_wait: float) -> Step:
        """The step for the planned best route, or for a named job no route fits, the closest."""
        if best != NO_ROUTE:
            return make_step(self.signposts, role, best, profile, planned_wait)
        return make_step(self.signposts, role, self._route_index(profile, role, best), profile)

    def _route_index(self, profile: Profile, role: Role, best: int) -> int:
        """The planned best route, or for a named job no route fits, the closest one."""
        if best != NO_ROUTE:
            return best
        return min(range(len(role.entry_routes)),
                   key=lambda j: (len(route_problems(role.entry_routes[j], profile)),
                                  not role.entry_routes[j].is_way_in,
                                  years_before_start(role.entry_routes[j], profile)
                                  + role.entry_routes[j].full_time_study_years, j))

    def best_route_index(self, profile: Profile, role: Role) -> int:
        """The route :meth:`recommend` shows for ``role``: the best fitting one, else the closest."""
        answers = answer_batch([profile], np.zeros((1, len(self.index))))
        best = int(self.planner.plan(answers).best[0, self._row_of[role.id]])
        return self._route_index(profile, role, best)

    def worth_knowing(self, profile: Profile, role: Role) -> tuple[str, ...]:
        """The 'Worth knowing' lines :meth:`recommend` would give ``role`` for ``profile``,
        for a role page reached from anywhere (a search, a link, a card)."""
        understood = self.understand(profile)
        step = make_step(self.signposts, role, self.best_route_index(understood.profile, role),
                         understood.profile)
        return worth_knowing(role, step, understood.profile, understood.own)

    def next_steps(self, profile: Profile, role: Role) -> NextSteps:
        """Every way into ``role`` for ``profile``, starting with the step :meth:`recommend` shows."""
        return plan_next_steps(self.signposts, role, profile, self.best_route_index(profile, role))

    def _rows_of(self, role_ids: Iterable[str]) -> IntArray:
        return np.array([self._row_of[r] for r in role_ids if r in self._row_of], dtype=np.int64)
