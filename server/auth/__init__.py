"""Accounts, sessions, password resets, throttling and the audit log."""
