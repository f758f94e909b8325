"""Named tasks route every failure; the crash reporter turns bugs into a copyable report."""

from __future__ import annotations

import asyncio
import sys

import pytest

from desktop.api.core.errors import ServerUnreachable
from desktop.services.shared.crash import CrashReporter, crash_report
from desktop.services.shared.tasks import TaskRunner


def test_a_new_task_cancels_the_previous_one_of_the_same_name(qtbot, loop):
    runner = TaskRunner()
    first = runner.run("load", asyncio.sleep(10))
    second = runner.run("load", asyncio.sleep(0, result="done"))
    qtbot.waitUntil(second.done)
    assert first.cancelled() and second.result() == "done"
    assert not runner.running("load")


def test_expected_failures_go_to_the_handler_and_bugs_to_the_crash_reporter(qtbot, loop):
    expected: list[Exception] = []
    bugs: list[BaseException] = []
    runner = TaskRunner(on_crash=bugs.append)

    async def offline():
        raise ServerUnreachable("refused")

    async def bug():
        raise KeyError("oops")

    runner.run("a", offline(), expected.append)
    runner.run("b", bug(), expected.append)
    qtbot.waitUntil(lambda: len(expected) + len(bugs) == 2)
    assert [type(x) for x in expected] == [ServerUnreachable]
    assert [type(x) for x in bugs] == [KeyError]


def test_join_waits_for_every_task(qtbot, run):
    runner = TaskRunner()
    done: list[str] = []

    async def work(name: str):
        await asyncio.sleep(0.01)
        done.append(name)

    runner.run("x", work("x"))
    runner.run("y", work("y"))
    run(runner.join())
    assert sorted(done) == ["x", "y"]


def test_crash_report_has_version_platform_and_traceback():
    try:
        {}["missing"]
    except KeyError as error:
        report = crash_report(error)
    assert report.startswith("Ouderportaal ")
    assert "Python 3." in report and "Qt " in report
    assert "KeyError: 'missing'" in report
    assert "test_tasks_and_crash.py" in report


@pytest.mark.expect_log("desktop.services.shared.crash", "ERROR", r"unexpected error")
def test_unexpected_errors_reach_the_crashed_signal(qtbot, loop):
    reporter = CrashReporter()
    previous_hook = sys.excepthook
    reporter.install(loop)
    try:
        with qtbot.waitSignal(reporter.crashed) as from_hook:
            sys.excepthook(ValueError, ValueError("from a slot"), None)
        assert "ValueError: from a slot" in from_hook.args[0]

        with qtbot.waitSignal(reporter.crashed) as from_loop:
            loop.call_exception_handler(
                {"message": "task failed", "exception": RuntimeError("from a task")})
        assert "RuntimeError: from a task" in from_loop.args[0]
    finally:
        reporter.uninstall()
    assert sys.excepthook is previous_hook
