"""A trivial app that says which process answered (tests/server/test_server_serving.py)."""

from __future__ import annotations

import os

from fastapi import FastAPI


def pid_app() -> FastAPI:
    app = FastAPI()

    @app.get("/pid")
    async def pid() -> dict[str, int]:
        return {"pid": os.getpid()}

    return app
