"""`PUT /personal-data/children/{child_id}/photo-consent` (docs/api.md, "Personal data"):
the parents give or withdraw their child's photo consents themselves, at once. Withdrawing
must be as easy as giving (AVG), so no office approval; medication consent stays with the
location. Either parent of the child's family may change them: both are the child's parents.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from pydantic import BaseModel

from server.account.audit import record_change
from server.deps import Auth, CurrentSettings, Db
from server.models import Child
from server.photos.live import consent_changed
from server.problems import Problem
from server.problems.openapi import problem_responses
from server.profile.schemas import PhotoConsentOut

router = APIRouter(tags=["personal data"])
ChildId = Annotated[int, Path(ge=1, le=2**31 - 1)]
# (body field, `Child` column) per channel.
CHANNELS = (("portal", "consent_portal"), ("website", "consent_website"),
            ("social_media", "consent_social_media"))


class PhotoConsentIn(BaseModel):
    """All three channels as they should become."""

    portal: bool
    website: bool
    social_media: bool


def _out(child: Child) -> PhotoConsentOut:
    return PhotoConsentOut(portal=child.consent_portal, website=child.consent_website,
                           social_media=child.consent_social_media)


@router.put("/personal-data/children/{child_id}/photo-consent", response_model=PhotoConsentOut,
            responses=problem_responses("not_authenticated", "token_expired",
                                        "forbidden", "not_found", "validation_error"))
async def put_photo_consent(child_id: ChildId, body: PhotoConsentIn, db: Db,
                            settings: CurrentSettings, auth: Auth) -> PhotoConsentOut:
    """A parent of the child's family sets its photo consents (portal, website, social
    media). Withdrawing the portal consent hides the child's photos from the family at once;
    the tags stay, so giving it again shows them again."""
    user = auth.user
    if not user.role.is_parent or user.family_id is None:
        raise Problem("forbidden")
    child = await db.get(Child, child_id)
    if child is None or child.family_id != user.family_id:
        raise Problem("not_found")
    now = settings.now()
    portal_before = child.consent_portal
    for field, column in CHANNELS:
        old, new = getattr(child, column), getattr(body, field)
        if old != new:
            record_change(db, now, user, "photo_consent_changed", family_id=child.family_id,
                          field=f"{field}:{child.id}", old=str(old).lower(),
                          new=str(new).lower())
            setattr(child, column, new)
    if child.consent_portal != portal_before:
        # Both parents' apps hear it in this transaction (`photos` event) and sync.
        await consent_changed(db, child.family_id, child.id, child.consent_portal, now)
    await db.commit()
    return _out(child)
