"""The agenda: planned day-parts, closing days, school holidays, absences, extra days."""
