"""The group day and the diary as item models."""
