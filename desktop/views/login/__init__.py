"""The login window, its side panels and the password-reset wizard."""
