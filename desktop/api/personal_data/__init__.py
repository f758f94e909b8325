"""The family's personal data, its change requests, and the staff's care notes."""
