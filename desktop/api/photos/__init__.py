"""``client.photos``: activities' photos (docs/api.md, "Photos")."""
