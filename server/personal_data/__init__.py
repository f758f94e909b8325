"""Personal data with office approval (docs/api.md, "Personal data")."""
