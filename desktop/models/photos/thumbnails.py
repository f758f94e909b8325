"""Thumbnails decoded off the GUI thread into a byte-bounded cache.

:class:`ThumbnailCache` hands a file to a worker of its own ``QThreadPool``; the worker reads it
with ``QImageReader.setScaledSize`` (a JPEG is decoded at the reduced size straight away, so a
320 px thumbnail never costs a full-size decode) and sends the ``QImage`` back through a queued
signal. The ``QPixmap`` is made on the GUI thread and kept in a least-recently-used cache whose
size is counted in bytes (width × height × 4), not in items: scrolling through 20,000 photos
keeps memory flat.

The file itself may be looked up by the worker too (:meth:`ThumbnailCache.decode` with a
callable): finding a cached copy costs a ``stat`` and marking it viewed a write of its
times, and a page of cells scrolled into view would otherwise do dozens of those on the GUI
thread (benchmarks/photos.py: a fifth of the grid's painting). A file that is not there is
answered with ``absent`` so that the caller fetches it.

The newest request is decoded first, and a request may say whether it is still wanted when
its turn comes (``wanted``, asked in the worker): scrolling through 20,000 photos asks for
every cell it passes, and decoding them all kept both cores busy for the whole scroll (two
thirds of the process's CPU time, the GUI thread starved: benchmarks/photos.py). A request no
longer wanted is answered with ``dropped`` and costs nothing.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThread, QThreadPool, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap
from shiboken6 import isValid

__all__ = ["DECODERS", "DEFAULT_CACHE_BYTES", "ThumbnailCache"]

#: Decoded thumbnails kept in memory: a few screens full of cells (a 180 × 135 thumbnail is
#: 97 kB; a full-screen grid shows about 30).
DEFAULT_CACHE_BYTES = 24 * 1024 * 1024
#: Decoder threads: two, but always a core left for the GUI thread (on two cores the second
#: decoder took the GUI thread's core while scrolling: benchmarks/photos.py's late frames
#: halved with one, and one keeps up with a screen of cells).
DECODERS = max(1, min(2, QThread.idealThreadCount() - 1))
#: The pool's priorities are C ints; after this many requests they start again at 1 (for a
#: moment the order is not newest first).
_LAST_TURN = 2**31 - 1


class _Decoded(QObject):
    """Carries a decoded image from a worker thread to the GUI thread (a queued signal)."""

    done = Signal(int, QImage)
    absent = Signal(int)
    dropped = Signal(int)


#: A thumbnail's file, or what finds it in the worker (None: not on this computer).
Source = str | Callable[[], Path | str | None]


class _Decode(QRunnable):
    def __init__(self, key: int, source: Source, wanted: Callable[[], bool] | None,
                 size: QSize, decoded: _Decoded) -> None:
        super().__init__()
        self._key, self._source, self._wanted = key, source, wanted
        self._size, self._decoded = size, decoded

    def run(self) -> None:
        if self._wanted is not None and not self._wanted():
            self._decoded.dropped.emit(self._key)
            return
        path = self._source() if callable(self._source) else self._source
        if path is None:
            self._decoded.absent.emit(self._key)
            return
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        original = reader.size()
        if original.isValid():
            reader.setScaledSize(original.scaled(self._size, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()  # a null image for an unreadable file: shown as missing
        self._decoded.done.emit(self._key, image)


class ThumbnailCache(QObject):
    """Decoded thumbnails by key (the photo's id), at most ``max_bytes`` of pixmaps.

    Signals: ``ready(key)`` when a requested thumbnail was decoded (or failed: ``get`` is then
    None and :meth:`failed` True); ``absent(key)`` when the source of a :meth:`decode` found
    no file; ``dropped(key)`` when a request was no longer wanted at its turn (nothing
    decoded: ask again when it is).
    """

    ready = Signal(int)
    absent = Signal(int)
    dropped = Signal(int)

    def __init__(self, size: QSize, *, max_bytes: int = DEFAULT_CACHE_BYTES,
                 threads: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.size = size
        self.max_bytes = max_bytes
        self.bytes = 0
        self._pixmaps: OrderedDict[int, QPixmap] = OrderedDict()
        self._decoding: set[int] = set()
        self._failed: set[int] = set()
        # No Qt parent either: a child pool would be destroyed with the cache, and
        # ~QThreadPool waits for a running decode while the GUI thread holds the GIL that the
        # decode's Python needs (a deadlock when a page goes while a decode runs). When the
        # cache is destroyed, the pool is emptied and waited for with the GIL released.
        pool = self._pool = QThreadPool()
        pool.setMaxThreadCount(threads if threads is not None else DECODERS)
        self.destroyed.connect(lambda: _drain(pool))
        # No Qt parent: a decode still running when the cache (and its page) is deleted holds
        # its own reference, so it never emits through a deleted object; the connection to
        # the deleted cache is gone by then and the image goes nowhere.
        self._decoded = _Decoded()
        self._decoded.done.connect(self._arrived, Qt.ConnectionType.QueuedConnection)
        self._decoded.absent.connect(self._absent, Qt.ConnectionType.QueuedConnection)
        self._decoded.dropped.connect(self._dropped, Qt.ConnectionType.QueuedConnection)
        self._turn = 0  # the pool's priority of the newest request: newest first

    def get(self, key: int) -> QPixmap | None:
        pixmap = self._pixmaps.get(key)
        if pixmap is not None:
            self._pixmaps.move_to_end(key)
        return pixmap

    def failed(self, key: int) -> bool:
        return key in self._failed

    def decoding(self, key: int) -> bool:
        return key in self._decoding

    def decode(self, key: int, source: Source,
               wanted: Callable[[], bool] | None = None) -> None:
        """Decode the file ``source`` for ``key`` off the GUI thread (once at a time per key;
        the newest request first). ``source`` is its path, or a callable answering it (or
        None) that the worker calls; ``wanted``, also called in the worker when the request's
        turn comes, may drop it. Both must be safe in another thread."""
        if key in self._decoding:
            return
        self._decoding.add(key)
        self._failed.discard(key)
        self._turn = self._turn + 1 if self._turn < _LAST_TURN else 1
        self._pool.start(_Decode(key, source, wanted, self.size, self._decoded), self._turn)

    def clear(self) -> None:
        self._pool.clear()
        self._pixmaps.clear()
        self._decoding.clear()
        self._failed.clear()
        self.bytes = 0

    def wait(self) -> None:
        """Wait for the decodes running now (tests, shutdown)."""
        self._pool.waitForDone()

    def _arrived(self, key: int, image: QImage) -> None:
        if key not in self._decoding:
            return  # cleared meanwhile (logout, a new listing)
        self._decoding.discard(key)
        if image.isNull():
            self._failed.add(key)
        else:
            self._put(key, QPixmap.fromImage(image))
        self.ready.emit(key)

    def _dropped(self, key: int) -> None:
        if key in self._decoding:
            self._decoding.discard(key)
            self.dropped.emit(key)

    def _absent(self, key: int) -> None:
        if key in self._decoding:  # (not cleared meanwhile)
            self._decoding.discard(key)
            self.absent.emit(key)

    def _put(self, key: int, pixmap: QPixmap) -> None:
        old = self._pixmaps.pop(key, None)
        if old is not None:
            self.bytes -= _cost(old)
        self._pixmaps[key] = pixmap
        self.bytes += _cost(pixmap)
        while self.bytes > self.max_bytes and len(self._pixmaps) > 1:
            _key, dropped = self._pixmaps.popitem(last=False)
            self.bytes -= _cost(dropped)


def _drain(pool: QThreadPool) -> None:
    if not isValid(pool):  # (at the interpreter's exit the pool may go first)
        return
    pool.clear()
    pool.waitForDone()  # (PySide releases the GIL here: the running decode can finish)


def _cost(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * 4
