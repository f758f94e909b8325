"""The group day, attendance and the daily report (docs/api.md, "Group day and diary")."""
