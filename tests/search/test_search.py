"""Finding roles: words that forgive, filters, and the route filters' meaning."""

from __future__ import annotations

import pytest

from compass.catalogue import Catalogue
from compass.catalogue.vocab import Setting
from compass.search import DAYTIME_ONLY, RoleQuery, RouteFilter, SearchIndex, badges, stem
from compass.understanding import OwnWordsReader


@pytest.fixture(scope="module")
def search(shipped_catalogue: Catalogue) -> SearchIndex:
    return SearchIndex.build(shipped_catalogue, OwnWordsReader.for_catalogue(shipped_catalogue).jobs)


def ids(search: SearchIndex, query: RoleQuery) -> list[str]:
    return [r.id for r in search.find(query)]


def test_setting_and_route_filters_combine(search: SearchIndex) -> None:
    found = search.find(RoleQuery(setting=Setting.HOSPITAL, route=RouteFilter.EARN))
    assert found
    for role in found:
        assert Setting.HOSPITAL in role.settings and role.earns_while_learning


def test_earn_while_you_learn_means_paid_from_the_start_with_no_degree_first(search: SearchIndex) -> None:
    earn = ids(search, RoleQuery(route=RouteFilter.EARN))
    assert "porter" in earn and "healthcare-assistant" in earn
    assert "adult-nurse" in earn  # the nursing degree apprenticeship pays from the first day
    assert "clinical-psychologist" not in earn  # paid training, but only after a degree
    # Only through rare level 7 apprenticeships (the doctor degree apprenticeship): not shown
    # as earn while you learn.
    assert "anaesthetist" not in earn and "surgeon" not in earn


def test_no_degree_and_degree_filters_split_on_the_route_rule(search: SearchIndex) -> None:
    no_degree = ids(search, RoleQuery(route=RouteFilter.NO_DEGREE))
    degree = ids(search, RoleQuery(route=RouteFilter.DEGREE))
    assert "porter" in no_degree and "porter" not in degree
    assert "surgeon" in degree and "surgeon" not in no_degree


def test_badges_never_contradict(shipped_catalogue: Catalogue) -> None:
    assert badges(shipped_catalogue.role("clinical-psychologist")) == [DAYTIME_ONLY]
    assert badges(shipped_catalogue.role("porter"))[:2] == [RouteFilter.EARN.label,
                                                            RouteFilter.NO_DEGREE.label]
    for role in shipped_catalogue.roles:
        shown = badges(role)
        assert RouteFilter.DEGREE.label not in shown, role.id
        assert (DAYTIME_ONLY in shown) == role.work.daytime_only, role.id
        assert (RouteFilter.EARN.label in shown) == role.earns_while_learning, role.id
        if role.work.has_nights:
            assert DAYTIME_ONLY not in shown, role.id


def test_every_word_must_match_and_titles_count_most(search: SearchIndex) -> None:
    assert "physiotherapist" in ids(search, RoleQuery(words="physio"))[:3]
    assert ids(search, RoleQuery(words="hospital porter"))[0] == "porter"


def test_stems_match_word_forms() -> None:
    assert stem("nursing") == stem("nurses") == stem("nurse")
    assert stem("carer") != stem("cardiac")


def test_carer_finds_carers_not_cardiac_jobs(search: SearchIndex) -> None:
    found = ids(search, RoleQuery(words="carer"))
    assert "care-worker" in found[:5] and "cardiac-physiologist" not in found


def test_a_typo_is_corrected_and_the_page_can_say_so(search: SearchIndex) -> None:
    found = search.search(RoleQuery(words="phsyio"))
    assert found.showing_for == "physio"
    assert found.roles[0].id == "physiotherapist"
    assert search.search(RoleQuery(words="physio")).showing_for == ""  # nothing to correct


def test_words_that_mean_a_filter_set_it(search: SearchIndex) -> None:
    found = search.search(RoleQuery(words="no degree"))
    assert found.route_from_words is RouteFilter.NO_DEGREE
    assert [r.id for r in found.roles] == ids(search, RoleQuery(route=RouteFilter.NO_DEGREE))
    # The longer phrase wins: "no degree" is not read as "degree".
    assert "surgeon" not in [r.id for r in found.roles]
    nursing = search.search(RoleQuery(words="nursing with no degree"))
    assert nursing.roles and all(r.has_no_degree_way_in for r in nursing.roles)


def test_gibberish_finds_nothing(search: SearchIndex) -> None:
    assert ids(search, RoleQuery(words="zzzqqq")) == []
    assert ids(search, RoleQuery(words="physio zzzqqq"))[:1] == ["physiotherapist"]
