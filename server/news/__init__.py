"""News for the organisation, locations and groups (docs/api.md, "News")."""
