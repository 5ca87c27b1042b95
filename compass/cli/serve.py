"""``compass serve``: run the web service: waitress in one process, or gunicorn with
``--workers N``.

Settings come from ``COMPASS_*`` environment variables (see ``web/settings.py``);
``COMPASS_SECRET_KEY`` is required. The web package is imported only inside the handler,
so the rest of the command line never loads Flask.
"""

from __future__ import annotations

import argparse

from compass.errors import CompassError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "serve", help="serve the web app on this computer",
        description="Serve Career Compass (waitress, or gunicorn with --workers). Needs COMPASS_SECRET_KEY in the "
        "environment (make run creates one in .secret_key).")
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help=f"address to listen on (default: {DEFAULT_HOST}, this computer only)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port to listen on (default: {DEFAULT_PORT})")
    parser.add_argument("--threads", type=int, default=8,
                        help="threads answering requests in each process (default: 8)")
    parser.add_argument("--workers", type=int, default=1,
                        help="processes answering requests (default: 1, served by waitress); "
                        "more than 1 runs gunicorn, loading everything once before the processes "
                        "start so they share it. About one per CPU core.")
    parser.add_argument("--access-log", metavar="FILE", default=None,
                        help="with --workers above 1, write an access log ('-' for the screen): "
                        "time, method, path, status and milliseconds only, never addresses or "
                        "query strings")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from web.server import serve

    if args.workers < 1 or args.threads < 1:
        raise CompassError("--workers and --threads must be 1 or more")
    serve(args.host, args.port, threads=args.threads, workers=args.workers, access_log=args.access_log)
    return 0
