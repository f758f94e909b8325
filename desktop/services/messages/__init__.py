"""Messages with the group: the inbox, threads, sending through the outbox, attachments."""
