"""Who may do what with photos: every photo route by role (docs/api.md, "Photos"). Staff act
in their own groups only (Marloes is in Regenboog, the activity is Zonnetjes'), the manager
in her locations' groups, parents read their family's photos and post nothing."""

from __future__ import annotations

import httpx
import pytest
from photo_files import jpeg
from server_helpers import FATIMA, MANAGER, SANNE, THOMAS, TODAY, bearer, tokens
from sqlalchemy.ext.asyncio import AsyncSession
from test_server_access_matrix import PROTECTED
from test_server_photo_upload import emma, new_activity, upload, zonnetjes

MARLOES = "marloes.smulders@voorbeeld.nl"
LOGINS = {"primary": SANNE, "secondary": THOMAS, "staff": FATIMA, "other_staff": MARLOES,
          "manager": MANAGER}
ALL_OK = dict.fromkeys(LOGINS, "ok")
STAFF_OF_THE_GROUP = {"primary": "not_found", "secondary": "not_found", "staff": "ok",
                      "other_staff": "not_found", "manager": "ok"}
PARENTS_WHO_SEE_IT = {"primary": "ok", "secondary": "ok", "staff": "forbidden",
                      "other_staff": "forbidden", "manager": "forbidden"}
MATRIX = {
    ("POST", "/api/v1/activities"): {**STAFF_OF_THE_GROUP, "primary": "forbidden",
                                     "secondary": "forbidden", "other_staff": "forbidden"},
    ("GET", "/api/v1/activities"): {"primary": "forbidden", "secondary": "forbidden",
                                    "staff": "ok", "other_staff": "ok", "manager": "ok"},
    ("GET", "/api/v1/activities/{activity_id}/children"): STAFF_OF_THE_GROUP,
    ("GET", "/api/v1/activities/{activity_id}/photos"): STAFF_OF_THE_GROUP,
    ("POST", "/api/v1/activities/{activity_id}/photos"): STAFF_OF_THE_GROUP,
    ("PUT", "/api/v1/photos/{photo_id}/tags"): {**STAFF_OF_THE_GROUP, "primary": "forbidden",
                                                "secondary": "forbidden"},
    ("GET", "/api/v1/photos"): {"primary": "ok", "secondary": "ok", "staff": "forbidden",
                                "other_staff": "forbidden", "manager": "forbidden"},
    ("GET", "/api/v1/photos/{photo_id}/{rendition}"): {**ALL_OK, "other_staff": "not_found"},
    # Hearts: parents who see the photo (docs/api.md, "Hearts").
    ("PUT", "/api/v1/photos/{photo_id}/heart"): PARENTS_WHO_SEE_IT,
    ("DELETE", "/api/v1/photos/{photo_id}/heart"): PARENTS_WHO_SEE_IT,
}
STATUS = {"forbidden": 403, "not_found": 404}


def test_every_photo_route_is_in_the_matrix() -> None:
    assert {r for r in PROTECTED if r[1].startswith(("/api/v1/photos", "/api/v1/activities"))
            } == set(MATRIX)


@pytest.mark.parametrize(("method", "path"), list(MATRIX), ids=[f"{m} {p}" for m, p in MATRIX])
@pytest.mark.parametrize("role", list(LOGINS))
async def test_photo_access_by_role(client: httpx.AsyncClient, db: AsyncSession, method: str,
                                    path: str, role: str) -> None:
    fatima = bearer(await tokens(client, FATIMA))
    activity = await new_activity(client, db, fatima)
    photo = (await upload(client, activity, jpeg(), fatima, (await emma(db),))).json()
    url = path.replace("{activity_id}", str(activity)).replace(
        "{photo_id}", str(photo["id"])).replace("{rendition}", "thumbnail")
    headers = bearer(await tokens(client, LOGINS[role]))
    if path.endswith("/photos") and method == "POST":
        response = await upload(client, activity, jpeg(colour="green"), headers)
    else:
        body = {"group_id": await zonnetjes(db), "date": TODAY.isoformat(), "title": "Spelen"} \
            if path == "/api/v1/activities" else {"child_ids": [await emma(db)]}
        response = await client.request(method, url, headers=headers,
                                        json=body if method != "GET" else None)
    expected = MATRIX[(method, path)][role]
    if expected == "ok":
        assert response.status_code in (200, 201), response.text
    else:
        assert (response.status_code, response.json()["code"]) == (STATUS[expected],
                                                                    expected), response.text
