"""RFC 9457 problem responses with a stable `code` and a Dutch or English `detail`.

Raise `Problem("code", **extra)` anywhere in a request; the rest of the package turns it into
the answer:

- `catalogue`: every code with its status, title and texts;
- `language`: Dutch or English, and how dates, waits and durations read in each;
- `body`: the problem body and response (`ProblemDetails` is its schema);
- `openapi`: what the schema says about a route's problems;
- `handlers`: every exception, the framework's own included, becomes a problem;
- `crash`: a bug becomes a 500 problem with a reference that is in the log.
"""

from __future__ import annotations

from typing import Any

from server.problems.catalogue import status_of


class Problem(Exception):
    """Raise to answer with a problem response; `extra` members are added to the body."""

    def __init__(self, code: str, *, headers: dict[str, str] | None = None, **extra: Any) -> None:
        super().__init__(code)
        self.code = code
        self.status = status_of(code)
        self.headers = headers or {}
        self.extra = extra
