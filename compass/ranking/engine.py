"""The recommendation engine: one object per process that ranks roles for profiles.

An :class:`Engine` holds the catalogue as arrays, a ranker (the learned model if a verified
build says it beat the transparent scorer, otherwise the transparent scorer) and a text
matcher whose sentence model loads only when someone writes free text. For each profile:

1. features for every (profile, role) pair, all roles at once;
2. the ranker's score; roles with no route that fits the person's constraints are dropped;
3. a diversified top list across job families, pushing down roles like "not for me" ones;
4. reasons from the answers that raised each role's score, and the best next step.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from compass.catalogue import Catalogue, Role, load_catalogue
from compass.catalogue.vocab import Family
from compass.profile import Profile
from compass.ranking.answers import AnswerBatch, answer_batch
from compass.ranking.artefacts import DEFAULT_MODELS, load_artefacts
from compass.ranking.diversity import diversify
from compass.ranking.embeddings import RoleEmbeddings
from compass.ranking.encoder import TextEncoder, shared_encoder
from compass.ranking.features import PairFeatures, pair_features
from compass.ranking.reasons import Reason, explain
from compass.ranking.role_index import RoleIndex, unit_rows
from compass.ranking.routes import NO_ROUTE, RoutePlan, plan_routes
from compass.ranking.scorers import Ranker, TransparentScorer
from compass.ranking.text_match import TextMatcher
from compass.signposting import NextSteps, SignpostCache, Step, make_step, plan_next_steps

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

    @property
    def family(self) -> Family:
        return self.role.family

    @property
    def role_id(self) -> str:
        return self.role.id

    def to_dict(self) -> dict[str, Any]:
        return {"role_id": self.role.id, "title": self.role.title,
                "family": self.role.family.value, "score": round(self.score, 4),
                "reasons": list(self.reasons), "route": self.route.to_dict()}


@dataclass(frozen=True)
class Scored:
    """Scores and route plans for a batch of profiles over every role."""

    answers: AnswerBatch
    plan: RoutePlan
    scores: FloatArray  # (k, n)


class Engine:
    """Ranks the catalogue's roles for profiles. Build once per process; thread-safe."""

    def __init__(self, catalogue: Catalogue, *, ranker: Ranker | None = None,
                 embeddings: RoleEmbeddings | None = None, encoder: TextEncoder | None = None,
                 fallback_reason: str | None = None, ranker_note: str = "") -> None:
        self.catalogue = catalogue
        self.index = RoleIndex.from_catalogue(catalogue)
        self.ranker: Ranker = ranker or TransparentScorer()
        self.text = TextMatcher(catalogue.roles, encoder or shared_encoder(), embeddings)
        self.fallback_reason = fallback_reason
        self.ranker_note = ranker_note
        self.signposts = SignpostCache(catalogue)
        self._rows = np.arange(len(self.index), dtype=np.int64)
        self._row_of = {role_id: i for i, role_id in enumerate(self.index.role_ids)}

    @classmethod
    def load(cls, catalogue_dir: Path | None = None, models_dir: Path | None = None, *,
             catalogue: Catalogue | None = None, encoder: TextEncoder | None = None) -> Engine:
        """The catalogue plus whatever verified artefacts ``models_dir`` holds."""
        if catalogue is None:
            catalogue = load_catalogue(catalogue_dir) if catalogue_dir else load_catalogue()
        found = load_artefacts(models_dir or DEFAULT_MODELS, catalogue)
        return cls(catalogue, ranker=found.learned, embeddings=found.embeddings, encoder=encoder,
                   fallback_reason=found.fallback_reason, ranker_note=found.ranker_note)

    def with_ranker(self, ranker: Ranker) -> Engine:
        """The same engine (sharing its arrays and text matcher) with another ranker."""
        twin = object.__new__(Engine)
        twin.__dict__.update(self.__dict__)
        twin.ranker = ranker
        return twin

    @property
    def ranker_name(self) -> str:
        return self.ranker.name

    def pair_features(self, profiles: Sequence[Profile]) -> tuple[AnswerBatch, RoutePlan,
                                                                   PairFeatures]:
        """Answers, route plans and features for every profile and every role."""
        text_match = self.text.match([p.free_text for p in profiles])
        answers = answer_batch(list(profiles), text_match)
        plan = plan_routes(answers, self.index.routes)
        return answers, plan, pair_features(answers, self.index, self._rows, plan)

    def score(self, profiles: Sequence[Profile]) -> Scored:
        """Route plans and ranker scores for every profile and every role."""
        answers, plan, features = self.pair_features(profiles)
        return Scored(answers, plan, self.ranker.score(features))

    def recommend(self, profile: Profile, top: int = 10, exclude: Iterable[str] = (),
                  not_for_me: Iterable[str] = ()) -> list[Recommendation]:
        """The ``top`` roles for ``profile``, best first.

        ``exclude`` drops roles; ``not_for_me`` drops them too and pushes down similar ones.
        Unknown role ids are ignored.
        """
        return self.recommend_many([profile], top, exclude, not_for_me)[0]

    def recommend_many(self, profiles: Sequence[Profile], top: int = 10,
                       exclude: Iterable[str] = (),
                       not_for_me: Iterable[str] = ()) -> list[list[Recommendation]]:
        """:meth:`recommend` for many profiles, sharing one batch of text encoding."""
        if not profiles:
            return []
        scored = self.score(profiles)
        rejected = self._rows_of(not_for_me)
        dropped = np.zeros(len(self.index), dtype=bool)
        dropped[np.concatenate([self._rows_of(exclude), rejected])] = True
        return [self._finish(profile, scored, i, top, dropped, rejected)
                for i, profile in enumerate(profiles)]

    def _finish(self, profile: Profile, scored: Scored, i: int, top: int,
                dropped: NDArray[np.bool_], rejected: IntArray) -> list[Recommendation]:
        candidates = np.flatnonzero(scored.plan.fits[i] & ~dropped)
        scores = scored.scores[i]
        similar = self._similarity_to(candidates, rejected) if len(rejected) else None
        picks = candidates[diversify(scores[candidates], self.index.family[candidates], top,
                                     similar)]
        best = scored.plan.best[i]
        roles = [self.index.roles[int(r)] for r in picks]
        routes = [role.entry_routes[int(best[r])] for role, r in zip(roles, picks, strict=True)]
        evidence = explain(self.ranker, self.index, scored.answers.row(i), picks, routes)
        return [
            Recommendation(role=role, score=float(scores[r]),
                           reasons=tuple(reason.text for reason in reasons),
                           route=make_step(self.signposts, role, int(best[r]), profile),
                           evidence=reasons)
            for role, r, reasons in zip(roles, picks, evidence, strict=True)
        ]

    def best_route_index(self, profile: Profile, role: Role) -> int | None:
        """Which of ``role``'s routes best fits ``profile`` (as in :meth:`recommend`), if any."""
        answers = answer_batch([profile], np.zeros((1, len(self.index))))
        best = int(plan_routes(answers, self.index.routes).best[0, self._row_of[role.id]])
        return None if best == NO_ROUTE else best

    def next_steps(self, profile: Profile, role: Role) -> NextSteps:
        """Every way into ``role`` for ``profile``, starting with the step :meth:`recommend` shows."""
        return plan_next_steps(self.signposts, role, profile, self.best_route_index(profile, role))

    def _rows_of(self, role_ids: Iterable[str]) -> IntArray:
        return np.array([self._row_of[r] for r in role_ids if r in self._row_of], dtype=np.int64)

    def _similarity_to(self, rows: IntArray, rejected: IntArray) -> FloatArray:
        """0..1 per row: how much closer than average it is to a rejected role."""
        vectors = self._role_vectors()
        similarity = vectors @ vectors[rejected].T          # (n, r)
        typical = similarity.mean(axis=0)                    # (r,)
        lifted = (similarity - typical) / np.maximum(1.0 - typical, 1e-6)
        return np.asarray(np.clip(lifted[rows].max(axis=1), 0.0, 1.0))

    def _role_vectors(self) -> FloatArray:
        if self.text.has_role_vectors:
            return self.text.role_vectors().astype(np.float64)
        return unit_rows(np.hstack([self.index.interest_shape,
                                    self.index.work - self.index.work.mean(axis=0)]))
