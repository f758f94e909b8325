"""Groep vandaag (staff) and the Dagboek (parents)."""
