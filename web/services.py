"""The engine pieces the web pages use, loaded once per process and shared by every app.

The catalogue, the adviser wording, the question flow, the explorer's search index and the
ranking engine are
slow to build and never change while the server runs, so they are built at start-up (in
``create_app``) and cached by where they were loaded from. Tests that create many apps
still load each of them once.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from flask import Flask, current_app

from compass.catalogue import Catalogue, load_catalogue
from compass.errors import CatalogueError
from compass.glossary import TermFinder
from compass.guidance import AdviserWording, load_wording
from compass.profile import Profile
from compass.questionnaire import Flow, load_flows
from compass.ranking.artefacts import LAST_GOOD_CATALOGUE
from compass.ranking.engine import Engine
from compass.search import SearchIndex
from compass.sharecode import ShareCodec
from compass.suggestions import SuggestionCache
from web.settings import Settings, SettingsError

FLOW_ID = "main"
log = logging.getLogger("web")


@dataclass(frozen=True)
class LoadedFromDisk:
    """Everything loaded from disk: shared by every app in this process."""

    catalogue: Catalogue
    wording: AdviserWording
    flow: Flow
    search: SearchIndex
    engine: Engine
    suggestions: SuggestionCache
    terms: TermFinder
    catalogue_note: str = "ready"


@dataclass(frozen=True)
class Services:
    """What a request needs: the loaded pieces plus this app's settings and share codec."""

    settings: Settings
    catalogue: Catalogue
    wording: AdviserWording
    flow: Flow
    search: SearchIndex
    engine: Engine
    codec: ShareCodec
    suggestions: SuggestionCache
    terms: TermFinder
    catalogue_note: str = "ready"


@cache
def load(catalogue_dir: Path, questionnaire_dir: Path, models_dir: Path) -> LoadedFromDisk:
    """Load and build everything once per process for these folders.

    A catalogue folder that fails validation (a bad edit before a restart) never stops the
    service when the last good build is on disk: its copy in ``models/catalogue/`` is served,
    the log says so in one line, and /readyz reports it.
    """
    note = "ready"
    try:
        catalogue = load_catalogue(catalogue_dir)
    except CatalogueError as exc:
        last_good = models_dir / LAST_GOOD_CATALOGUE
        first = exc.problems[0].render() if exc.problems else str(exc)
        if not (last_good / "roles").is_dir():
            raise
        catalogue = load_catalogue(last_good)
        note = (f"serving the last good catalogue from {last_good}: {catalogue_dir} has "
                f"{len(exc.problems)} error(s), the first {first}. Run 'compass validate' to see them, "
                "fix them, then 'compass build'.")
        log.error("%s", note)
        catalogue_dir = last_good
    wording = load_wording(catalogue_dir)
    flows = load_flows(questionnaire_dir)
    if FLOW_ID not in flows:
        raise SettingsError(f"there is no '{FLOW_ID}' question flow in {questionnaire_dir}")
    engine = Engine.load(catalogue_dir, models_dir=models_dir, catalogue=catalogue)
    return LoadedFromDisk(catalogue, wording, flows[FLOW_ID], search_index(catalogue, engine), engine,
                          SuggestionCache(flows[FLOW_ID], engine), TermFinder(catalogue.glossary), note)


def search_index(catalogue: Catalogue, engine: Engine) -> SearchIndex:
    """The explorer's search, reading sentences with the engine's own sentence model."""
    return SearchIndex.build(catalogue, engine.reader.jobs, lambda text: engine.text.match([text])[0])


def warm_text_model_now(engine: Engine) -> None:
    """Load the sentence model (and role embeddings) now, so nobody waits for it later."""
    try:
        engine.recommend(Profile(free_text="I like helping people"), top=1)
    except Exception as exc:  # the first real request will try (and report) again
        log.warning("could not load the text model early: %s", type(exc).__name__)


@cache
def warm_text_model(engine: Engine) -> threading.Thread:
    """:func:`warm_text_model_now` in the background, once."""
    thread = threading.Thread(target=warm_text_model_now, args=(engine,), name="compass-warm-text-model",
                              daemon=True)
    thread.start()
    return thread


def init_app(app: Flask, settings: Settings) -> None:
    loaded = load(settings.catalogue_dir, settings.questionnaire_dir, settings.models_dir)
    if settings.preload_text_model:
        warm_text_model(loaded.engine)
    codec = ShareCodec(loaded.flow, settings.secret_key.encode(), settings.share_code_days)
    app.extensions["compass"] = Services(settings, loaded.catalogue, loaded.wording, loaded.flow,
                                         loaded.search, loaded.engine, codec, loaded.suggestions,
                                         loaded.terms, loaded.catalogue_note)


def current_services() -> Services:
    services: Services = current_app.extensions["compass"]
    return services
