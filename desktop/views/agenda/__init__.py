"""The Agenda section: month and list, day panel, the wizards and the request overview."""
