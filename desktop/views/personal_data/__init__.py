"""The parents' Gegevens section (docs/api.md, "Personal data")."""
