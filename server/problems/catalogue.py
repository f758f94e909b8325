"""Every problem code the server answers with: HTTP status, title and the Dutch and English
`detail` (docs/api.md, "Errors", lists them for the client)."""

from __future__ import annotations

# code -> (status, title, Dutch detail, English detail). Details may hold {placeholders}.
CATALOGUE: dict[str, tuple[int, str, str, str]] = {
    "validation_error": (422, "Validation error", "De gegevens in het verzoek kloppen niet.",
                         "The request data is not valid."),
    "invalid_credentials": (401, "Invalid credentials", "E-mailadres of wachtwoord is onjuist.",
                            "E-mail address or password is incorrect."),
    "too_many_attempts": (429, "Too many attempts",
                          "Te veel mislukte pogingen. Probeer het over {wait_text} opnieuw.",
                          "Too many failed attempts. Try again in {wait_text}."),
    "account_expired": (403, "Account expired",
                        "Je toegang tot het ouderportaal is beëindigd op {ended_text}, "
                        "15 maanden na het einde van het laatste contract. Neem contact op "
                        "met de kinderopvang als je nog documenten nodig hebt.",
                        "Your access to the parent portal ended on {ended_text}, 15 months "
                        "after the last contract ended. Contact the childcare organisation "
                        "if you still need documents."),
    "account_disabled": (403, "Account disabled",
                         "Dit account is uitgeschakeld door de kinderopvangorganisatie.",
                         "This account has been disabled by the childcare organisation."),
    "not_authenticated": (401, "Not authenticated", "Je bent niet ingelogd.",
                          "You are not logged in."),
    "token_expired": (401, "Token expired", "De toegangssleutel is verlopen.",
                      "The access token has expired."),
    "session_expired": (401, "Session expired", "Je sessie is verlopen. Log opnieuw in.",
                        "Your session has expired. Please log in again."),
    "forbidden": (403, "Forbidden", "Je hebt geen toegang tot deze gegevens.",
                  "You do not have access to this."),
    "not_found": (404, "Not found", "Niet gevonden.", "Not found."),
    "method_not_allowed": (405, "Method not allowed", "Deze actie is hier niet toegestaan.",
                           "This method is not allowed here."),
    "request_too_large": (413, "Request too large",
                          "Het verzoek is te groot.", "The request is too large."),
    "request_timeout": (408, "Request timeout",
                        "Het verzoek kwam niet op tijd helemaal binnen. Probeer het opnieuw.",
                        "The request did not arrive completely in time. Please try again."),
    "password_policy": (422, "Password not accepted", "{reason_text}", "{reason_text}"),
    "reset_code_invalid": (400, "Reset code invalid",
                           "De code of link is onjuist, al gebruikt of verlopen. Vraag zo nodig "
                           "een nieuwe aan.",
                           "The code or link is wrong, already used or expired. Request a new "
                           "one if needed."),
    "current_password_wrong": (403, "Current password wrong",
                               "Je huidige wachtwoord klopt niet.",
                               "Your current password is not correct."),
    "email_in_use": (409, "E-mail address in use",
                     "Met dit e-mailadres logt al iemand anders in. Kies een ander adres.",
                     "Someone else already logs in with this e-mail address. Choose another "
                     "one."),
    "email_code_invalid": (400, "E-mail code invalid",
                           "De code is onjuist of verlopen. Vraag zo nodig een nieuwe aan.",
                           "The code is wrong or has expired. Request a new one if needed."),
    "two_factor_required": (401, "Two-factor code required",
                            "Vul de code uit je authenticator-app in.",
                            "Enter the code from your authenticator app."),
    "two_factor_setup_required": (401, "Two-factor setup required",
                                  "Je organisatie vraagt managers om in te loggen met een code. "
                                  "Stel dat nu in.",
                                  "Your organisation requires managers to log in with a code. "
                                  "Set it up now."),
    "two_factor_required_by_policy": (409, "Two-factor login required",
                                      "Je organisatie vraagt managers om in te loggen met een "
                                      "code; uitzetten kan niet.",
                                      "Your organisation requires managers to log in with a "
                                      "code; it cannot be turned off."),
    "two_factor_code_invalid": (400, "Two-factor code invalid",
                                "De code klopt niet of is al gebruikt. Vul de nieuwste code "
                                "uit je authenticator-app in, of een herstelcode.",
                                "The code is wrong or was already used. Enter the newest code "
                                "from your authenticator app, or a recovery code."),
    "two_factor_challenge_invalid": (401, "Login step expired",
                                     "Het inloggen duurde te lang. Log opnieuw in.",
                                     "Logging in took too long. Please log in again."),
    "two_factor_already_on": (409, "Two-factor login already on",
                              "Inloggen met een code staat al aan.",
                              "Logging in with a code is already on."),
    "two_factor_not_set_up": (409, "Two-factor login not set up",
                              "Begin opnieuw met het instellen van inloggen met een code.",
                              "Start setting up logging in with a code again."),
    "change_already_pending": (409, "Change already pending",
                               "Er ligt al een wijziging hiervan bij de locatie. Trek die in of "
                               "wacht op het besluit.",
                               "A change of this is already with the location. Withdraw it or "
                               "wait for the decision."),
    "change_not_pending": (409, "Change not pending",
                           "Over deze wijziging is al besloten, of ze is ingetrokken.",
                           "This change was already decided on, or withdrawn."),
    "message_group_invalid": (422, "Group not the child's",
                              "Dit kind zit niet (meer) in die groep. Kies de groep van je "
                              "kind.",
                              "This child is not (or no longer) in that group. Choose your "
                              "child's group."),
    "message_attachment_invalid": (422, "Attachment not available",
                                   "Een bijlage is niet (meer) beschikbaar. Voeg haar opnieuw "
                                   "toe.",
                                   "An attachment is not (or no longer) available. Please add "
                                   "it again."),
    "attachment_too_large": (413, "Attachment too large",
                             "Deze bijlage is te groot. Een bijlage mag hoogstens "
                             "{max_megabytes} MB zijn.",
                             "This attachment is too large. An attachment may be at most "
                             "{max_megabytes} MB."),
    "attachment_type_refused": (415, "Attachment type refused",
                                "Alleen PDF-bestanden en foto's (JPEG of PNG) kunnen als bijlage "
                                "mee.",
                                "Only PDF files and pictures (JPEG or PNG) can be attached."),
    "news_file_invalid": (422, "Picture or attachment not available",
                          "De afbeelding of bijlage is niet (meer) beschikbaar. Voeg haar "
                          "opnieuw toe.",
                          "The picture or attachment is not (or no longer) available. Please "
                          "add it again."),
    "idempotency_key_reused": (422, "Idempotency key reused",
                               "Deze Idempotency-Key is al gebruikt voor een ander verzoek.",
                               "This Idempotency-Key was already used for another request."),
    "rate_limited": (429, "Rate limited",
                     "Te veel verzoeken. Probeer het over {wait_text} opnieuw.",
                     "Too many requests. Try again in {wait_text}."),
    "agenda_range_invalid": (422, "Agenda range invalid",
                             "Kies een periode waarvan de einddatum niet voor de begindatum "
                             "ligt en die hoogstens {max_days} dagen beslaat.",
                             "Choose a period whose end is not before its start and that spans "
                             "at most {max_days} days."),
    "agenda_group_required": (422, "Agenda group required",
                              "Kies een groep: medewerkers bekijken de agenda per groep en "
                              "per week.",
                              "Choose a group: staff view the agenda one group and one week at "
                              "a time."),
    "absence_in_past": (422, "Absence in the past",
                        "Afwezigheid doorgeven kan voor vandaag of later, niet voor het verleden.",
                        "Absence can be reported for today or later, not for the past."),
    "absence_not_planned": (422, "Not planned",
                            "Op de gekozen dag(en) en dagdelen is geen opvang gepland.",
                            "No care is planned on the chosen day(s) and day-parts."),
    "absence_already_reported": (409, "Absence already reported",
                                 "Voor deze dag(en) is de afwezigheid al doorgegeven.",
                                 "Absence has already been reported for these day(s)."),
    "absence_already_cancelled": (409, "Absence already cancelled",
                                  "Deze afmelding is al geannuleerd.",
                                  "This absence has already been cancelled."),
    "absence_cancel_too_late": (409, "Too late to cancel",
                                "Een afmelding annuleren kan tot {min_days} dagen van tevoren. "
                                "Neem contact op met {location_name}: {location_phone}, "
                                "{location_email}.",
                                "An absence can be cancelled until {min_days} days before. Please "
                                "contact {location_name}: {location_phone}, {location_email}."),
    "absence_credit_invoiced": (409, "Credit already invoiced",
                                "Het afwezigheidstegoed van deze afmelding betaalde de extra "
                                "opvang van {date_text}, en die is al gefactureerd. Daarom kan "
                                "de afmelding niet meer worden geannuleerd. Neem contact op met "
                                "{location_name}: {location_phone}, {location_email}.",
                                "The absence credit of this absence paid for the extra care on "
                                "{date_text}, which has already been invoiced, so the absence "
                                "can no longer be cancelled. Please contact {location_name}: "
                                "{location_phone}, {location_email}."),
    "extra_day_too_soon": (422, "Extra day too soon",
                           "Een extra dag aanvragen kan tot {min_days} dagen van tevoren. Kies "
                           "een latere datum.",
                           "An extra day must be requested at least {min_days} days ahead. "
                           "Choose a later date."),
    "extra_day_too_far": (422, "Extra day too far ahead",
                          "Een extra dag kun je hoogstens {max_days} dagen vooruit aanvragen.",
                          "An extra day can be requested at most {max_days} days ahead."),
    "extra_day_closed": (422, "Closed",
                         "Op de gekozen dag(en) is er geen opvang (weekend, sluitingsdag of "
                         "dit dagdeel wordt dan niet gegeven).",
                         "There is no care on the chosen day(s) (weekend, closing day or this "
                         "day-part is not offered then)."),
    "extra_day_already_planned": (409, "Already planned",
                                  "Op de gekozen dag(en) en dagdelen komt je kind al volgens "
                                  "het contract.",
                                  "Your child already comes on the chosen day(s) and day-parts "
                                  "under the contract."),
    "extra_day_already_requested": (409, "Already requested",
                                    "Voor de gekozen dag(en) en dagdelen loopt al een aanvraag "
                                    "of is die al goedgekeurd.",
                                    "The chosen day(s) and day-parts have already been "
                                    "requested or approved."),
    "extra_day_outside_contract": (422, "Outside contract",
                                   "{child_name} heeft op {date_text} geen contract voor dit "
                                   "soort opvang.",
                                   "{child_name} has no contract for this kind of care on "
                                   "{date_text}."),
    "extra_day_credit_insufficient": (422, "Not enough credit",
                                      "Er is te weinig afwezigheidstegoed: {available_text} "
                                      "beschikbaar, {needed_text} nodig. Kies betalen via de "
                                      "factuur of gemengd.",
                                      "There is not enough absence credit: {available_text} "
                                      "available, {needed_text} needed. Choose to pay by "
                                      "invoice or mixed."),
    "extra_day_approved_final": (409, "Approved extra care is final",
                                 "Goedgekeurde extra opvang kan niet worden geannuleerd.",
                                 "Approved extra care cannot be cancelled."),
    "extra_day_not_pending": (409, "Request not pending",
                              "Deze aanvraag is niet meer in behandeling.",
                              "This request is no longer pending."),
    "extra_day_capacity_full": (409, "Group full",
                                "De groep is vol op {dates_text}. Goedkeuren kan niet.",
                                "The group is full on {dates_text}. The request cannot be "
                                "approved."),
    "finance_primary_parent_only": (403, "Primary parent only",
                                    "Facturen, jaaropgaven en contracten zijn alleen in te zien "
                                    "door de eerste ouder/verzorger ({primary_parent_name}).",
                                    "Invoices, annual statements and contracts can only be "
                                    "seen by the primary parent ({primary_parent_name})."),
    "photo_too_large": (413, "Photo too large",
                        "Deze foto is groter dan {max_megabytes} MB en kan niet geplaatst "
                        "worden.",
                        "This photo is larger than {max_megabytes} MB and cannot be posted."),
    "photo_type_not_supported": (415, "Photo type not supported",
                                 "Dit bestand is geen JPEG-, PNG- of HEIC-foto.",
                                 "This file is not a JPEG, PNG or HEIC photo."),
    "photo_too_many_pixels": (422, "Photo has too many pixels",
                              "Deze foto heeft meer dan {max_megapixels} megapixels en kan niet "
                              "geplaatst worden.",
                              "This photo has more than {max_megapixels} megapixels and cannot "
                              "be posted."),
    "photo_damaged": (422, "Photo damaged",
                      "Deze foto is beschadigd of onvolledig en kan niet gelezen worden.",
                      "This photo is damaged or incomplete and cannot be read."),
    "photo_tag_refused": (422, "Children cannot be tagged",
                          "Niet elk gekozen kind kan op deze foto: een kind zonder toestemming "
                          "voor foto's in het ouderportaal, of niet in deze groep op die dag.",
                          "Not every chosen child can be on this photo: a child without "
                          "consent for photos in the parent portal, or not in this group on "
                          "that day."),
    "photo_hearts_off": (403, "Hearts are off",
                         "Deze organisatie gebruikt geen hartjes bij foto's.",
                         "This organisation does not use hearts on photos."),
    "diary_in_future": (422, "In the future",
                        "Dit tijdstip of deze dag is nog niet geweest.",
                        "This time or day has not come yet."),
    "diary_day_closed": (422, "Day closed",
                         "Deze dag kan niet meer worden aangepast: alleen vandaag en gisteren. "
                         "De locatiemanager kan oudere dagen corrigeren.",
                         "This day can no longer be changed: only today and yesterday. The "
                         "location manager can correct older days."),
    "diary_medication_no_consent": (422, "No consent for medication",
                                    "De ouders hebben geen toestemming gegeven voor het geven "
                                    "van medicijnen.",
                                    "The parents have not given consent for medication."),
    "diary_retention_ended": (403, "Diary no longer available",
                              "Het dagboek was na het einde van de opvang nog 8 weken "
                              "beschikbaar, tot {available_until}. Die tijd is voorbij.",
                              "The diary stayed available for 8 weeks after care ended, until "
                              "{available_until}. That time has passed."),
    "attendance_departure_before_arrival": (422, "Departure before arrival",
                                            "Het vertrek ligt vóór de aankomst.",
                                            "The departure is before the arrival."),
    "attendance_not_expected": (422, "Not expected",
                                "Dit kind wordt vandaag niet verwacht. Schrijf in de notitie "
                                "waarom het er is.",
                                "This child is not expected today. Write in the note why it "
                                "is here."),
    "internal_error": (500, "Internal error",
                       "Er ging iets mis op de server (referentie {reference}).",
                       "Something went wrong on the server (reference {reference})."),
}

PASSWORD_POLICY_TEXT = {
    "too_short": ("Het wachtwoord moet minstens 8 tekens lang zijn.",
                  "The password must be at least 8 characters long."),
    "too_long": ("Het wachtwoord mag hoogstens 128 tekens lang zijn.",
                 "The password must be at most 128 characters long."),
    "too_common": ("Dit wachtwoord komt te vaak voor en is makkelijk te raden. Kies een ander.",
                   "This password is too common and easy to guess. Choose another one."),
    "like_email": ("Gebruik niet je e-mailadres als wachtwoord. Kies een ander.",
                   "Do not use your e-mail address as your password. Choose another one."),
    "only_whitespace": ("Een wachtwoord van alleen spaties kan niet. Kies een ander.",
                        "A password of only spaces cannot be used. Choose another one."),
}


def status_of(code: str) -> int:
    return CATALOGUE[code][0]

# The `reason` of a `validation_error` entry for personal data (server/personal_data/checks.py):
# the entry's `message` is this text, in the language of the request.
FIELD_REASON_TEXT = {
    "required": ("Vul dit in.", "Fill this in."),
    "postcode": ("Een postcode is vier cijfers en twee letters, zoals 5611 AB.",
                 "A postcode is four digits and two letters, like 5611 AB."),
    "phone": ("Dit is geen geldig telefoonnummer. Gebruik bijvoorbeeld 06 12345678 of "
              "+32 470 12 34 56.",
              "This is not a valid phone number. Use for example 06 12345678 or "
              "+32 470 12 34 56."),
    "iban": ("Dit is geen geldig IBAN. Een Nederlands IBAN ziet eruit als "
             "NL91 ABNA 0417 1643 00.",
             "This is not a valid IBAN. A Dutch IBAN looks like NL91 ABNA 0417 1643 00."),
    "iban_checksum": ("Dit IBAN klopt niet: controleer of je het goed hebt overgenomen.",
                      "This IBAN does not add up: check that you copied it correctly."),
    "iban_not_sepa": ("Automatische incasso kan alleen van een rekening in het SEPA-gebied "
                      "(Europa).",
                      "Direct debit only works from an account in the SEPA area (Europe)."),
    "email": ("Dit is geen geldig e-mailadres.", "This is not a valid e-mail address."),
    "house_number": ("Een huisnummer begint met een cijfer, zoals 12.",
                     "A house number starts with a digit, like 12."),
}
