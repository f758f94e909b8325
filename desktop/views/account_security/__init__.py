"""The Account page's security block: password, login address, two-factor login, new-device
mails (docs/api.md, "Account security")."""
