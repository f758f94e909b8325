"""Cursor paging, the one way every list endpoint that can grow pages (docs/api.md, "Lists and
paging").

A list endpoint takes `Paging` (`?limit=` 1–200, default 50, and `?cursor=`) and answers its
items under their own name plus `next_cursor` (null on the last page). The order of a list is a
`Keyset`: sort columns ending in a unique one, so the order is total. A cursor is the sort key
of the last item shown, so the next page starts right after it (`WHERE (a, b, id) < (…)`,
keyset paging): items added or removed meanwhile never shift a page, and a page costs the same
however deep it is. Cursors are opaque to clients, tied to their list by name; a cursor the
server did not make is a `validation_error` on the field `cursor`.

    KEYSET = Keyset("absences", (Absence.day, DESC), (Absence.id, DESC))

    @router.get("/absences")
    async def absences(paging: Paging, ...) -> AbsencesOut:
        rows = await db.scalars(KEYSET.select(query, paging))
        items, next_cursor = KEYSET.page(list(rows), paging, lambda a: (a.day, a.id))
        return AbsencesOut(absences=[...], next_cursor=next_cursor)
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Query
from sqlalchemy import ColumnElement, Select, and_, or_

from server.problems import Problem
from server.validation import PlainText

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
ASC, DESC = False, True

Row = TypeVar("Row")
SortKey = tuple[Any, ...]


@dataclass(frozen=True)
class PageRequest:
    limit: int
    cursor: str | None


async def page_request(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT,
                                description="Items per page (default 50)")] = DEFAULT_LIMIT,
    cursor: Annotated[PlainText | None, Query(max_length=500,
                                        description="`next_cursor` of the previous page")] = None,
) -> PageRequest:
    return PageRequest(limit, cursor)


# `async def` above: FastAPI would run a plain function in its thread pool on every request.
Paging = Annotated[PageRequest, Depends(page_request)]


def _invalid() -> Problem:
    return Problem("validation_error",
                   errors=[{"field": "cursor", "message": "not a cursor of this list"}])


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"t": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    return value


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        (kind, text), = value.items()
        if kind == "t" and isinstance(text, str):
            return datetime.fromisoformat(text)
        if kind == "d" and isinstance(text, str):
            return date.fromisoformat(text)
        raise ValueError(kind)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(value)
    return value


def encode_cursor(name: str, key: SortKey) -> str:
    text = json.dumps([name, [_encode_value(v) for v in key]], separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(name: str, cursor: str, types: Sequence[type]) -> SortKey:
    """The sort key in a cursor of list `name` whose values have these types; else 422."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        found, values = json.loads(raw)
        key = tuple(_decode_value(v) for v in values)
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
        raise _invalid() from exc
    if found != name or len(key) != len(types) or not all(
            isinstance(v, t) and not (t is date and isinstance(v, datetime))
            for v, t in zip(key, types, strict=True)):
        raise _invalid()
    return key


def after(columns: Sequence[ColumnElement[Any]], descending: Sequence[bool],
          key: SortKey) -> ColumnElement[bool]:
    """Rows that come after `key` in this order: (a > x) or (a = x and b > y) or …, with < for
    the descending columns."""
    terms = []
    for n, (column, desc) in enumerate(zip(columns, descending, strict=True)):
        beyond = column < key[n] if desc else column > key[n]
        terms.append(and_(*[c == key[i] for i, c in enumerate(columns[:n])], beyond))
    return or_(*terms)


class Keyset:
    """The order of one list: (column, DESC or ASC) pairs ending in a unique column."""

    def __init__(self, name: str, *order: tuple[ColumnElement[Any], bool],
                 types: Sequence[type] | None = None) -> None:
        self.name = name
        self.columns = [column for column, _ in order]
        self.descending = [desc for _, desc in order]
        self.types = list(types) if types is not None else [
            column.type.python_type for column in self.columns]

    def select(self, query: Select[Any], paging: PageRequest) -> Select[Any]:
        """`query` in this order, from the cursor on, one row more than a page (to know
        whether another page follows)."""
        ordered = query.order_by(*[c.desc() if d else c.asc()
                                   for c, d in zip(self.columns, self.descending, strict=True)])
        if paging.cursor is not None:
            ordered = ordered.where(after(self.columns, self.descending, self.decode(paging)))
        return ordered.limit(paging.limit + 1)

    def decode(self, paging: PageRequest) -> SortKey:
        assert paging.cursor is not None
        return decode_cursor(self.name, paging.cursor, self.types)

    def page(self, rows: list[Row], paging: PageRequest,
             key: Callable[[Row], SortKey]) -> tuple[list[Row], str | None]:
        """The page's rows (at most `limit`) and the cursor of the next page, or None."""
        if len(rows) <= paging.limit:
            return rows, None
        shown = rows[:paging.limit]
        return shown, encode_cursor(self.name, key(shown[-1]))
