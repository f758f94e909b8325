"""Finance: invoices, jaaropgaven and contracts as PDFs, and the tariffs."""
