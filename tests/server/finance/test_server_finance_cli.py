"""`ouderportaal-server invoices --month 2026-11` makes the month's invoices once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from server.cli import main


def test_the_invoice_command_is_idempotent(settings, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    monkeypatch.setenv("OUDERPORTAAL_DATA_DIR", str(settings.data_dir))
    assert main(["invoices", "--month", "2026-04"]) == 0
    first = capsys.readouterr().out
    assert "facturen voor 2026-04 (F2026-" in first
    database = Path(settings.data_dir) / "ouderportaal.sqlite3"
    with sqlite3.connect(database) as connection:
        count = connection.execute("SELECT count(*) FROM invoice WHERE period_year = 2026 "
                                   "AND period_month = 4").fetchone()[0]
        numbers = connection.execute("SELECT count(DISTINCT number), count(*) FROM invoice"
                                     ).fetchone()
    assert count > 0 and numbers[0] == numbers[1]
    assert main(["invoices", "--month", "2026-04"]) == 0
    assert "geen nieuwe facturen voor 2026-04" in capsys.readouterr().out
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM invoice WHERE period_year = 2026 "
                                  "AND period_month = 4").fetchone()[0] == count


def test_a_malformed_month_is_refused(settings, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    assert main(["invoices", "--month", "2026-13"]) == 2
    assert "--month must look like 2026-11" in capsys.readouterr().err
