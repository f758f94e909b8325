"""The benchmarks' 16 ms heartbeat: how long the GUI thread keeps a user waiting.

A QTimer that should fire every 16 ms records, per phase (login, sync, …), how late each beat
came — what a user sees, to which other processes add on a busy machine — and how much CPU time
the GUI thread itself used between two beats: its own work, which stays steady under load.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

__all__ = ["Heartbeat"]


class Heartbeat:
    def __init__(self) -> None:
        self.late: dict[str, float] = {}
        self.work: dict[str, float] = {}
        self.beats: dict[str, int] = {}
        self.phase = ""
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._timer = QTimer()
        self._timer.setInterval(16)
        self._timer.timeout.connect(self._beat)

    def start(self, phase: str) -> None:
        self.phase = phase
        self._last, self._last_cpu = time.perf_counter(), time.thread_time()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _beat(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        late, work = (now - self._last) * 1000 - 16, (cpu - self._last_cpu) * 1000
        self._last, self._last_cpu = now, cpu
        self.late[self.phase] = max(self.late.get(self.phase, 0.0), late)
        self.work[self.phase] = max(self.work.get(self.phase, 0.0), work)
        self.beats[self.phase] = self.beats.get(self.phase, 0) + 1

    def report(self, phase: str) -> str:
        return (f"{self.late.get(phase, 0.0):.1f} ms beyond the 16 ms beat over "
                f"{self.beats.get(phase, 0)} heartbeats (the GUI thread's own work between "
                f"two beats at most {self.work.get(phase, 0.0):.1f} ms)")
