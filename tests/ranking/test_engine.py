"""The engine end to end on the test catalogue: constraints, diversity, reasons, next steps."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ranking_helpers import ROLES, FakeEncoder, fixture_catalogue

from compass.catalogue.vocab import LIKE_DIMENSIONS, RIASEC, Stage
from compass.profile import Constraints, Interests, Likes, Profile
from compass.ranking import diversity
from compass.ranking.engine import Engine
from compass.ranking.listwise import ListwiseRanker
from compass.ranking.reasons import AnswerEffects, answer_effects, explain
from compass.ranking.routes import route_problems
from compass.ranking.scorers import LearnedRanker
from compass.ranking.training import fit_learned, rows_for
from compass.signposting import make_step

NEUTRAL = {"interests": 0.5, "likes": 0.0, "free_text": "", "earn_while_learning": False,
           "max_study_years": None, "shift_work_ok": None}

profiles = st.builds(
    Profile,
    stage=st.none() | st.sampled_from(list(Stage)),
    age=st.none() | st.integers(14, 25),
    interests=st.builds(Interests, **{a: st.sampled_from([0.1, 0.3, 0.5, 0.7, 0.9])
                                      for a in RIASEC}),
    likes=st.builds(Likes, **{d: st.sampled_from([-1.0, -0.5, 0.0, 0.5, 1.0])
                              for d in LIKE_DIMENSIONS}),
    constraints=st.builds(Constraints, max_study_years=st.none() | st.integers(0, 6),
                          earn_while_learning=st.booleans(),
                          shift_work_ok=st.none() | st.booleans(),
                          has_gcse_english_maths=st.none() | st.booleans()),
    free_text=st.sampled_from(["", "I want to help older people", "computers and data",
                               "painting and drawing"]),
)


def without(profile: Profile, answer: str) -> Profile:
    """``profile`` with one answer (a field name such as 'likes.science') set to neutral."""
    group, _, name = answer.partition(".")
    if group == "free_text":
        return profile.model_copy(update={"free_text": ""})
    block: Any = getattr(profile, group)
    value = NEUTRAL.get(group, NEUTRAL.get(name))
    return profile.model_copy(update={group: block.model_copy(update={name: value})})


def learned_engine(engine: Engine) -> Engine:
    rng = np.random.default_rng(3)
    people = [Profile(interests=Interests(**{a: float(rng.random()) for a in RIASEC}),
                      likes=Likes(**{d: float(rng.choice([-1, 0, 1])) for d in LIKE_DIMENSIONS}))
              for _ in range(12)]
    roles = engine.catalogue.role_ids
    grades = [{roles[i % len(roles)]: 3, roles[(i + 3) % len(roles)]: 1} for i in range(12)]
    rows = rows_for(engine, people, grades, [f"p{i}" for i in range(12)], 1.0)
    return engine.with_ranker(LearnedRanker(fit_learned(rows)))


@pytest.fixture(params=["transparent", "learned"])
def any_engine(request: pytest.FixtureRequest, engine: Engine) -> Engine:
    return engine if request.param == "transparent" else learned_engine(engine)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(profile=profiles)
def test_recommendations_never_break_the_constraints(any_engine: Engine, profile: Profile) -> None:
    recommendations = any_engine.recommend(profile, top=20)
    for rec in recommendations:
        assert not route_problems(rec.route.route, profile), rec.role_id
        assert 2 <= len(rec.reasons) <= 4
    fitting = [r for r in any_engine.catalogue.roles
               if any(not route_problems(route, profile) for route in r.entry_routes)]
    assert {r.role_id for r in recommendations} == {r.id for r in fitting}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(profile=profiles)
def test_reasons_are_faithful(any_engine: Engine, profile: Profile) -> None:
    """Removing an answer a reason cites lowers that role's score."""
    rows = {role_id: i for i, role_id in enumerate(any_engine.catalogue.role_ids)}
    base = any_engine.score([profile]).scores[0]
    for rec in any_engine.recommend(profile, top=5):
        for reason in rec.evidence:
            for answer in reason.answers:
                lowered = any_engine.score([without(profile, answer)]).scores[0]
                assert lowered[rows[rec.role_id]] < base[rows[rec.role_id]], (answer, reason)


def test_reasons_speak_from_the_persons_answers(engine: Engine) -> None:
    profile = Profile(likes=Likes(technology=1.0, organising=0.5),
                      constraints=Constraints(shift_work_ok=False, earn_while_learning=True))
    top = engine.recommend(profile, top=1)[0]
    assert top.role_id == "data-analyst"
    text = " ".join(top.reasons)
    assert "You said you like computers and technology" in text
    assert "rather not work shifts or nights" in text
    assert all(r.endswith(".") and len(r) < 160 for r in top.reasons)


def test_exclude_and_not_for_me(engine: Engine) -> None:
    profile = Profile(likes=Likes(patient_contact=1.0, clinical_procedures=1.0))
    plain = [r.role_id for r in engine.recommend(profile, top=12)]
    excluded = [r.role_id for r in engine.recommend(profile, top=12, exclude=[plain[0], "nope"])]
    assert plain[0] not in excluded and len(excluded) == len(plain) - 1
    hidden = [r.role_id for r in engine.recommend(profile, top=12, not_for_me=["adult-nurse"])]
    assert "adult-nurse" not in hidden
    assert [r for r in plain if r != "adult-nurse"] == hidden[:len(plain) - 1]  # nothing else moves


def nursing_heavy_engine() -> Engine:
    """The test catalogue plus five more nursing roles much like the adult nurse."""
    nurse = next(r for r in ROLES if r["id"] == "adult-nurse")
    clones = [{**nurse, "id": f"nurse-{n}", "title": f"Nurse {n}"} for n in "abcde"]
    return Engine(fixture_catalogue(clones + ROLES), encoder=FakeEncoder())


def test_broad_profiles_spread_across_families(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = nursing_heavy_engine()
    broad = Profile(likes=Likes(patient_contact=0.5))
    spread = engine.recommend(broad, top=8)
    monkeypatch.setattr(diversity, "FAMILY_PENALTY", 0.0)
    bunched = engine.recommend(broad, top=8)
    assert len({r.family for r in spread}) >= 5
    assert len({r.family for r in bunched}) <= 3


def test_narrow_profiles_keep_their_family() -> None:
    engine = nursing_heavy_engine()
    nursing = Profile(interests=Interests(social=0.9, investigative=0.8, realistic=0.7),
                      likes=Likes(clinical_procedures=1.0, patient_contact=1.0, science=0.5,
                                  emergencies=0.5, technology=-1.0, creative=-1.0),
                      free_text="care for adults on hospital wards")
    top = engine.recommend(nursing, top=6)
    assert sum(r.family.value == "nursing-midwifery" for r in top) >= 5


def test_the_next_step_fits_and_names_where_to_go(engine: Engine) -> None:
    profile = Profile(stage=Stage.SCHOOL, age=15, likes=Likes(hands_on=1.0),
                      constraints=Constraints(max_study_years=0, earn_while_learning=True))
    rec = next(r for r in engine.recommend(profile) if r.role_id == "estates-electrician")
    assert rec.route.route.kind.value == "apprenticeship"
    assert [p.id for p in rec.route.providers][:1] == ["test-college"]
    assert "paid while you train" in rec.route.why
    as_json = rec.to_dict()
    assert set(as_json) == {"role_id", "title", "family", "score", "reasons", "worth_knowing", "named", "route"}
    assert as_json["route"]["providers"][0]["url"].startswith("https://")


def test_many_profiles_at_once_give_the_same_answers(engine: Engine) -> None:
    people = [Profile(likes=Likes(creative=1.0)), Profile(free_text="computers and data"),
              Profile(constraints=Constraints(max_study_years=0))]
    together = engine.recommend_many(people, top=5)
    apart = [engine.recommend(p, top=5) for p in people]
    assert [[r.role_id for r in recs] for recs in together] == [
        [r.role_id for r in recs] for recs in apart]


def test_the_encoder_is_only_used_for_free_text(catalogue: Any) -> None:
    encoder = FakeEncoder()
    engine = Engine(catalogue, encoder=encoder)
    engine.recommend(Profile(likes=Likes(science=1.0)), not_for_me=["adult-nurse"])
    assert encoder.calls == 0
    engine.recommend(Profile(free_text="painting and drawing"))
    engine.recommend(Profile(free_text="painting and drawing"))
    assert encoder.calls == 2  # the role texts once, then the person's words once (cached)


def test_free_text_moves_matching_roles_up(engine: Engine) -> None:
    plain = [r.role_id for r in engine.recommend(Profile(), top=12)]
    written = engine.recommend(Profile(free_text="use painting and drawing to help people"),
                               top=12)
    assert written[0].role_id == "art-therapist"
    assert plain.index("art-therapist") > 0
    assert any("\u201cuse painting and drawing to help people\u201d" in reason
               for reason in written[0].reasons)


def test_learned_and_transparent_share_one_interface(engine: Engine) -> None:
    learned = learned_engine(engine)
    assert learned.ranker_name == "learned" and engine.ranker_name == "transparent"
    assert isinstance(learned.ranker, LearnedRanker)
    assert isinstance(learned.ranker.estimator, ListwiseRanker)
    profile = Profile(likes=Likes(science=1.0))
    flat = learned.pair_features([profile])[2].flat()
    direct = learned.ranker.estimator.decision_function(flat[0])
    assert np.allclose(learned.score([profile]).scores[0], direct)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(profile=profiles)
def test_the_list_agrees_with_every_other_way_of_asking(any_engine: Engine, profile: Profile) -> None:
    """Scores, steps and 'Worth knowing' lines on the cards equal what the batch scores, a
    step worked out afresh, and a role page (Engine.worth_knowing) say for the same role."""
    rows = {role_id: i for i, role_id in enumerate(any_engine.catalogue.role_ids)}
    batch = any_engine.score([profile]).scores[0]
    understood = any_engine.understand(profile).profile
    for rec in any_engine.recommend(profile, top=12):
        assert rec.score == pytest.approx(batch[rows[rec.role_id]], abs=1e-12)
        afresh = make_step(any_engine.signposts, rec.role,
                           any_engine.best_route_index(understood, rec.role), understood)
        assert rec.route == afresh
        assert rec.worth_knowing == any_engine.worth_knowing(profile, rec.role)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(profile=profiles, seed=st.integers(0, 1000))
def test_reasons_do_not_hang_on_rounding(any_engine: Engine, profile: Profile, seed: int) -> None:
    """Effects equal but for rounding (common with the transparent scorer's round weights)
    give the same reasons in the same order, however the arithmetic came out."""
    answers, _, _ = any_engine.pair_features([profile])
    own = any_engine.understand(profile).own
    effects = answer_effects(any_engine.ranker, any_engine.index, any_engine.planner, answers)
    noise = np.random.default_rng(seed).uniform(-1e-12, 1e-12, effects.scores.shape)
    nudged = AnswerEffects(effects.given, effects.plan, effects.scores + noise)
    rows = np.arange(len(any_engine.index), dtype=np.int64)
    routes = [role.entry_routes[0] for role in any_engine.index.roles]
    assert explain(effects, any_engine.index, answers, rows, routes, own) == \
        explain(nudged, any_engine.index, answers, rows, routes, own)


def test_reasons_say_answers_back_as_strongly_as_they_were_given(engine: Engine) -> None:
    def reasons(profile: Profile) -> str:
        return " ".join(r for rec in engine.recommend(profile, top=5) for r in rec.reasons)

    picked_activities = reasons(Profile(interests=Interests(realistic=1.0, social=0.9)))
    assert "Your answers show you might enjoy" in picked_activities
    assert "You said you like" not in picked_activities  # they never said so: it is inferred
    could_get_used_to_it = reasons(Profile(likes=Likes(clinical_procedures=0.5)))
    assert "You said you are OK with clinical tasks" in could_get_used_to_it
    assert "You said you like clinical tasks" not in could_get_used_to_it
