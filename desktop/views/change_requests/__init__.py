"""The managers' Wijzigingen section: the families' change requests to decide."""
