"""The run-time stores the web pages share: the database (group session tallies and short
share codes).

Opened once per app from the settings. Views reach them through :func:`group_store`; a
store that is down raises :class:`~compass.groups.StoreUnavailable`, which the error
handler turns into the site's own 503 page, and ``/readyz`` reports.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from flask import Flask, current_app

from compass.groups import TallyStore
from compass.store import Database, SqlTallyStore, open_database
from compass.store.database import DatabaseUrlError
from compass.store.shares import SqlShareStore
from web.settings import Settings, SettingsError

DATABASE = "compass_database"
GROUP_STORE = "compass_groups"
SHARE_STORE = "compass_shares"


def database_url(app: Flask, settings: Settings) -> str:
    """The configured database URL, or SQLite in the instance folder."""
    if settings.database_url:
        return settings.database_url
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{Path(app.instance_path) / 'compass.sqlite3'}"


def init_app(app: Flask) -> None:
    """Open the database named by the settings and bring its schema up to date."""
    settings: Settings = app.config["COMPASS_SETTINGS"]
    try:
        database = open_database(database_url(app, settings))
    except DatabaseUrlError as exc:
        raise SettingsError(f"COMPASS_DATABASE_URL: {exc}. Set it to a SQLite file in a folder "
                            "the server can write to, or a PostgreSQL URL.") from None
    app.extensions[DATABASE] = database
    app.extensions[GROUP_STORE] = SqlTallyStore(database)
    app.extensions[SHARE_STORE] = SqlShareStore(
        database, hashlib.sha256(b"short share codes:" + settings.secret_key.encode()).digest(),
        settings.share_code_days)


def database() -> Database:
    found: Database = current_app.extensions[DATABASE]
    return found


def group_store() -> TallyStore:
    store: TallyStore = current_app.extensions[GROUP_STORE]
    return store


def share_store() -> SqlShareStore:
    store: SqlShareStore = current_app.extensions[SHARE_STORE]
    return store
