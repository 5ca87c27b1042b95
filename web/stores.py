"""The run-time stores the web pages share: today, the group session tallies.

Opened once per app from the settings. Views reach them through :func:`group_store`; a
store that is down raises :class:`~compass.groups.StoreUnavailable`, which the error
handler turns into the site's own 503 page, and ``/readyz`` reports.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from flask import Flask, current_app

from compass.groups import SqliteTallyStore, TallyStore
from web.settings import Settings, SettingsError

GROUP_STORE = "compass_groups"


def init_app(app: Flask) -> None:
    """Open the tally store named by the settings (the instance folder by default)."""
    settings: Settings = app.config["COMPASS_SETTINGS"]
    path = settings.groups_db
    if not path:
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        path = str(Path(app.instance_path) / "groups.sqlite3")
    try:
        app.extensions[GROUP_STORE] = SqliteTallyStore(path)
    except sqlite3.Error as exc:
        raise SettingsError(f"COMPASS_GROUPS_DB '{path}' cannot be used ({exc}). Set it to a "
                            "file in a folder the server can write to.") from None


def group_store() -> TallyStore:
    store: TallyStore = current_app.extensions[GROUP_STORE]
    return store
