"""A fake LiveUpdates for the views (for ``view_fakes.fake_services``)."""

from __future__ import annotations

from recording_fakes import signals_of

from desktop.services.live import LiveUpdates

__all__ = ["FakeLive"]


class FakeLive(signals_of(LiveUpdates)):
    def __init__(self, connected: bool = False) -> None:
        super().__init__()
        self.connected = connected

    def set_connected(self, connected: bool) -> None:
        self.connected = connected
        self.connectedChanged.emit(connected)
