"""The group day and the diary: endpoints and records."""
