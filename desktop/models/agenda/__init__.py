"""Models of the Agenda section: the month, its list, the absence plan, the request overview."""
