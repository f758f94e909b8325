"""Response bodies of the finance endpoints (docs/api.md "Finance")."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from server.finance.documents import FinanceDocument


class TariffOut(BaseModel):
    year: int
    care_type: str
    hourly_rate_cents: int
    max_hourly_rate_cents: int | None


class FinanceOut(BaseModel):
    access: str
    primary_parent_name: str | None
    # Some documents are being made (new or changed data): ask again in a few seconds.
    preparing: bool
    documents: list[FinanceDocument]
    next_cursor: str | None
    tariffs: list[TariffOut]
    cursor: str


class TariffsOut(BaseModel):
    tariffs: list[TariffOut]


class InvoiceLineOut(BaseModel):
    child_id: int
    child_name: str
    kind: str
    description: str
    care_type: str
    first_date: date
    last_date: date
    minutes: int
    hourly_rate_cents: int
    amount_cents: int


class InvoiceOut(BaseModel):
    id: int
    number: str
    period: str
    invoice_date: date
    due_date: date
    payment_method: str
    mandate_reference: str | None
    status: str
    total_cents: int
    document: FinanceDocument | None
    lines: list[InvoiceLineOut]


class InvoicesOut(BaseModel):
    invoices: list[InvoiceOut]
    next_cursor: str | None
