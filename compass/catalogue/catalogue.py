"""The loaded catalogue: every role, provider, programme and way to try, validated and frozen."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from compass.catalogue.models import EntryRoute, GlossaryTerm, Programme, Provider, Role, SearchWords, WayToTry
from compass.errors import Problem


@dataclass(frozen=True)
class Catalogue:
    """All catalogue content, in file-name order, plus any warnings found when loading."""

    roles: tuple[Role, ...]
    providers: Mapping[str, Provider]
    programmes: Mapping[str, Programme]
    content_hash: str
    ways_to_try: Mapping[str, WayToTry] = field(default_factory=dict)
    search_words: SearchWords = SearchWords()
    glossary: tuple[GlossaryTerm, ...] = ()
    warnings: tuple[Problem, ...] = ()
    _by_id: Mapping[str, Role] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", MappingProxyType({r.id: r for r in self.roles}))
        object.__setattr__(self, "providers", MappingProxyType(dict(self.providers)))
        object.__setattr__(self, "programmes", MappingProxyType(dict(self.programmes)))
        object.__setattr__(self, "ways_to_try", MappingProxyType(dict(self.ways_to_try)))

    def role(self, role_id: str) -> Role:
        return self._by_id[role_id]

    def has_role(self, role_id: str) -> bool:
        return role_id in self._by_id

    @property
    def role_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.roles)

    def leads_to(self, role_id: str) -> tuple[Role, ...]:
        """Roles whose progression includes ``role_id`` (what can lead into it)."""
        return tuple(r for r in self.roles if role_id in r.progression)

    def signposts_for(self, route: EntryRoute, role: Role) -> tuple[tuple[Provider, ...], tuple[Programme, ...]]:
        """Providers and programmes for a route: the ones it names, then those that declare the
        route kind and the role's family (Leeds ones first)."""
        named_p = [self.providers[p] for p in route.providers if p in self.providers]
        named_g = [self.programmes[p] for p in route.programmes if p in self.programmes]

        def helps(item: Provider | Programme) -> bool:
            return route.kind in item.route_kinds and item.serves(role.family)

        extra_p = [p for p in self.providers.values() if p not in named_p and helps(p)]
        extra_g = [g for g in self.programmes.values() if g not in named_g and helps(g)]
        extra_p.sort(key=lambda p: (not p.in_leeds, p.name))
        extra_g.sort(key=lambda g: (not g.in_leeds, g.name))
        return tuple(named_p + extra_p), tuple(named_g + extra_g)
