"""``client.news``: the news the caller reads (docs/api.md, "News")."""
