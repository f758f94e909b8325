"""The family's photos: sync, offline copies within a byte budget, saving (docs/api.md,
"Photos")."""
