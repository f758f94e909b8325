"""The demo logins: one per kind of account the portal knows (docs/api.md, "Demo organisation")."""

from __future__ import annotations

from server.demo.account_security import DEMO_TWO_FACTOR_EMAIL, DEMO_TWO_FACTOR_SECRET

DEMO_PASSWORD = "zonnebloem-demo"

# (e-mail, who), as `ouderportaal-server demo` prints them.
DEMO_LOGINS = [
    ("sanne.devries@voorbeeld.nl", "ouder, twee kinderen (Emma, KDV; Daan, BSO)"),
    ("thomas.devries@voorbeeld.nl", "tweede ouder van hetzelfde gezin"),
    ("lotte.jansen@voorbeeld.nl", "ouder, contract 5 weken geleden geëindigd"),
    ("mark.bakker@voorbeeld.nl", "ouder, contract 16 maanden geleden geëindigd (geen toegang)"),
    ("fatima.elamrani@voorbeeld.nl", "pedagogisch medewerker, groep Zonnetjes"),
    ("manager@voorbeeld.nl", "locatiemanager van beide locaties"),
    (DEMO_TWO_FACTOR_EMAIL, "ouder, logt in met een code; sleutel voor een authenticator-app: "
                            f"{DEMO_TWO_FACTOR_SECRET}"),
]
