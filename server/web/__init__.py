"""Server-rendered HTML pages (only the password reset page)."""
