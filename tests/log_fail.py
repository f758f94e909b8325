"""A test fails on a log record at WARNING or above that it did not expect.

A warning in the log is the program saying something went wrong; a test that passes while
the code under it logs one has missed a failure (the idea of qutebrowser's log-fail plugin).
A test that exercises a failure on purpose says which record it expects, with the marker

    @pytest.mark.expect_log("server.problems.crash", "ERROR", "Unhandled error")

or, for a narrower stretch of the test, with the `expected_log` fixture:

    with expected_log("desktop.cache.store", "WARNING", "disk is full"):
        ...

The logger name matches that logger and its children, the level is the record's exact
level, and the text is a regular expression searched in the formatted message. An expected
record that never comes fails the test as well: the expectation would otherwise rot.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

FAIL_LEVEL = logging.WARNING


@dataclass
class Expectation:
    logger: str
    level: int
    pattern: re.Pattern[str]
    seen: int = 0

    def covers(self, record: logging.LogRecord) -> bool:
        named = record.name == self.logger or record.name.startswith(self.logger + ".")
        return named and record.levelno == self.level and bool(
            self.pattern.search(record.getMessage()))

    def describe(self) -> str:
        return f"{logging.getLevelName(self.level)} {self.logger}: /{self.pattern.pattern}/"


class LogWatch(logging.Handler):
    """Collects WARNING+ records that no active expectation covers."""

    def __init__(self) -> None:
        super().__init__(FAIL_LEVEL)
        self.active: list[Expectation] = []
        self.finished: list[Expectation] = []
        self.unexpected: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        for expectation in self.active:
            if expectation.covers(record):
                expectation.seen += 1
                return
        self.unexpected.append(record)

    def expect(self, logger: str, level: str, match: str) -> Expectation:
        expectation = Expectation(logger, logging.getLevelNamesMapping()[level], re.compile(match))
        self.active.append(expectation)
        return expectation

    def problems(self, test_passed: bool) -> list[str]:
        found = [f"unexpected log record {logging.getLevelName(r.levelno)} {r.name}: "
                 f"{r.getMessage()}" for r in self.unexpected]
        if test_passed:  # a skipped or failed test may never have reached the record
            found += [f"expected log record never came: {e.describe()}"
                      for e in self.finished + self.active if not e.seen]
        return found


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # noqa: ANN201
    report = yield
    if report.when == "call":
        item.stash[_PASSED] = report.passed
    return report


_PASSED = pytest.StashKey[bool]()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "expect_log(logger, level, match): this test logs such a record on purpose")


@pytest.fixture(autouse=True)
def log_watch(request: pytest.FixtureRequest) -> Iterator[LogWatch]:
    watch = LogWatch()
    for marker in request.node.iter_markers("expect_log"):
        watch.expect(*marker.args)
    root = logging.getLogger()
    root.addHandler(watch)
    try:
        yield watch
    finally:
        root.removeHandler(watch)
    if problems := watch.problems(request.node.stash.get(_PASSED, False)):
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.fixture
def expected_log(log_watch: LogWatch):  # noqa: ANN201 - a context manager factory
    """`with expected_log(logger, level, match):` — that record is expected in the block."""

    @contextmanager
    def expecting(logger: str, level: str, match: str) -> Iterator[Expectation]:
        expectation = log_watch.expect(logger, level, match)
        try:
            yield expectation
        finally:
            log_watch.active.remove(expectation)
            log_watch.finished.append(expectation)

    return expecting
