"""The "Berichten" section: inbox, thread and composer."""
