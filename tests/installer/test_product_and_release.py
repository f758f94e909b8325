"""The version every installer carries, and the release workflow's tag check."""

from __future__ import annotations

import tomllib

import pytest

from installer.product import ROOT, numeric_version, project_version
from installer.release import tag_problem


def test_the_version_is_the_one_in_pyproject() -> None:
    with (ROOT / "pyproject.toml").open("rb") as file:
        assert project_version() == tomllib.load(file)["project"]["version"]


@pytest.mark.parametrize(("version", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)),
    ("2.3", (2, 3, 0, 0)),
    ("1.2.3.4", (1, 2, 3, 4)),
    ("1.2.3.4.5", (1, 2, 3, 4)),
    ("0.2.0rc1", (0, 2, 0, 0)),
    ("1.0.0+build7", (1, 0, 0, 0)),
])
def test_windows_gets_four_numbers(version: str, numbers: tuple[int, ...]) -> None:
    assert numeric_version(version) == numbers


def test_a_version_without_numbers_is_refused() -> None:
    with pytest.raises(ValueError):
        numeric_version("dev")


def test_a_release_tag_must_be_v_and_the_version() -> None:
    assert tag_problem("0.1.0", {"GITHUB_REF_TYPE": "tag", "GITHUB_REF_NAME": "v0.1.0"}) is None
    assert tag_problem("0.1.0", {"GITHUB_REF_TYPE": "tag", "GITHUB_REF_NAME": "v0.1.1"})
    assert tag_problem("0.1.0", {"GITHUB_REF_TYPE": "tag", "GITHUB_REF_NAME": "0.1.0"})
    # A manual run (workflow_dispatch) builds from a branch: no tag to match.
    assert tag_problem("0.1.0", {"GITHUB_REF_TYPE": "branch", "GITHUB_REF_NAME": "main"}) is None
