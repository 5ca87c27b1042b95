"""``compass serve``: run the web service with waitress, a production WSGI server.

Settings come from ``COMPASS_*`` environment variables (see ``web/settings.py``);
``COMPASS_SECRET_KEY`` is required. The web package is imported only inside the handler,
so the rest of the command line never loads Flask.
"""

from __future__ import annotations

import argparse

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "serve", help="serve the web app on this computer",
        description="Serve Career Compass with waitress. Needs COMPASS_SECRET_KEY in the "
        "environment (make run creates one in .secret_key).")
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help=f"address to listen on (default: {DEFAULT_HOST}, this computer only)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port to listen on (default: {DEFAULT_PORT})")
    parser.add_argument("--threads", type=int, default=8,
                        help="worker threads answering requests (default: 8)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from web.server import serve

    serve(args.host, args.port, threads=args.threads)
    return 0
