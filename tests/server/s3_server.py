"""A real S3-compatible server for the blob tests: moto's server mode (`moto_server`, from
`moto[server]`), one per test worker, started the first time a test asks for it. Each test
gets a bucket of its own."""

from __future__ import annotations

import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from server.blobs.s3 import S3Location

# moto accepts any credentials; boto insists that there are some.
KEY_ID, SECRET = "testing", "testing"


@dataclass(frozen=True)
class S3Server:
    url: str

    def location(self) -> S3Location:
        return S3Location(bucket="", endpoint_url=self.url, region="eu-west-1",
                          access_key_id=KEY_ID, secret_access_key=SECRET)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    command = shutil.which("moto_server", path=str(Path(sys.executable).parent))
    if command is None:
        pytest.skip("moto_server is not installed (uv sync installs the dev group)")
    port = _free_port()
    process = subprocess.Popen([command, "-H", "127.0.0.1", "-p", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(url, timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("moto_server did not start") from None
                time.sleep(0.1)
        yield S3Server(url)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def s3_bucket(s3_server: S3Server) -> S3Location:
    """A new, empty bucket on the test S3 server (made with boto3's plain client, so async
    and plain tests alike can ask for it)."""
    import boto3

    location = s3_server.location()
    name = f"ouderportaal-{secrets.token_hex(4)}"
    s3 = boto3.client("s3", endpoint_url=location.endpoint_url, region_name=location.region,
                      aws_access_key_id=KEY_ID, aws_secret_access_key=SECRET)
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={
        "LocationConstraint": location.region})
    s3.close()
    return S3Location(name, "ouderportaal/", location.endpoint_url, location.region,
                      KEY_ID, SECRET)
