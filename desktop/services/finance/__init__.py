"""Invoices, jaaropgaven, contracts and tariffs, their PDFs downloaded and saved."""
