"""The served OpenAPI schema tells the truth: odd input to every operation gets one of the
documented statuses, errors in the documented problem format, never a 500."""

from __future__ import annotations

import json
import random
import re
from urllib.parse import urlencode

import httpx
from server_helpers import bearer, both_databases, tokens

pytestmark = both_databases

ODD_VALUES = [None, "", " ", "x" * 5000, -1, 0, 2**63, 1.5, True, [], {}, "é🙂\x00",
              "' OR 1=1 --", "../../etc/passwd", "\ud800", "9999-12-31", "0001-01-01",
              "İ" * 200 + "@voorbeeld.nl"]
ODD_QUERY_VALUES = ["9999-12-31", "0001-01-01", "\x00", "-1", "x" * 500]


def bodies(operation: dict, schema: dict, rng: random.Random) -> list[object]:
    """Empty, wrongly typed and oversized bodies built from the operation's request schema."""
    found: list[object] = [None, {}, [], "not an object"]
    ref = (operation.get("requestBody", {}).get("content", {}).get("application/json", {})
           .get("schema", {}).get("$ref"))
    if ref:
        properties = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]["properties"]
        for _ in range(12):
            found.append({name: rng.choice(ODD_VALUES) for name in properties})
    return found


def query(operation: dict, rng: random.Random) -> str:
    """Odd values for the operation's query parameters (the agenda's dates among them)."""
    names = [p["name"] for p in operation.get("parameters", []) if p["in"] == "query"]
    if not names:
        return ""
    return "?" + urlencode({name: rng.choice(ODD_QUERY_VALUES) for name in names})


# A stream never ends, and the in-process transport waits for a response's end: it is fuzzed
# without a token only (tests/server/events run it against real server processes).
STREAMS = {"/api/v1/events"}


def carries_input_to_the_database(operation: dict) -> bool:
    """A JSON body, a query or a text path parameter: values the database is asked with or
    stores. An operation with integer path parameters only gets nothing past validation that
    the two backends would treat differently (the odd integers overflow both)."""
    json_body = "application/json" in operation.get("requestBody", {}).get("content", {})
    return json_body or any(
        p["in"] == "query" or (p["in"] == "path" and p.get("schema", {}).get("type") != "integer")
        for p in operation.get("parameters", []))


async def test_every_operation_answers_odd_input_as_documented(
        client: httpx.AsyncClient, database_url: str) -> None:
    # SQLite gets every request. PostgreSQL, which refuses what SQLite stores (a NUL in text,
    # an id beyond its column), gets the requests that carry input to its queries: not the
    # anonymous ones to a protected operation, refused before any query, nor the operations
    # whose only input is an integer path parameter.
    on_postgres = database_url.startswith("postgresql")
    rng = random.Random(7)
    schema = (await client.get("/api/v1/openapi.json")).json()
    auth = bearer(await tokens(client))
    checked = 0
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if on_postgres and not carries_input_to_the_database(operation):
                continue
            documented = set(operation["responses"])
            for path_value in ("1", "abc", "-5", "9" * 30):
                url = re.sub(r"\{[^}]+\}", path_value, path)
                for headers in ({}, auth):
                    if headers and path in STREAMS:
                        continue
                    if on_postgres and not headers and operation.get("security"):
                        continue
                    for body in bodies(operation, schema, rng):
                        # json.dumps escapes a lone surrogate as a buggy client would send it.
                        response = await client.request(
                            method.upper(), url + query(operation, rng),
                            headers={**headers, "Content-Type": "application/json"},
                            **({} if body is None else {"content": json.dumps(body)}))
                        checked += 1
                        assert str(response.status_code) in documented, (
                            method, url, body, response.status_code, response.text[:200])
                        if response.status_code >= 400:
                            assert response.headers["content-type"] == \
                                "application/problem+json"
                            assert response.json()["status"] == response.status_code
                        if response.status_code in (200, 204) and method == "post" and \
                                path.endswith("/logout"):
                            auth = bearer(await tokens(client))  # log in again
    assert checked > 200
