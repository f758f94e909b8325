"""`ouderportaal-server`: serve, migrate, demo, publish, invoices, purge.

This module imports only what parsing the command line needs; each command imports its own
machinery. With several workers every worker process imports this module first (it is the
`__main__` that multiprocessing's spawn re-imports), before it can answer uvicorn's five-second
health check: importing the database layer and Alembic here made workers on a busy machine
miss it and be killed and restarted in a loop.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from server.config import Settings, sqlite_url

if TYPE_CHECKING:
    from fastapi import FastAPI

logger = logging.getLogger("server")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ouderportaal-server",
        description="The Ouderportaal portal server. Configured through DATABASE_URL and the "
                    "OUDERPORTAAL_* environment variables (see README.md).")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the migrations, then serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1,
                       help="server processes (PostgreSQL only: SQLite allows one)")
    serve.add_argument("--forwarded-allow-ips", default="127.0.0.1",
                       help="proxies whose X-Forwarded-For is trusted for the client address")

    commands.add_parser("migrate", help="bring the database schema up to date")

    publish = commands.add_parser(
        "publish", help="make the finance documents (PDFs) that wait to be published, then "
                        "exit; every `serve` process also does this in the background")
    publish.add_argument("--follow", action="store_true",
                         help="keep publishing new work as it is queued (a dedicated "
                              "publisher next to workers with OUDERPORTAAL_PUBLISH_DOCUMENTS=off)")

    invoices = commands.add_parser(
        "invoices", help="make the invoices of a month (families that have one are skipped)")
    invoices.add_argument("--month", required=True, help="the month of care, e.g. 2026-11")

    commands.add_parser(
        "purge", help="remove what the retention rules no longer allow to keep (the diaries "
                      "and photos of families whose care ended more than 8 weeks ago, uploads "
                      "never sent after a week); run it daily, e.g. from cron; a second run "
                      "removes nothing")

    demo = commands.add_parser("demo", help="build the demo organisation and print the logins")
    demo.add_argument("--data-dir", type=Path, default=None,
                      help="folder for the demo database and mail folder (default: OUDERPORTAAL_"
                           "DATA_DIR or ./ouderportaal-data)")
    demo.add_argument("--scale", type=int, default=1, help="multiply the number of families")
    demo.add_argument("--serve", action="store_true", help="serve the demo afterwards")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
    return parser


async def _migrate(settings: Settings) -> None:
    from server.db import create_engine, migrate

    engine = create_engine(settings)
    try:
        await migrate(engine)
    finally:
        await engine.dispose()


def _serve(settings: Settings, host: str, port: int, workers: int,
           forwarded_allow_ips: str = "127.0.0.1") -> None:
    if workers > 1 and settings.is_sqlite:
        raise SystemExit("Several workers need PostgreSQL (set DATABASE_URL); SQLite allows "
                         "one server process.")
    from server.serving import serve

    asyncio.run(_migrate(settings))
    logger.info("Serving on http://%s:%s", host, port)
    if workers > 1:
        # Each worker process imports the app factory and reads the same environment.
        serve("server.cli:app_from_env", host, port, workers, factory=True,
              forwarded_allow_ips=forwarded_allow_ips)
    else:
        from server.app import create_app

        serve(create_app(settings), host, port, forwarded_allow_ips=forwarded_allow_ips)


def app_from_env() -> FastAPI:
    """uvicorn's app factory in multi-worker mode: each worker builds its own app."""
    from server.app import create_app

    return create_app(Settings.from_env())


def _demo(args: argparse.Namespace) -> None:
    from server.demo.database import create_demo_database
    from server.demo.logins import DEMO_LOGINS, DEMO_PASSWORD

    overrides: dict[str, object] = {}
    if args.data_dir is not None:
        overrides["data_dir"] = args.data_dir
        overrides["database_url"] = sqlite_url(args.data_dir)
    settings = Settings.from_env(**overrides)
    if args.serve:
        settings = replace(settings, public_url=f"http://{args.host}:{args.port}",
                           mail_folder=settings.mail_folder or settings.data_dir / "mail")
    summary = asyncio.run(create_demo_database(settings, scale=args.scale))
    if summary is None:
        print(f"The database in {settings.data_dir} already holds data; it was left as it is.")
    else:
        from server.demo.database import amsterdam_today
        from server.demo.photos import add_demo_photos

        photos = asyncio.run(add_demo_photos(settings, amsterdam_today()))
        print(f"Demo organisation Kinderopvang Zonnebloem built in {settings.data_dir}: "
              f"{summary.families} families, {summary.children} children, "
              f"{summary.users} accounts, {photos} photos.")
    print(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
    width = max(len(email) for email, _ in DEMO_LOGINS)
    for email, who in DEMO_LOGINS:
        print(f"  {email:<{width}}  {who}")
    if args.serve:
        print(f"\nReset mails are written to {settings.mail_folder}.")
        _serve(settings, args.host, args.port, 1)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        if args.command == "serve":
            _serve(Settings.from_env(), args.host, args.port, args.workers,
                   args.forwarded_allow_ips)
        elif args.command == "migrate":
            settings = Settings.from_env()
            asyncio.run(_migrate(settings))
            print("The database schema is up to date.")
        elif args.command == "demo":
            _demo(args)
        elif args.command == "publish":
            from server.finance.publisher import publish_from_command

            print(asyncio.run(publish_from_command(Settings.from_env(), follow=args.follow)))
        elif args.command == "purge":
            from server.purge import purge

            for step, counts in asyncio.run(purge(Settings.from_env())).items():
                print(f"{step.replace('_', ' ')}: "
                      + ", ".join(f"{n} {what.replace('_', ' ')}" for what, n in counts.items()))
        elif args.command == "invoices":
            from server.finance.run import invoice_month

            for line in asyncio.run(invoice_month(Settings.from_env(), args.month)):
                print(line)
    except ValueError as exc:  # a bad setting in the environment
        print(f"ouderportaal-server: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
