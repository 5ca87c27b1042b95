"""Never contradict the person: conflicts, named jobs, 'not for me', neutral answers, reasons.

On the real catalogue and models, without the sentence model unless a test writes words.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compass.catalogue.vocab import LIKE_DIMENSIONS, Level, Stage
from compass.profile import Constraints, Likes, Profile
from compass.ranking.conflicts import push_down, pushes_down
from compass.ranking.engine import Engine
from compass.ranking.routes import route_problems
from compass.why_not import WhyNot, apply_why_not

likes = st.builds(Likes, **{d: st.sampled_from([-1.0, -0.5, 0.0, 0.5, 1.0]) for d in LIKE_DIMENSIONS})
constraints = st.builds(Constraints, max_study_years=st.sampled_from([None, 0, 1, 2, 3, 4, 6]),
                        earn_while_learning=st.booleans(),
                        shift_work_ok=st.sampled_from([None, True, False]),
                        has_gcse_english_maths=st.sampled_from([None, True, False]))
profiles = st.builds(Profile, stage=st.sampled_from([None, *Stage]), likes=likes,
                     constraints=constraints, age=st.sampled_from([None, 14, 16, 19, 23]))
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(profile=profiles)
def test_the_two_forms_of_the_pushing_rule_agree(shipped_engine: Engine, profile: Profile) -> None:
    understood = shipped_engine.understand(profile)
    answers, _, _ = shipped_engine.pair_features([profile])
    vector = push_down(answers, shipped_engine.index, np.zeros(len(shipped_engine.index), dtype=bool))
    scalar = [pushes_down(role, understood.profile, understood.own) for role in shipped_engine.catalogue.roles]
    assert vector.tolist() == scalar


@SETTINGS
@given(profile=profiles)
def test_every_conflict_is_avoided_or_said(shipped_engine: Engine, profile: Profile) -> None:
    recommendations = shipped_engine.recommend(profile)
    pushed = [pushes_down(r.role, profile, shipped_engine.understand(profile).own) for r in recommendations]
    assert pushed == sorted(pushed)  # every conflicting role comes after every other one
    for rec, was_pushed in zip(recommendations, pushed, strict=True):
        assert not route_problems(rec.route.route, profile), rec.role.id  # next steps fit
        if was_pushed:
            assert rec.worth_knowing, rec.role.id
        nights = profile.constraints.shift_work_ok is False and rec.role.work.has_nights
        assert not nights or any("nights or being on call" in w for w in rec.worth_knowing)


@pytest.mark.parametrize(("stage", "limit", "earn", "gcse"), list(itertools.product(
    list(Stage), [None, 0, 2, 4], [False, True], [None, False])))
def test_the_best_next_step_always_fits_or_says_why(shipped_engine: Engine, stage: Stage,
                                                     limit: int | None, earn: bool,
                                                     gcse: bool | None) -> None:
    profile = Profile(stage=stage, constraints=Constraints(max_study_years=limit, earn_while_learning=earn,
                                                           has_gcse_english_maths=gcse))
    for role in shipped_engine.catalogue.roles:
        step = shipped_engine.next_steps(profile, role).steps[0]
        problems = route_problems(step.route, profile)
        assert step.fits == (not problems), role.id
        assert step.fits or step.why.startswith("Worth knowing:"), role.id
        if step.fits and (limit == 0 or earn):
            assert step.route.paid_while_training and not step.route.needs_registration_first


def test_days_only_people_rarely_see_nights_and_are_told(shipped_engine: Engine) -> None:
    shown = nights = 0
    for stage in Stage:
        for liked in ("emergencies", "patient_contact", "clinical_procedures"):
            profile = Profile(stage=stage, likes=Likes(**{liked: 1.0}),
                              constraints=Constraints(shift_work_ok=False))
            for rec in shipped_engine.recommend(profile):
                shown += 1
                if rec.role.work.has_nights:
                    nights += 1
                    assert rec.worth_knowing
    assert nights / shown <= 0.10


def test_hiding_one_role_leaves_the_others_in_order(shipped_engine: Engine) -> None:
    for stage in Stage:
        profile = Profile(stage=stage, likes=Likes(patient_contact=1.0, science=0.5))
        before = [r.role.id for r in shipped_engine.recommend(profile)]
        after = [r.role.id for r in shipped_engine.recommend(profile, not_for_me=[before[4]])]
        assert before[4] not in after and after[:9] == before[:4] + before[5:]


def test_neutral_answers_get_a_spread_across_families(shipped_engine: Engine) -> None:
    profile = Profile(stage=Stage.COLLEGE)
    assert shipped_engine.reads_as_neutral(profile)
    shown = shipped_engine.recommend(profile, top=20)
    assert len({r.role.family for r in shown[:10]}) == 10
    initials = [r.role.title[0] for r in shown]
    assert max(initials.count(letter) for letter in initials) <= 5  # not the alphabet
    assert not shipped_engine.reads_as_neutral(Profile(stage=Stage.COLLEGE, likes=Likes(science=1.0)))


def test_dislikes_are_never_given_as_reasons(shipped_engine: Engine) -> None:
    for dim in LIKE_DIMENSIONS:
        liked = "science" if dim == "patient_contact" else "patient_contact"
        profile = Profile(likes=Likes(**{dim: -1.0, liked: 0.5}))
        for rec in shipped_engine.recommend(profile):
            for reason in rec.evidence:
                assert f"likes.{dim}" not in reason.answers, (dim, reason.text)
                assert "not keen" not in reason.text


def test_a_named_job_that_the_answers_rule_out_is_shown_with_the_way_that_fits_best(
        shipped_engine: Engine) -> None:
    profile = Profile(stage=Stage.COLLEGE, free_text="I want to be a paramedic",
                      constraints=Constraints(max_study_years=0, earn_while_learning=True))
    first = shipped_engine.recommend(profile)[0]
    assert first.role.id == "paramedic"
    assert first.reasons[0] == "You wrote \u201cI want to be a paramedic\u201d."
    if not first.route.fits:
        assert any(w.startswith("You named this job, but") for w in first.worth_knowing)


def test_why_not_changes_the_profile_openly() -> None:
    from compass.catalogue import load_catalogue

    catalogue = load_catalogue()
    phlebotomist, nurse = catalogue.role("phlebotomist"), catalogue.role("adult-nurse")
    profile = Profile(constraints=Constraints(max_study_years=4))
    changed, changes = apply_why_not(profile, [(WhyNot.BLOOD, phlebotomist),
                                               (WhyNot.TOO_MUCH_STUDY, nurse),
                                               (WhyNot.SHIFTS, nurse), (WhyNot.PAY, nurse)])
    assert changed.likes.clinical_procedures == -1.0
    assert changed.constraints.max_study_years == 3 and changed.constraints.shift_work_ok is False
    assert [c.message for c in changes][0] == "We have moved jobs with blood tests and needles down."
    assert apply_why_not(profile, []) == (profile, ())


def test_a_strong_dislike_moves_roles_with_some_of_it_down_a_milder_one_only_a_lot(
        shipped_engine: Engine) -> None:
    def blood(likes: float) -> list[float]:
        profile = Profile(stage=Stage.SCHOOL,
                          likes=Likes(patient_contact=1.0, clinical_procedures=likes))
        return [rec.role.work.amount("clinical_procedures") for rec in shipped_engine.recommend(profile)]

    assert max(blood(-1.0)) < Level.SOME.amount - 1e-9     # "I'd rather not", "can't stand"
    assert max(blood(-0.5)) < Level.A_LOT.amount - 1e-9    # mixed answers: not a lot of it
