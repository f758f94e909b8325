"""``client.messages``: conversations with the group (docs/api.md, "Messages")."""
