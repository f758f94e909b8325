"""Qt-free async client of the portal API: address parsing, typed records and errors, auth.

Start at :class:`desktop.api.client.PortalClient`; everything it raises derives from
:class:`desktop.api.errors.PortalError`.
"""
