"""``client.events``: the live event stream (docs/api.md, "Live updates")."""
