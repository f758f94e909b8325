"""`ouderportaal-server invoices --month 2026-11`: the monthly billing run from the command line."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select

from server.config import Settings
from server.db import create_engine, create_sessionmaker, migrate
from server.finance.invoicing import generate_invoices
from server.models import Organisation

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(text: str) -> tuple[int, int]:
    """"2026-11" → (2026, 11); a ValueError with a readable message otherwise."""
    match = _MONTH.match(text.strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"--month must look like 2026-11, not {text!r}")
    return int(match.group(1)), int(match.group(2))


async def invoice_month(settings: Settings, month: str) -> list[str]:
    """Make the month's invoices for every organisation; returns one report line each.

    Families that already have an invoice for the month are skipped, so running it twice
    makes nothing the second time. The new invoices' PDFs are made by the publisher
    (server.finance.publisher: every server process, or `ouderportaal-server publish`)."""
    year, number = parse_month(month)
    engine = create_engine(settings)
    try:
        await migrate(engine)
        async with create_sessionmaker(engine)() as db:
            report = []
            for organisation in await db.scalars(select(Organisation).order_by(Organisation.id)):
                made = await generate_invoices(db, organisation.id, year, number,
                                               settings.now())
                await db.commit()
                if made:
                    report.append(f"{organisation.name}: {len(made)} facturen voor "
                                  f"{date(year, number, 1):%Y-%m} ({made[0].number} t/m "
                                  f"{made[-1].number}).")
                else:
                    report.append(f"{organisation.name}: geen nieuwe facturen voor "
                                  f"{date(year, number, 1):%Y-%m}.")
            return report
    finally:
        await engine.dispose()
