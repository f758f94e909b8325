"""The suite's own rules fail the tests that break them: an unexpected warning in the log
(tests/log_fail.py) and a test that hangs (pytest-timeout, pyproject.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import log_fail
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def suite(pytester: pytest.Pytester) -> pytest.Pytester:
    """A small suite with the log-fail plugin as this one has it."""
    pytester.makepyfile(log_fail=Path(log_fail.__file__).read_text(encoding="utf-8"))
    pytester.makeconftest('pytest_plugins = ["log_fail"]\n')
    return pytester


def run(suite: pytest.Pytester, *options: str) -> pytest.RunResult:
    """In a process of its own: its log records must not reach this test's log watch."""
    return suite.runpytest_subprocess("-p", "no:asyncio", "-p", "no:cacheprovider", *options,
                                      timeout=60)


def test_an_unexpected_warning_fails_the_test(suite: pytest.Pytester) -> None:
    suite.makepyfile(test_it="""
        import logging

        def test_it():
            logging.getLogger("desktop.cache.store").warning("the disk is full")

        def test_info_is_fine():
            logging.getLogger("desktop.cache.store").info("all well")
    """)
    result = run(suite)
    result.assert_outcomes(passed=2, errors=1)
    result.stdout.fnmatch_lines(
        ["*unexpected log record WARNING desktop.cache.store: the disk is full*"])


def test_an_expected_record_passes_and_one_that_never_comes_fails(
        suite: pytest.Pytester) -> None:
    suite.makepyfile(test_it="""
        import logging
        import pytest

        @pytest.mark.expect_log("desktop.cache", "WARNING", "disk is full")
        def test_expected():
            logging.getLogger("desktop.cache.store").warning("the disk is full")

        @pytest.mark.expect_log("desktop.cache", "WARNING", "disk is full")
        def test_never_came():
            pass

        @pytest.mark.expect_log("desktop.cache", "WARNING", "disk is full")
        def test_another_level():
            logging.getLogger("desktop.cache.store").error("the disk is full")

        def test_in_a_block(expected_log):
            with expected_log("desktop.cache", "WARNING", "disk"):
                logging.getLogger("desktop.cache.store").warning("the disk is full")
            logging.getLogger("desktop.cache.store").warning("the disk is full")
    """)
    result = run(suite)
    result.assert_outcomes(passed=4, errors=3)
    teardowns = [line for line in result.outlines if line.startswith(("unexpected", "expected"))]
    assert teardowns == [
        "expected log record never came: WARNING desktop.cache: /disk is full/",  # never came
        "unexpected log record ERROR desktop.cache.store: the disk is full",  # another level
        "expected log record never came: WARNING desktop.cache: /disk is full/",  # so not this
        "unexpected log record WARNING desktop.cache.store: the disk is full",  # after the block
    ]


def test_a_hung_test_ends_the_run_with_a_timeout(pytester: pytest.Pytester) -> None:
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    ini = options["tool"]["pytest"]["ini_options"]
    assert 0 < ini["timeout"] <= 300 and ini["timeout_method"] == "thread"
    pytester.makeini(f"[pytest]\ntimeout_method = {ini['timeout_method']}\n")
    pytester.makepyfile(test_it="""
        import threading

        def test_hangs():
            threading.Event().wait()  # an answer that never comes
    """)
    # The project's method with a short limit; in a process of its own, which it ends.
    result = run(pytester, "--timeout=1")
    assert result.ret != 0
    result.stdout.fnmatch_lines(["*Timeout*"])
