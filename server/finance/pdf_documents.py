"""The three finance PDFs: factuur, jaaropgave and contract (plaatsingsovereenkomst), in Dutch."""

from __future__ import annotations

from datetime import date

from server.finance.pdf_base import MONTHS, FinancePdf, dutch_date, euro, hours, numeric_date
from server.finance.statements import ContractRecord, Household, InvoiceRecord, JaaropgaveRecord

CARE_NAMES = {"KDV": "Kinderdagverblijf (KDV)", "BSO": "Buitenschoolse opvang (BSO)",
              "peuteropvang": "Peuteropvang"}
STATUS_NAMES = {"open": "openstaand", "paid": "betaald"}


def period_text(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


def render_invoice(household: Household, invoice: InvoiceRecord) -> bytes:
    pdf = FinancePdf(household.organisation, f"Factuur {invoice.number}", invoice.invoice_date)
    pdf.title_block(f"Factuur {invoice.number}",
                    f"Opvang {period_text(*invoice.period)}")
    pdf.facts([
        ("Aan", f"{household.holder or household.family_name}"),
        ("Factuurnummer", invoice.number),
        ("Factuurdatum", dutch_date(invoice.invoice_date)),
        ("Vervaldatum", dutch_date(invoice.due_date)),
        ("Periode", period_text(*invoice.period)),
        ("Status", STATUS_NAMES[invoice.status]
         + (f" op {dutch_date(invoice.paid_on)}" if invoice.paid_on else "")),
    ])
    rows = [[line.child_name, line.description,
             f"{line.first_date:%d-%m} t/m {line.last_date:%d-%m}"
             if line.first_date != line.last_date else numeric_date(line.first_date),
             hours(line.minutes), euro(line.hourly_rate_cents), euro(line.amount_cents)]
            for line in invoice.lines]
    pdf.table(["Kind", "Omschrijving", "Periode", "Uren", "Uurtarief", "Bedrag"], rows,
              [20, 58, 28, 18, 22, 24], right={3, 4, 5},
              total=["", "Totaal", "", "", "", euro(invoice.total_cents)])
    if invoice.payment_method == "direct_debit":
        pdf.paragraph(
            f"Het totaalbedrag van {euro(invoice.total_cents)} wordt rond "
            f"{dutch_date(invoice.due_date)} automatisch afgeschreven van rekening "
            f"{household.payer_iban or 'bij ons bekend'} (machtiging "
            f"{invoice.mandate_reference}).")
    else:
        pdf.paragraph(
            f"Graag het totaalbedrag van {euro(invoice.total_cents)} vóór "
            f"{dutch_date(invoice.due_date)} overmaken naar {household.organisation}, "
            f"IBAN {household.organisation_iban}, onder vermelding van {invoice.number}.")
    pdf.paragraph("Uren zijn het maandgemiddelde van het contract (uren per week × weken per "
                  "jaar / 12), naar rato bij een start of einde in de maand; extra opvang "
                  "staat op de factuur van de maand erna.", size=8)
    return pdf.bytes()


def render_jaaropgave(household: Household, statement: JaaropgaveRecord) -> bytes:
    _, first_name, full_name, born = household.child(statement.child_id)
    pdf = FinancePdf(household.organisation, f"Jaaropgave {statement.year} {first_name}",
                     date(statement.year + 1, 1, 31))
    pdf.title_block(f"Jaaropgave {statement.year}",
                    "Voor de aanvraag en definitieve berekening van de kinderopvangtoeslag")
    lrk = sorted({row.lrk_number for row in statement.rows})
    pdf.facts([
        ("Kind", full_name),
        ("Geboortedatum", numeric_date(born)),
        ("Contracthouder", household.holder or household.family_name),
        ("Organisatie", household.organisation),
        ("Locatie(s)", ", ".join(sorted({row.location for row in statement.rows}))),
        ("LRK-nummer(s)", ", ".join(lrk)),
    ])
    rows = [[row.care_type, row.location, row.lrk_number, hours(row.minutes),
             euro(row.hourly_rate_cents)
             + (" *" if row.above_maximum else ""), euro(row.amount_cents)]
            for row in statement.rows]
    pdf.table(["Soort opvang", "Locatie", "LRK", "Uren", "Uurtarief", "Bedrag"], rows,
              [26, 46, 26, 22, 26, 24], right={3, 4, 5})
    pdf.facts([
        (f"Gefactureerd in {statement.year}", euro(statement.invoiced_cents)),
        (f"Betaald in {statement.year}", euro(statement.paid_cents)),
    ], label_width=60)
    for row in statement.rows:
        if row.above_maximum:
            pdf.note(
                f"* Het uurtarief {row.care_type} van {euro(row.hourly_rate_cents)} ligt boven "
                f"de maximum uurprijs voor de kinderopvangtoeslag in {statement.year} "
                f"({euro(row.max_hourly_rate_cents)}). Over het deel boven de maximum "
                f"uurprijs ontvangt u geen toeslag.")
    pdf.paragraph("Bewaar deze jaaropgave: de Belastingdienst kan er tot vijf jaar later om "
                  "vragen.", size=8)
    return pdf.bytes()


def render_contract(household: Household, contract: ContractRecord) -> bytes:
    _, first_name, full_name, born = household.child(contract.child_id)
    pdf = FinancePdf(household.organisation, f"Contract {first_name} {contract.care_type}",
                     contract.start_date)
    pdf.title_block(f"Plaatsingsovereenkomst {CARE_NAMES[contract.care_type]}",
                    f"Contractnummer C-{contract.contract_id:05d}")
    pdf.facts([
        ("Kind", f"{full_name}, geboren {numeric_date(born)}"),
        ("Contracthouder", household.holder or household.family_name),
        ("Soort opvang", CARE_NAMES[contract.care_type]),
        ("Locatie", f"{contract.location}, {contract.address}"),
        ("LRK-nummer", contract.lrk_number),
        ("Groep", contract.group),
        ("Ingangsdatum", dutch_date(contract.start_date)),
        ("Einddatum", dutch_date(contract.end_date) if contract.end_date
         else "onbepaalde tijd"),
        ("Weken per jaar", f"{contract.weeks_per_year} weken"),
        ("Uurtarief bij ingang", euro(contract.hourly_rate_cents)),
        ("Dagen", "\n".join(contract.days)),
    ])
    pdf.paragraph("Het uurtarief wordt elk kalenderjaar aangepast aan de tarieven van de "
                  "organisatie; de factuur vermeldt het tarief van het jaar van de opvang.",
                  size=8)
    return pdf.bytes()
