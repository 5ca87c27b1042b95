"""Helpers shared by the benchmarks: made-up profiles, timing and memory."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np

from compass.catalogue.vocab import LIKE_DIMENSIONS, RIASEC, Stage
from compass.profile import Constraints, Interests, Likes, Profile

PHRASES = [
    "I like helping people", "I am good at science", "I want to earn money soon",
    "I like fixing things", "I enjoy art and drawing", "I play football every week",
    "I look after my little brother", "I like computers and games", "I want to work outside",
    "I am not keen on blood", "I like talking to old people", "I want a job in a hospital",
    "I like cooking for my family", "I am calm in a crisis", "I like music and singing",
    "I want to help people with their mental health", "I like maths and data",
    "I want to work with children", "I like driving and being on the move",
    "I would like to lead a team", "I like organising things", "I want to do a degree",
    "I do not want to go to university", "I like biology", "I like building things",
    "I care about my community", "I help at a food bank", "I like drama",
    "I want to be a nurse one day", "I like animals", "I like keeping fit",
    "I want something with regular hours", "I like solving puzzles", "I like chemistry",
    "I volunteer at a care home", "I like writing", "I want to be a paramedic",
    "I like making people laugh", "I like being busy", "I like quiet work on my own",
]


def random_profiles(count: int, with_text: bool, seed: int = 0) -> list[Profile]:
    """``count`` varied profiles; with text, each has its own three-phrase sentence."""
    rng = np.random.default_rng(seed)
    profiles = []
    for i in range(count):
        text = ". ".join(rng.choice(PHRASES, 3, replace=False)) + f". Number {i}." if with_text \
            else ""
        profiles.append(Profile(
            stage=list(Stage)[int(rng.integers(len(Stage)))],
            interests=Interests(**{a: float(rng.choice([0.2, 0.4, 0.5, 0.6, 0.8, 1.0]))
                                   for a in RIASEC}),
            likes=Likes(**{d: float(rng.choice([-1, -0.5, 0, 0, 0.5, 1])) for d in LIKE_DIMENSIONS}),
            constraints=Constraints(
                max_study_years=None if rng.random() < 0.5 else int(rng.integers(0, 6)),
                earn_while_learning=bool(rng.random() < 0.4),
                shift_work_ok=None if rng.random() < 0.5 else bool(rng.random() < 0.5)),
            free_text=text,
        ))
    return profiles


@dataclass(frozen=True)
class Timing:
    median_ms: float
    p99_ms: float

    def __str__(self) -> str:
        return f"median {self.median_ms:7.3f} ms   p99 {self.p99_ms:7.3f} ms"


ItemT = TypeVar("ItemT")


def time_each(items: Sequence[ItemT], call: Callable[[ItemT], object]) -> Timing:
    times = []
    for item in items:
        started = time.perf_counter()
        call(item)
        times.append(time.perf_counter() - started)
    ms = np.array(times) * 1000
    return Timing(float(np.median(ms)), float(np.percentile(ms, 99)))


def rss_mb() -> float:
    """Resident memory of this process now, in MB (Linux)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")
