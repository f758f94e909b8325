"""A server process's background task stops between rounds, never inside one
(server/background.py): a round cut off inside a database call leaves the driver's close of
that connection pending past the event loop's end."""

from __future__ import annotations

import asyncio

from server.background import BackgroundTask


async def test_stop_lets_the_round_under_way_finish():
    background = BackgroundTask()
    in_round, may_finish = asyncio.Event(), asyncio.Event()
    rounds: list[str] = []

    async def work() -> None:
        while not background.stopping:
            in_round.set()
            await may_finish.wait()  # the round's database call
            rounds.append("done")
            await background.pause(3600)

    background.start("test-work", work())
    await in_round.wait()
    stopping = asyncio.ensure_future(background.stop())
    await asyncio.sleep(0)
    assert not stopping.done()  # it waits for the round
    may_finish.set()
    await stopping
    assert rounds == ["done"]


async def test_stop_ends_a_pause_at_once_and_no_new_round_starts():
    background = BackgroundTask()
    rounds: list[int] = []
    paused = asyncio.Event()

    async def work() -> None:
        while not background.stopping:
            rounds.append(len(rounds))
            paused.set()
            await background.pause(3600)

    background.start("test-work", work())
    await paused.wait()
    await asyncio.wait_for(background.stop(), 10)  # not the hour of the pause
    assert rounds == [0]


async def test_a_pause_ends_when_woken():
    background = BackgroundTask()
    woken = asyncio.Event()
    background.start("test-idle", asyncio.sleep(0))
    pausing = asyncio.ensure_future(background.pause(3600, woken))
    await asyncio.sleep(0)
    assert not pausing.done()
    woken.set()
    await asyncio.wait_for(pausing, 10)
    await background.stop()
