"""The `/api/v1` routes outside authentication."""
