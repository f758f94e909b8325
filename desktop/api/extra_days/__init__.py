"""Extra days (dag aanvragen): preview, request, withdraw; decisions by the group."""
