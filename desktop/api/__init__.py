"""Qt-free async client of the portal API: a transport core and one endpoint group per feature.

Start at :class:`desktop.api.client.PortalClient`. ``desktop/api/core/`` is the transport (base
address, send loop, tokens, retries, typed errors, JSON field readers); every other folder is
one endpoint group with its typed records (``endpoints.py`` + ``records.py``). Everything the
client raises derives from :class:`desktop.api.core.errors.PortalError`.
"""
