"""Personal data with office approval, and what parents change at once: their contact
details and their child's photo consents (docs/api.md, "Personal data")."""
