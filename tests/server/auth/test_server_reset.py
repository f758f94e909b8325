"""Activation / password reset: enumeration safety, single use, expiry, wrong codes, page."""

from __future__ import annotations

import re

import httpx
from server_helpers import (
    LOTTE,
    MARK,
    PASSWORD,
    SANNE,
    THOMAS,
    bearer,
    both_databases,
    login,
    tokens,
)
from sqlalchemy import select

from server.models import PasswordReset

pytestmark = both_databases

NEW_PASSWORD = "lange wandeling door het bos"


async def request_reset(client: httpx.AsyncClient, email: str) -> httpx.Response:
    return await client.post("/api/v1/auth/password-reset", json={"email": email})


async def confirm(client: httpx.AsyncClient, email: str, code: str,
                  password: str = NEW_PASSWORD, **extra: object) -> httpx.Response:
    return await client.post("/api/v1/auth/password-reset/confirm",
                             json={"email": email, "code": code, "new_password": password,
                                   **extra})


async def test_known_and_unknown_addresses_get_the_same_answer(client, mailer) -> None:  # noqa: ANN001
    known = await request_reset(client, SANNE)
    unknown = await request_reset(client, "onbekend@voorbeeld.nl")
    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()
    assert known.headers["content-type"] == unknown.headers["content-type"]
    assert [m["To"] for m in mailer.sent] == [SANNE]


async def test_mail_has_link_and_code_and_is_dutch(client, mailer, settings) -> None:  # noqa: ANN001
    await request_reset(client, SANNE)
    message = mailer.sent[0]
    assert "wachtwoord" in message["Subject"].lower()
    text = mailer.last_text(SANNE)
    assert "Beste Sanne de Vries" in text
    assert re.search(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}\b", text)
    assert mailer.last_link(SANNE).startswith(f"{settings.public_url}/reset/")
    html = message.get_body(preferencelist=("html",)).get_content()
    assert mailer.last_code(SANNE) in html


async def test_code_sets_the_password_once(client, mailer) -> None:  # noqa: ANN001
    await request_reset(client, SANNE)
    code = mailer.last_code(SANNE)
    done = await confirm(client, SANNE, code.lower().replace("-", " "))  # typed loosely
    assert done.status_code == 200
    assert (await login(client, SANNE, NEW_PASSWORD)).status_code == 200
    assert (await login(client, SANNE, PASSWORD)).json()["code"] == "invalid_credentials"
    again = await confirm(client, SANNE, code, "nog een ander wachtwoord")
    assert again.status_code == 400
    assert again.json()["code"] == "reset_code_invalid"


async def test_reset_expires_after_30_minutes(client, mailer, clock) -> None:  # noqa: ANN001
    await request_reset(client, SANNE)
    clock.advance(minutes=30)
    response = await confirm(client, SANNE, mailer.last_code(SANNE))
    assert response.json()["code"] == "reset_code_invalid"


async def test_reset_works_just_before_expiry(client, mailer, clock) -> None:  # noqa: ANN001
    await request_reset(client, SANNE)
    clock.advance(minutes=29, seconds=59)
    assert (await confirm(client, SANNE, mailer.last_code(SANNE))).status_code == 200


async def test_five_wrong_codes_end_the_code_but_not_the_link(client, mailer) -> None:  # noqa: ANN001
    # A stranger who knows the parent's address types codes: the code dies, the link the
    # parent got by mail keeps working.
    await request_reset(client, SANNE)
    code, link = mailer.last_code(SANNE), mailer.last_link(SANNE)
    for _ in range(5):
        wrong = await confirm(client, SANNE, "AAAA-AAAA")
        assert wrong.json()["code"] == "reset_code_invalid"
    assert (await confirm(client, SANNE, code)).json()["code"] == "reset_code_invalid"
    assert (await client.get(link)).status_code == 200
    done = await client.post(link, data={"password": NEW_PASSWORD,
                                         "password_repeat": NEW_PASSWORD})
    assert done.status_code == 200
    assert (await login(client, SANNE, NEW_PASSWORD)).status_code == 200


async def test_four_wrong_codes_still_allow_the_right_one(client, mailer) -> None:  # noqa: ANN001
    await request_reset(client, SANNE)
    for _ in range(4):
        await confirm(client, SANNE, "AAAA-AAAA")
    assert (await confirm(client, SANNE, mailer.last_code(SANNE))).status_code == 200


async def test_a_newer_request_leaves_the_older_link_working(client, mailer) -> None:  # noqa: ANN001
    # Someone else asking a mail for the parent's address must not kill the parent's link.
    await request_reset(client, SANNE)
    old_code, old_link = mailer.last_code(SANNE), mailer.last_link(SANNE)
    await request_reset(client, SANNE)
    new_code, new_link = mailer.last_code(SANNE), mailer.last_link(SANNE)
    assert (await client.get(old_link)).status_code == 200
    assert (await confirm(client, SANNE, old_code)).status_code == 200
    # Using one ends all the others.
    assert (await confirm(client, SANNE, new_code)).json()["code"] == "reset_code_invalid"
    assert (await client.get(new_link)).status_code == 400


async def test_code_of_another_user_does_not_work(client, mailer) -> None:  # noqa: ANN001
    await request_reset(client, SANNE)
    await request_reset(client, THOMAS)
    response = await confirm(client, THOMAS, mailer.last_code(SANNE))
    assert response.json()["code"] == "reset_code_invalid"


async def test_policy_error_keeps_the_reset_usable(client, mailer) -> None:  # noqa: ANN001
    await request_reset(client, SANNE)
    code = mailer.last_code(SANNE)
    weak = await confirm(client, SANNE, code, "wachtwoord")
    assert weak.status_code == 422
    assert weak.json()["code"] == "password_policy"
    assert weak.json()["reason"] == "too_common"
    assert (await confirm(client, SANNE, code)).status_code == 200


async def test_end_other_sessions_is_the_default_and_can_be_declined(client, mailer) -> None:  # noqa: ANN001
    kept = await tokens(client, SANNE)
    await request_reset(client, SANNE)
    await confirm(client, SANNE, mailer.last_code(SANNE), end_other_sessions=False)
    assert (await client.get("/api/v1/me", headers=bearer(kept))).status_code == 200
    await request_reset(client, SANNE)
    await confirm(client, SANNE, mailer.last_code(SANNE), "weer een nieuw wachtwoord")
    assert (await client.get("/api/v1/me", headers=bearer(kept))).status_code == 401


async def test_expired_account_gets_no_mail(client, mailer) -> None:  # noqa: ANN001
    response = await request_reset(client, MARK)
    assert response.status_code == 202
    assert mailer.sent == []
    await request_reset(client, LOTTE)  # ended 5 weeks ago: still has access
    assert [m["To"] for m in mailer.sent] == [LOTTE]


async def test_at_most_five_mails_an_hour_without_changing_the_answer(
        client, mailer, clock) -> None:  # noqa: ANN001
    answers = [await request_reset(client, SANNE) for _ in range(7)]
    assert {(a.status_code, a.text) for a in answers} == {(answers[0].status_code,
                                                           answers[0].text)}
    assert len(mailer.sent) == 5
    clock.advance(hours=1, seconds=1)
    await request_reset(client, SANNE)
    assert len(mailer.sent) == 6


async def test_reset_page_sets_the_password_through_the_form(client, mailer) -> None:  # noqa: ANN001
    kept = await tokens(client, SANNE)
    await request_reset(client, SANNE)
    link = mailer.last_link(SANNE)
    page = await client.get(link)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert page.headers["referrer-policy"] == "no-referrer"
    assert 'name="end_other_sessions" value="1" checked' in page.text
    assert "Overal uitloggen" in page.text
    assert "<script" not in page.text and "http" not in page.text.split("<body>")[1]

    mismatch = await client.post(link, data={"password": NEW_PASSWORD,
                                              "password_repeat": NEW_PASSWORD + "x",
                                              "end_other_sessions": "1"})
    assert mismatch.status_code == 422
    assert "niet gelijk" in mismatch.text and "<form" in mismatch.text

    short = await client.post(link, data={"password": "kort", "password_repeat": "kort"})
    assert "minstens 8 tekens" in short.text and "<form" in short.text
    assert 'value="1">' in short.text  # the unchecked box stays unchecked

    done = await client.post(link, data={"password": NEW_PASSWORD,
                                         "password_repeat": NEW_PASSWORD,
                                         "end_other_sessions": "1"})
    assert done.status_code == 200
    assert "Je wachtwoord is ingesteld" in done.text
    assert (await login(client, SANNE, NEW_PASSWORD)).status_code == 200
    assert (await client.get("/api/v1/me", headers=bearer(kept))).status_code == 401

    used = await client.get(link)
    assert used.status_code == 400
    assert "ongeldig" in used.text


async def test_unknown_link_shows_a_clear_page(client) -> None:  # noqa: ANN001
    page = await client.get("/reset/not-a-real-token")
    assert page.status_code == 400
    assert "Deze link is ongeldig, al gebruikt of verlopen" in page.text
    posted = await client.post("/reset/not-a-real-token",
                               data={"password": NEW_PASSWORD, "password_repeat": NEW_PASSWORD})
    assert posted.status_code == 400


async def test_reset_rows_hold_no_plain_token_or_code(client, mailer, db) -> None:  # noqa: ANN001
    await request_reset(client, SANNE)
    code = mailer.last_code(SANNE)
    token = mailer.last_link(SANNE).rsplit("/", 1)[1]
    reset = await db.scalar(select(PasswordReset))
    values = " ".join(str(v) for v in vars(reset).values())
    assert token not in values and code not in values and code.replace("-", "") not in values


async def test_english_detail_on_request(client) -> None:  # noqa: ANN001
    response = await client.post("/api/v1/auth/password-reset", json={"email": SANNE},
                                 headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert response.json()["detail"].startswith("If this e-mail address is known")


async def check(client: httpx.AsyncClient, email: str, password: str) -> dict:
    response = await client.post("/api/v1/auth/password-reset/check",
                                 json={"email": email, "new_password": password})
    assert response.status_code == 200, response.text
    return response.json()


async def test_the_check_says_what_confirm_would_say_and_how_strong(client, mailer) -> None:  # noqa: ANN001
    assert await check(client, SANNE, "Zonnebloem2026") == {
        "acceptable": False, "reason": "too_common", "strength": 1}
    assert (await check(client, SANNE, "sanne.devries"))["reason"] == "like_email"
    strong = await check(client, SANNE, NEW_PASSWORD)
    assert strong["acceptable"] is True and strong["reason"] is None
    assert strong["strength"] == 4
    # The same verdict at confirm.
    await request_reset(client, SANNE)
    refused = await confirm(client, SANNE, mailer.last_code(SANNE), "Zonnebloem2026")
    assert refused.json()["reason"] == "too_common"


async def test_the_check_does_not_tell_whether_an_address_is_known(client) -> None:  # noqa: ANN001
    for password in ("Zonnebloem2026", NEW_PASSWORD, "welkom01", "zomer aan zee"):
        known = await check(client, SANNE, password)
        unknown = await check(client, "onbekend@voorbeeld.nl", password)
        assert known == unknown
