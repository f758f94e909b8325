"""An async generator the code abandons is closed by a task on the qasync loop (what the app
installs at start, desktop/services/shared/async_generators.py): its clean-up can await, as
httpcore's does when a download's body loop raised."""

from __future__ import annotations

import asyncio
import gc


def test_an_abandoned_generator_is_closed_in_a_task_on_the_loop(qtbot, run):
    cleaned_up_in: list[asyncio.Task | None] = []

    async def body():
        try:
            yield b"chunk"
            yield b"more"
        finally:
            cleaned_up_in.append(asyncio.current_task())
            await asyncio.sleep(0)  # httpcore releases its connection with an await here

    async def read_one_chunk_then_fail() -> None:
        chunks = body()
        async for _chunk in chunks:
            raise OSError("disk full")  # leaves ``chunks`` suspended at its first yield

    async def abandon() -> None:
        try:
            await read_one_chunk_then_fail()
        except OSError:
            pass
        gc.collect()  # the generator is garbage now

    run(abandon())
    qtbot.waitUntil(lambda: bool(cleaned_up_in), timeout=5_000)
    assert cleaned_up_in[0] is not None  # a task of its own, not the garbage collector's frame
