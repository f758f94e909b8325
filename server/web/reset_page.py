"""`GET/POST /reset/{token}`: the small page the reset mail links to."""

from __future__ import annotations

from html import escape
from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse

from server.auth import reset as reset_service
from server.auth.password_policy import password_problem
from server.deps import Client, CurrentSettings, Db, Hasher
from server.problems import Problem
from server.problems.catalogue import PASSWORD_POLICY_TEXT

router = APIRouter(include_in_schema=False)

# The token is in the URL: no referrer may carry it away, no cache may keep the page, and the
# page loads nothing from elsewhere.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
}

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #f5f7fa;
       color: #1f2328; margin: 0; padding: 2rem 1rem; line-height: 1.5; }
main { max-width: 26rem; margin: 0 auto; background: #fff; border-radius: 12px;
       padding: 2rem; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
h1 { font-size: 1.4rem; margin-top: 0; color: #1f2a37; }
label { display: block; font-weight: 600; margin-top: 1rem; }
input[type=password] { width: 100%; box-sizing: border-box; font-size: 1rem; padding: .6rem;
       border: 1px solid #8c959f; border-radius: 6px; margin-top: .3rem; }
input:focus, button:focus { outline: 3px solid #2e7d6b; outline-offset: 2px; }
.check { display: flex; gap: .5rem; align-items: center; font-weight: normal; }
.hint { color: #57606a; font-size: .9rem; margin: .3rem 0 0; }
button { margin-top: 1.5rem; width: 100%; font-size: 1rem; padding: .7rem; border: 0;
         border-radius: 6px; background: #2e7d6b; color: #fff; cursor: pointer; }
.error { background: #ffebe9; border: 1px solid #cf222e; color: #82071e; padding: .7rem;
         border-radius: 6px; }
.ok { background: #dafbe1; border: 1px solid #1a7f37; color: #0f5323; padding: .7rem;
      border-radius: 6px; }
"""


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    html = (
        "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta name=\"robots\" content=\"noindex\">"
        f"<title>{escape(title)} – Ouderportaal</title><style>{STYLE}</style></head>"
        f"<body><main><h1>{escape(title)}</h1>{body}</main></body></html>"
    )
    return HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)


def _form(error: str | None = None, end_sessions: bool = True) -> str:
    error_html = f"<p class=\"error\" role=\"alert\">{escape(error)}</p>" if error else ""
    checked = " checked" if end_sessions else ""
    return (
        f"{error_html}<p>Kies een nieuw wachtwoord voor je account.</p>"
        "<form method=\"post\">"
        "<label for=\"password\">Nieuw wachtwoord</label>"
        "<input id=\"password\" name=\"password\" type=\"password\" required minlength=\"8\" "
        "maxlength=\"128\" autocomplete=\"new-password\" aria-describedby=\"password-hint\" "
        "autofocus>"
        "<p id=\"password-hint\" class=\"hint\">Minstens 8 tekens. Een zin van een paar "
        "woorden is sterk en goed te onthouden.</p>"
        "<label for=\"password_repeat\">Herhaal het wachtwoord</label>"
        "<input id=\"password_repeat\" name=\"password_repeat\" type=\"password\" required "
        "minlength=\"8\" maxlength=\"128\" autocomplete=\"new-password\">"
        "<label class=\"check\"><input type=\"checkbox\" name=\"end_other_sessions\" "
        f"value=\"1\"{checked}> Overal uitloggen</label>"
        "<p class=\"hint\">Meldt je af op alle apparaten waarop je nu bent ingelogd.</p>"
        "<button type=\"submit\">Wachtwoord opslaan</button>"
        "</form>"
    )


INVALID_LINK = (
    "<p class=\"error\" role=\"alert\">Deze link is ongeldig, al gebruikt of verlopen.</p>"
    "<p>Vraag in de app opnieuw een mail aan via ‘Wachtwoord vergeten?’. Een link is "
    "30 minuten geldig en werkt één keer.</p>"
)


@router.get("/reset/{token}", response_class=HTMLResponse)
async def reset_form(token: str, db: Db, settings: CurrentSettings) -> HTMLResponse:
    if await reset_service.reset_for_token(db, token, settings.now()) is None:
        return _page("Link verlopen", INVALID_LINK, status=400)
    return _page("Wachtwoord instellen", _form())


@router.post("/reset/{token}", response_class=HTMLResponse)
async def reset_submit(
    token: str, db: Db, settings: CurrentSettings, hasher: Hasher, client: Client,
    password: Annotated[str, Form(max_length=1024)] = "",
    password_repeat: Annotated[str, Form(max_length=1024)] = "",
    end_other_sessions: Annotated[str | None, Form()] = None,
) -> HTMLResponse:
    end_sessions = end_other_sessions is not None
    reset = await reset_service.reset_for_token(db, token, settings.now())
    if reset is None:
        return _page("Link verlopen", INVALID_LINK, status=400)
    if password != password_repeat:
        return _page("Wachtwoord instellen",
                     _form("De twee wachtwoorden zijn niet gelijk.", end_sessions), status=422)
    if reason := password_problem(password, await reset_service.policy_account(db, reset.user)):
        return _page("Wachtwoord instellen",
                     _form(PASSWORD_POLICY_TEXT[reason][0], end_sessions), status=422)
    try:
        await reset_service.confirm_with_token(db, settings, hasher, token, password,
                                               end_sessions, client)
    except Problem:
        return _page("Link verlopen", INVALID_LINK, status=400)
    return _page("Wachtwoord ingesteld",
                 "<p class=\"ok\" role=\"status\">Je wachtwoord is ingesteld.</p>"
                 "<p>Je kunt nu inloggen in de Ouderportaal-app met je e-mailadres en je "
                 "nieuwe wachtwoord. Je kunt dit venster sluiten.</p>")
