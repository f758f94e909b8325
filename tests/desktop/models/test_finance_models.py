"""The Financieel tables: documents per kind, tariffs, sorting and the year filter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt

from desktop.api.finance.records import DocumentKind, FinanceAccess, FinanceOverview, Tariff
from desktop.models.finance import (
    FinanceDocumentsModel,
    TariffsModel,
    YearFilterModel,
)
from desktop.models.shared.formatting import format_money

SHA = "ab" * 32


def document(doc_id: str, kind: str, number: str, period: str, year: int, **extra) -> dict:
    return {"id": doc_id, "kind": kind, "number": number, "period": period, "year": year,
            "sha256": SHA, "size": 1000, "url": f"/api/v1/finance/documents/{doc_id}", **extra}


OVERVIEW = FinanceOverview.from_json({
    "access": "granted", "primary_parent_name": "Sanne de Vries", "cursor": "c1",
    "documents": [
        document("1", "invoice", "F2026-00123", "2026-10", 2026, amount_cents=123456,
                 status="open"),
        document("2", "invoice", "F2025-00980", "2025-12", 2025, amount_cents=9850,
                 status="paid"),
        document("3", "invoice", "F2026-00101", "2026-09", 2026, amount_cents=98700,
                 status="paid"),
        document("4", "jaaropgave", "J2025-1", "2025", 2025, child_name="Emma",
                 amount_cents=1051200),
        document("5", "contract", "C-00001", "2024-08-01 – 2026-07-31", 2024,
                 child_name="Emma", care_type="KDV"),
        document("6", "contract", "C-00002", "2025-03-01 – ", 2025, child_name="Daan",
                 care_type="BSO"),
    ],
    "tariffs": [
        {"year": 2026, "care_type": "KDV", "hourly_rate_cents": 1150,
         "max_hourly_rate_cents": 1123},
        {"year": 2025, "care_type": "BSO", "hourly_rate_cents": 900,
         "max_hourly_rate_cents": 952},
    ],
})


@pytest.fixture(autouse=True)
def english_locale():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def cached() -> set[str]:
    return {"1"}


@pytest.fixture
def invoices(qtmodeltester, cached) -> FinanceDocumentsModel:
    model = FinanceDocumentsModel(DocumentKind.INVOICE, lambda d: d.id in cached)
    model.set_overview(OVERVIEW)
    qtmodeltester.check(model, force_py=True)
    return model


def texts(model, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_invoices_show_number_period_amount_status_and_offline(invoices):
    model = FinanceDocumentsModel
    assert texts(invoices, model.NUMBER) == ["F2026-00123", "F2025-00980", "F2026-00101"]
    assert texts(invoices, model.PERIOD) == ["October 2026", "December 2025", "September 2026"]
    assert texts(invoices, model.AMOUNT)[0] == format_money(123456)
    assert "1,234.56" in texts(invoices, model.AMOUNT)[0]
    assert texts(invoices, model.STATUS) == ["Open", "Paid", "Paid"]
    assert texts(invoices, model.OFFLINE) == ["On this computer", "", ""]


def test_amounts_follow_the_dutch_locale():
    assert format_money(123456, QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)) \
        .replace("\xa0", " ") == "€ 1.234,56"


def test_offline_marker_updates_only_the_changed_cell(invoices, cached, qtbot):
    cached.add("3")
    with qtbot.waitSignal(invoices.dataChanged) as changed:
        invoices.refresh_offline()
    top_left, bottom_right = changed.args[0], changed.args[1]
    assert (top_left.row(), top_left.column()) == (2, FinanceDocumentsModel.OFFLINE)
    assert (bottom_right.row(), bottom_right.column()) == (2, FinanceDocumentsModel.OFFLINE)
    assert texts(invoices, FinanceDocumentsModel.OFFLINE)[2] == "On this computer"


def test_sorting_by_amount_uses_cents_not_text(invoices, qtmodeltester):
    proxy = YearFilterModel()
    proxy.setSourceModel(invoices)
    qtmodeltester.check(proxy, force_py=True)
    proxy.sort(FinanceDocumentsModel.AMOUNT, Qt.SortOrder.AscendingOrder)
    assert texts(proxy, FinanceDocumentsModel.NUMBER) == ["F2025-00980", "F2026-00101",
                                                          "F2026-00123"]
    proxy.sort(FinanceDocumentsModel.PERIOD, Qt.SortOrder.DescendingOrder)
    assert texts(proxy, FinanceDocumentsModel.PERIOD) == ["October 2026", "September 2026",
                                                          "December 2025"]


def test_year_filter_keeps_one_year(invoices):
    proxy = YearFilterModel()
    proxy.setSourceModel(invoices)
    assert invoices.years() == [2026, 2025]
    proxy.set_year(2025)
    assert texts(proxy, FinanceDocumentsModel.NUMBER) == ["F2025-00980"]
    proxy.set_year(None)
    assert proxy.rowCount() == 3


def test_contracts_show_their_term_and_count_for_every_year_they_cover(qtmodeltester, cached):
    model = FinanceDocumentsModel(DocumentKind.CONTRACT, lambda d: d.id in cached)
    model.set_overview(OVERVIEW)
    qtmodeltester.check(model, force_py=True)
    assert texts(model, FinanceDocumentsModel.PERIOD) == [
        "1 August 2024 to 31 July 2026", "from 1 March 2025"]
    assert texts(model, FinanceDocumentsModel.CHILD) == ["Emma (Day care (KDV))",
                                                         "Daan (Out-of-school care (BSO))"]
    tip = model.index(1, FinanceDocumentsModel.CHILD).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Daan (Out-of-school care (BSO))"
    proxy = YearFilterModel()
    proxy.setSourceModel(model)
    proxy.set_year(2026)  # both: Emma's ends that year, Daan's runs on
    assert texts(proxy, FinanceDocumentsModel.NUMBER) == ["C-00001", "C-00002"]
    proxy.set_year(2024)
    assert texts(proxy, FinanceDocumentsModel.NUMBER) == ["C-00001"]


def test_jaaropgaven_model_shows_the_child(qtmodeltester, cached):
    model = FinanceDocumentsModel(DocumentKind.JAAROPGAVE, lambda d: d.id in cached)
    model.set_overview(OVERVIEW)
    qtmodeltester.check(model, force_py=True)
    assert texts(model, FinanceDocumentsModel.CHILD) == ["Emma"]
    assert model.document_at(0).kind is DocumentKind.JAAROPGAVE
    model.set_overview(None)
    assert model.rowCount() == 0


def test_tariffs_mark_rates_above_the_maximum(qtmodeltester):
    model = TariffsModel()
    model.set_overview(OVERVIEW)
    qtmodeltester.check(model, force_py=True)
    assert texts(model, TariffsModel.YEAR) == ["2026", "2025"]
    assert "above maximum" in texts(model, TariffsModel.RATE)[0]
    assert "above maximum" not in texts(model, TariffsModel.RATE)[1]
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) is None


def test_records_round_trip_and_refuse_a_bad_hash():
    assert FinanceOverview.from_json(OVERVIEW.to_json()) == OVERVIEW
    assert OVERVIEW.access is FinanceAccess.GRANTED
    assert Tariff(2026, "KDV", 1124, 1123).above_maximum
    bad = OVERVIEW.to_json()
    bad["documents"][0]["sha256"] = "not-a-hash"
    with pytest.raises(ValueError):
        FinanceOverview.from_json(bad)

