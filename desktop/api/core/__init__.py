"""The transport core every endpoint group shares: the base address, the send loop (tokens,
refresh, retries, idempotency keys, streaming downloads), the typed errors and the JSON field
readers of the records."""
