"""Absences (afmelden) and the absence credit they earn."""
