"""Live updates (docs/api.md, "Live updates"): events stored per user in the transaction of
the change (`bus.publish`), one `EventHub` per process that wakes the streams of the users
concerned — through PostgreSQL's LISTEN/NOTIFY across processes, in memory on SQLite — and
`GET /events`, the Server-Sent Events stream (`routes.py`)."""
