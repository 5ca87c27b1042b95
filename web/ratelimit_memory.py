"""Rate-limit counts in this process's memory, swept once a second by one thread.

The ``limits`` library's memory storage starts a new timer thread after almost every hit
(each timer clears expired counts 10 ms later, then ends). Under a hall's worth of visitors
that is a hundred new threads a second per worker, and each request that starts one waits
for it to be scheduled: it was a large part of the site's latency under load
(``bench/load_report.md``). This storage keeps the same counts and the same answers (every
read already ignores what has expired) and clears old counts from one long-lived thread.

It replaces one private method of ``limits.storage.MemoryStorage`` (``limits>=5.8,<6``);
``tests/web/test_ratelimit_memory.py`` fails if a new version stops calling it.
"""

from __future__ import annotations

import logging
import os
import threading
import time

from limits.storage import MemoryStorage

log = logging.getLogger(__name__)
SCHEME = "compass-memory"
SWEEP_SECONDS = 1.0
BASE_EXPIRY = "_MemoryStorage__expire_events"


class SweptMemoryStorage(MemoryStorage):
    """:class:`MemoryStorage` with one sweeping thread per process instead of a timer per hit."""

    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options: str) -> None:
        self._sweeper: threading.Thread | None = None
        self._sweeper_pid = 0
        self._starting = threading.Lock()
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    def _MemoryStorage__schedule_expiry(self) -> None:  # noqa: N802 - the name the base class calls
        """Called on every hit: make sure this process has its sweeper (a forked worker
        inherits the object but not the thread)."""
        if self._sweeper_pid == os.getpid() and self._sweeper is not None and self._sweeper.is_alive():
            return
        with self._starting:
            if self._sweeper_pid != os.getpid() or self._sweeper is None or not self._sweeper.is_alive():
                self._sweeper = threading.Thread(target=self._sweep, name="rate-limit-sweeper",
                                                 daemon=True)
                self._sweeper.start()
                self._sweeper_pid = os.getpid()

    def _sweep(self) -> None:
        expire = getattr(self, BASE_EXPIRY)  # the base class's own sweep of expired counts
        while True:
            time.sleep(SWEEP_SECONDS)
            try:
                expire()
            except Exception:  # noqa: BLE001 - a failed sweep is retried next time; counts stay right
                log.exception("sweeping expired rate-limit counts failed; trying again")
