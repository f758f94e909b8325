"""The account's mails through a real SMTP server (aiosmtpd on loopback): the e-mail change's
code and notices, and the new-device mail."""

from __future__ import annotations

import re
from dataclasses import replace

import httpx
from server_helpers import CLIENT_IP, PASSWORD, SANNE, bearer, login
from smtp_inbox import wait_for_mail

from server.app import create_app

NEW = "sanne.nieuw@voorbeeld.example"


async def test_email_change_and_new_device_mail_through_real_smtp(settings, smtp) -> None:  # noqa: ANN001
    inbox, port = smtp
    settings = replace(settings, smtp_host="127.0.0.1", smtp_port=port, smtp_security="none",
                       mail_from="Kinderopvang Zonnebloem <noreply@zonnebloem.example>")
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=(CLIENT_IP, 50000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            first = await login(client, device_name="Laptop")
            auth = bearer(first.json())
            asked = await client.post("/api/v1/account/email", headers=auth,
                                      json={"current_password": PASSWORD, "new_email": NEW})
            assert asked.status_code == 202
            await wait_for_mail(inbox, 2)
            assert {m["To"] for m in inbox.messages} == {NEW, SANNE}
            assert NEW in inbox.text_of_last(SANNE)
            code = re.search(r"in de app in: ([A-Z2-9]{4}-[A-Z2-9]{4})", inbox.text_of_last(NEW))
            assert code is not None
            done = await client.post("/api/v1/account/email/confirm", headers=auth,
                                     json={"code": code.group(1)})
            assert done.json()["email"] == NEW
            await wait_for_mail(inbox, 3)
            assert inbox.messages[-1]["To"] == SANNE
            assert "is gewijzigd" in inbox.messages[-1]["Subject"]

            # A login from another device: a mail to the (new) address, naming the device.
            await login(client, NEW, device_name="Telefoon van iemand")
            await wait_for_mail(inbox, 4)
            assert inbox.messages[-1]["To"] == NEW
            assert "Telefoon van iemand" in inbox.text_of_last(NEW)
            # The same device again (its device_token): no further mail.
            await login(client, NEW, device_name="Laptop",
                        device_token=first.json()["device_token"])
            assert len(inbox.messages) == 4
