"""The agenda: planned day-parts per child, expanded from contracts minus closing days."""
