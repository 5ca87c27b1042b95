"""Settings from the environment: checked at start-up with messages that say how to fix them."""

from __future__ import annotations

import shutil
from dataclasses import fields
from pathlib import Path

import pytest

from compass.cli import main
from compass.errors import CatalogueError
from compass.ranking.artefacts import keep_last_good_catalogue
from web import create_app
from web.services import load
from web.settings import REPO, SETTING_HELP, Settings, SettingsError

KEY = "k" * 64


def test_production_refuses_to_start_without_a_secret_key() -> None:
    with pytest.raises(SettingsError, match="COMPASS_SECRET_KEY is not set"):
        Settings.from_env({})


def test_a_short_secret_key_is_refused() -> None:
    with pytest.raises(SettingsError, match="at least 32"):
        Settings.from_env({"COMPASS_SECRET_KEY": "short"})


def test_development_makes_a_throwaway_key() -> None:
    settings = Settings.from_env({"COMPASS_ENV": "development"})
    assert len(settings.secret_key) >= 32


def test_values_are_read_and_converted() -> None:
    settings = Settings.from_env({
        "COMPASS_SECRET_KEY": KEY, "COMPASS_SECURE_COOKIES": "false",
        "COMPASS_RATE_LIMIT": "10 per second", "COMPASS_PROXY_COUNT": "1",
        "COMPASS_REDIS_URL": "redis://cache:6379/0", "COMPASS_VISITOR_RATE_LIMIT": "5 per second",
    })
    assert settings.secure_cookies is False and settings.proxy_count == 1
    assert settings.rate_limit == "10 per second" and settings.visitor_rate_limit == "5 per second"
    assert settings.ratelimit_storage_url == "redis://cache:6379/0"
    assert Settings.for_tests().ratelimit_storage_url == "compass-memory://"


def test_folder_settings_become_paths_and_the_app_starts_with_them(tmp_path: Path) -> None:
    models = tmp_path / "models"
    shutil.copytree(REPO / "models", models)
    settings = Settings.from_env({"COMPASS_ENV": "test", "COMPASS_MODELS_DIR": str(models),
                                  "COMPASS_CATALOGUE_DIR": str(REPO / "roles_catalogue")})
    assert settings.models_dir == models and isinstance(settings.catalogue_dir, Path)
    app = create_app({"models_dir": settings.models_dir, "catalogue_dir": settings.catalogue_dir})
    assert app.test_client().get("/readyz").status_code == 200


def test_a_catalogue_broken_before_a_restart_leaves_the_last_good_build_serving(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Before: one bad YAML edit and a restart left the service unable to start at all."""
    models, catalogue = tmp_path / "models", tmp_path / "catalogue"
    shutil.copytree(REPO / "models", models, ignore=shutil.ignore_patterns("catalogue"))
    keep_last_good_catalogue(REPO / "roles_catalogue", models)  # what `compass build` keeps
    shutil.copytree(REPO / "roles_catalogue", catalogue)
    porter = catalogue / "roles" / "porter.yaml"
    porter.write_text(porter.read_text().replace("family: ", "family: not-a-family-"))
    app = create_app({"models_dir": models, "catalogue_dir": catalogue})
    ready = app.test_client().get("/readyz").json
    assert ready is not None and ready["catalogue"].startswith("serving the last good catalogue")
    assert "porter.yaml" in ready["catalogue"] and "compass validate" in ready["catalogue"]
    assert ready["roles"] == len(list((REPO / "roles_catalogue" / "roles").glob("*.yaml")))
    assert app.test_client().get("/roles/porter").status_code == 200
    assert "serving the last good catalogue" in caplog.text
    shutil.rmtree(models / "catalogue")
    load.cache_clear()  # a fresh process
    with pytest.raises(CatalogueError):  # with no good build on disk, it refuses to start
        create_app({"models_dir": models, "catalogue_dir": catalogue})


@pytest.mark.parametrize(("name", "value", "message"), [
    ("COMPASS_SECURE_COOKIES", "maybe", "use true or false"),
    ("COMPASS_CSRF_TIME_LIMIT", "soon", "whole number"),
    ("COMPASS_SHARE_CODE_DAYS", "0", "above 0"),
    ("COMPASS_ENV", "staging", "use one of"),
    ("COMPASS_PUBLIC_URL", "example.org", "must start with https://"),
])
def test_bad_values_name_the_variable(name: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message) as caught:
        Settings.from_env({"COMPASS_SECRET_KEY": KEY, name: value})
    assert name in str(caught.value)


def test_test_settings_are_for_plain_http() -> None:
    settings = Settings.for_tests()
    assert settings.env == "test" and not settings.secure_cookies


def test_every_setting_is_described() -> None:
    names = {f"COMPASS_{f.name.upper()}" for f in fields(Settings)}
    assert set(SETTING_HELP) == names
    assert all(len(text) > 20 for text in SETTING_HELP.values())


def test_serve_without_a_secret_key_stops_with_a_plain_message(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("COMPASS_SECRET_KEY", raising=False)
    monkeypatch.delenv("COMPASS_ENV", raising=False)
    assert main(["serve", "--port", "0"]) == 1
    assert "COMPASS_SECRET_KEY is not set" in capsys.readouterr().err


@pytest.mark.parametrize(("name", "value"), [("COMPASS_RATE_LIMIT", "lots"),
                                             ("COMPASS_VISITOR_RATE_LIMIT", "often"),
                                             ("COMPASS_REDIS_URL", "nope://x")])
def test_bad_rate_limit_settings_stop_the_app_at_start_up(name: str, value: str) -> None:
    from web import create_app

    key = name.removeprefix("COMPASS_").lower()
    with pytest.raises(SettingsError, match=name):
        create_app({key: value})
