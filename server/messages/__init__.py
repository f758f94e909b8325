"""Messages with the group (docs/api.md, "Messages"): conversations between a family and the
staff of a child's group, plain-text messages with attachments in the blob store, read state."""
