"""The group day (staff) and the diary (parents)."""
