"""Account security: changing the password and the login address, the two-factor login,
new-device mails, and the audit log of account changes (docs/api.md, "Account security")."""
