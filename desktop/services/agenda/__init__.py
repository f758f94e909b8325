"""The family's agenda: months, absences (with the offline outbox), extra days, .ics export."""
