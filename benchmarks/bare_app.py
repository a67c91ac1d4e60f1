"""The ceiling for benchmarks/api_load.py: FastAPI answering each path with stored bytes, from memory.

QUOTEWIRE_BARE_BODIES names a JSON file mapping a path (with its query) to the body quotewire gave.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from fastapi import FastAPI, Request, Response

BODIES = {
    path: body.encode()
    for path, body in json.loads(Path(os.environ["QUOTEWIRE_BARE_BODIES"]).read_text()).items()
}

app = FastAPI()


# `async def`: answered on the event loop, with no thread hop, the fastest FastAPI serves bytes.
@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@app.get("/{path:path}")
async def stored(request: Request) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return Response(BODIES[target], media_type="application/json")
