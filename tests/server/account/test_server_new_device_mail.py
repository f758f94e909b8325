"""The mail about a login from a new device (docs/api.md, "New-device mail")."""

from __future__ import annotations

import httpx
from server_helpers import SANNE, MemoryMailer, bearer, login


def device_mails(mailer: MemoryMailer) -> list[str]:
    return [m.get_body(preferencelist=("plain",)).get_content() for m in mailer.sent
            if m["To"] == SANNE and m["Subject"] == "Nieuwe login op je ouderportaal-account"]


async def test_a_new_device_gets_a_mail_the_same_device_does_not(
        client: httpx.AsyncClient, mailer: MemoryMailer) -> None:
    first = await login(client, device_name="Laptop thuis")
    assert device_mails(mailer) == []  # the account's first device is no news
    device = first.json()["device_token"]
    await login(client, device_name="Laptop thuis", device_token=device)
    assert device_mails(mailer) == []
    await login(client, device_name="Computer op het werk")
    [mail] = device_mails(mailer)
    assert "Computer op het werk" in mail
    assert "9:00" in mail or "09:00" in mail


async def test_the_mail_can_be_switched_off(client: httpx.AsyncClient,
                                            mailer: MemoryMailer) -> None:
    first = await login(client)
    off = await client.put("/api/v1/account/settings", headers=bearer(first.json()),
                           json={"new_device_mail": False})
    assert off.json()["new_device_mail"] is False
    await login(client, device_name="Onbekend")
    assert device_mails(mailer) == []
    await client.put("/api/v1/account/settings", headers=bearer(first.json()),
                     json={"new_device_mail": True})
    await login(client, device_name="Onbekend")
    assert len(device_mails(mailer)) == 1


async def test_another_accounts_device_token_is_a_new_device(client: httpx.AsyncClient,
                                                             mailer: MemoryMailer) -> None:
    await login(client)
    thomas = await login(client, "thomas.devries@voorbeeld.nl")
    await login(client, device_token=thomas.json()["device_token"], device_name="Van Thomas")
    assert len(device_mails(mailer)) == 1
