"""The release workflow parses, builds on all three platforms, and every step it runs is a
script in installer/ (so each runs on a developer's machine too)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

import pytest
import yaml

from installer.product import ROOT
from installer.sign import MACOS_NOTARY, MACOS_SIGNING, WINDOWS_SIGNING

WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_it_runs_for_version_tags_and_by_hand(workflow: dict) -> None:
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare on as true
    assert triggers["push"]["tags"] == ["v*"]
    assert "workflow_dispatch" in triggers


def test_it_builds_on_windows_macos_and_linux(workflow: dict) -> None:
    systems = workflow["jobs"]["installer"]["strategy"]["matrix"]["os"]
    assert {re.sub(r"-.*", "", name) for name in systems} == {"ubuntu", "windows", "macos"}


def test_every_step_runs_a_script_in_installer_that_knows_its_command(workflow: dict) -> None:
    commands = [step["run"] for step in steps(workflow) if "run" in step]
    assert commands
    for command in commands:
        words = shlex.split(command)
        scripts = [word for word in words if word.startswith("installer/")]
        assert len(scripts) == 1, command
        script = ROOT / scripts[0]
        assert script.is_file(), command
        arguments = words[words.index(scripts[0]) + 1:]
        if arguments and not arguments[0].startswith(("dist/", "-")):
            # The subcommand exists: argparse answers its --help.
            result = subprocess.run([sys.executable, str(script), arguments[0], "--help"],
                                    capture_output=True, text=True, check=False)
            assert result.returncode == 0, f"{command}: {result.stderr}"


def test_the_signing_secrets_are_the_ones_sign_py_reads(workflow: dict) -> None:
    environment = workflow["jobs"]["installer"]["env"]
    assert set(environment) == {*WINDOWS_SIGNING, *MACOS_SIGNING, *MACOS_NOTARY}
    for name, value in environment.items():
        assert value == f"${{{{ secrets.{name} }}}}"


def test_the_installers_are_smoke_tested_and_checksummed_before_upload(workflow: dict) -> None:
    names = [step.get("run", step.get("uses", "")) for step in
             workflow["jobs"]["installer"]["steps"]]
    order = [next(i for i, name in enumerate(names) if marker in name) for marker in (
        "installer/build.py", "release.py package", "release.py check",
        "installer/checksums.py", "actions/upload-artifact")]
    assert order == sorted(order)


def test_only_a_tag_publishes_and_only_that_job_may_write(workflow: dict) -> None:
    assert workflow["permissions"] == {"contents": "read"}
    release = workflow["jobs"]["release"]
    assert release["if"] == "github.ref_type == 'tag'"
    assert release["permissions"] == {"contents": "write"}

