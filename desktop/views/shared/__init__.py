"""What several views use: theme, message bar, status widgets, tables, cards, page protocol."""
