"""The demo's personal data (docs/api.md, "Demo organisation"): the De Vries family's details
filled in, and a change request waiting for the location manager. (The families' bank
accounts are the demo finance's, server/demo/finance.py.)"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from server.models import (
    ChangeField,
    ChangeRequest,
    ChangeStatus,
    Child,
    ChildContact,
    ChildDetails,
    ContactKind,
    ParentDetails,
    User,
)

ADDRESS = {"street": "Kerkstraat", "house_number": "12", "addition": "A",
           "postcode": "5611 GH", "city": "Eindhoven"}
GRANDMA = {"name": "Joke de Vries", "relation": "oma", "phone": "+31611223344"}
NEIGHBOUR = {"name": "Ilse Bos", "relation": "buurvrouw", "phone": "+31622334455"}


async def add_demo_personal_data(db: AsyncSession, created: datetime, today: date) -> None:
    users = {u.email: u for u in (await db.scalars(select(User).where(User.email.in_(
        ["sanne.devries@voorbeeld.nl", "thomas.devries@voorbeeld.nl"])))).all()}
    sanne, thomas = users["sanne.devries@voorbeeld.nl"], users["thomas.devries@voorbeeld.nl"]
    for parent in (sanne, thomas):
        db.add(ParentDetails(user_id=parent.id, home_phone="+31401234567", **{
            k: v for k, v in ADDRESS.items()}))
    assert sanne.family_id is not None
    children = {c.first_name: c for c in (await db.scalars(select(Child).where(
        Child.family_id == sanne.family_id))).all()}
    emma, daan = children["Emma"], children["Daan"]
    db.add(ChildDetails(child_id=emma.id, gp_name="Huisartsenpraktijk Centrum",
                        gp_phone="+31402345678", allergies="Pinda's en noten",
                        diet="Geen varkensvlees", medical_notes=None))
    db.add(ChildDetails(child_id=daan.id, gp_name="Huisartsenpraktijk Centrum",
                        gp_phone="+31402345678", allergies=None, diet=None,
                        medical_notes="Astma: de puffer zit in het voorvak van zijn tas."))
    for child in (emma, daan):
        db.add(ChildContact(child_id=child.id, kind=ContactKind.EMERGENCY, position=0,
                            **GRANDMA))
        db.add(ChildContact(child_id=child.id, kind=ContactKind.COLLECTOR, position=0,
                            **GRANDMA))
    # Thomas asked for the neighbour to collect Emma too: the manager decides.
    db.add(ChangeRequest(family_id=sanne.family_id, field=ChangeField.COLLECTORS,
                         subject_id=emma.id, old_value=json.dumps({"contacts": [GRANDMA]}),
                         new_value=json.dumps({"contacts": [GRANDMA, NEIGHBOUR]}),
                         status=ChangeStatus.PENDING, requested_by=thomas.id,
                         created_at=created + timedelta(days=399)))
