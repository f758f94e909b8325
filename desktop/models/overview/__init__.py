"""Models of the overview: the family's children and the staff's groups, as cards."""
