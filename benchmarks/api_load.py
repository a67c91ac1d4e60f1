"""Read throughput against its ceiling: quotewire and a bare FastAPI app serving the same bytes.

Usage: python -m benchmarks.api_load [--articles N] [--seconds S] [--connections C]
Needs Debian's `wrk`. Stores N articles (PolNeAR dev texts beside the repo, else the seed article
varied) in a fresh SQLite file, starts quotewire under uvicorn (one process, no access log) and a
bare FastAPI app that answers each measured path with the bytes quotewire gave for it, from memory,
under the same uvicorn settings; then drives both with wrk at C connections for S seconds per path,
alternately. Prints requests/s, p50 and p99 for each, and quotewire's share of the bare app's
requests/s (targets: >= 0.6 with p99 <= 30 ms for the per-article reads, >= 0.3 for lists and search).
Both run on this machine with wrk: compare the ratios, not the absolute figures.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
DEV_TEXTS = ROOT.parent / "shared" / "eval" / "data" / "polnear-dev.jsonl"
SEED = ROOT / "seeds" / "reuters-russia-venezuela.txt"
STARTUP_TIMEOUT_S = 120.0
# Path templates: {article} and {speaker} are filled from the stored data.
PER_ARTICLE = ("/v1/articles/{article}", "/v1/articles/{article}/quotes", "/v1/articles/{article}/actors")
LISTS = ("/v1/quotes?speaker_id={speaker}", "/v1/articles?q=president")
TARGETS = {path: (0.6, 30.0) for path in PER_ARTICLE} | {path: (0.3, None) for path in LISTS}


@dataclass(frozen=True, slots=True)
class Load:
    requests_per_s: float
    p50_ms: float
    p99_ms: float


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def article_lines(count: int) -> list[str]:
    if DEV_TEXTS.exists():
        with DEV_TEXTS.open(encoding="utf-8") as lines:
            texts = [json.loads(line)["text"] for line in lines if line.strip()][:count]
    else:
        seed = SEED.read_text(encoding="utf-8")
        texts = [f"{seed}\n\nUpdate {number}." for number in range(count)]
    return [json.dumps({"text": text, "source": "Bench Wire"}) for text in texts]


@contextmanager
def serving(app: str, port: int, env: dict[str, str]) -> Iterator[str]:
    """`app` under uvicorn on 127.0.0.1:`port`, one process, until the block ends."""
    command = [sys.executable, "-m", "uvicorn", app, "--host", "127.0.0.1", "--port", str(port)]
    command += ["--log-level", "warning", "--no-access-log"]
    server = subprocess.Popen(command, env={**os.environ, **env}, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError(f"{app} did not start")
            time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


_LATENCY = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def drive(url: str, seconds: int, connections: int) -> Load:
    result = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    )
    failed = re.search(r"Non-2xx or 3xx responses:\s+(\d+)|Socket errors:.*", result.stdout)
    if failed is not None:  # a rate of errors measures nothing
        raise RuntimeError(f"{url}: {failed.group(0)}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))  # type: ignore[union-attr]
    latency = {p: float(v) * _UNIT_MS[u] for p, v, u in _LATENCY.findall(result.stdout)}
    return Load(rate, latency["50"], latency["99"])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="quotewire-load-"))
    batch = work / "articles.jsonl"
    batch.write_text("\n".join(article_lines(args.articles)) + "\n", encoding="utf-8")
    env = {"QUOTEWIRE_DATABASE_URL": f"sqlite:///{work / 'quotewire.db'}", "QUOTEWIRE_ANNOTATE_WORKERS": "0"}
    subprocess.run(
        [str(Path(sys.executable).with_name("quotewire")), "ingest", "--quiet", str(batch)],
        env={**os.environ, **env},
        check=True,
    )
    bodies: dict[str, bytes] = {}
    loads: dict[str, tuple[Load, Load]] = {}
    with serving("app.main:app", free_port(), env) as quotewire:
        quotes = httpx.get(f"{quotewire}/v1/quotes", params={"limit": 200}).json()["items"]
        speakers = [q["speaker"]["actor_id"] for q in quotes if q["speaker"] and q["speaker"]["actor_id"]]
        fill = {"article": quotes[0]["article"]["id"], "speaker": max(set(speakers), key=speakers.count)}
        paths = [template.format(**fill) for template in (*PER_ARTICLE, *LISTS)]
        for path in paths:
            bodies[path] = httpx.get(quotewire + path).content
        (work / "bodies.json").write_text(json.dumps({p: b.decode() for p, b in bodies.items()}))
        served = {path: drive(quotewire + path, args.seconds, args.connections) for path in paths}
    bare_env = {**env, "QUOTEWIRE_BARE_BODIES": str(work / "bodies.json")}
    with serving("benchmarks.bare_app:app", free_port(), bare_env) as bare:
        for path in paths:
            loads[path] = (served[path], drive(bare + path, args.seconds, args.connections))
    print(f"{args.articles} articles, wrk -c{args.connections} -d{args.seconds}s, one uvicorn process each")
    print(f"{'path':40} {'quotewire r/s':>13} {'p50':>7} {'p99':>7} {'bare r/s':>9} {'p99':>7} {'ratio':>6}")
    for template, path in zip((*PER_ARTICLE, *LISTS), paths, strict=True):
        ours, bare_load = loads[path]
        ratio = ours.requests_per_s / bare_load.requests_per_s
        target_ratio, target_p99 = TARGETS[template]
        met = ratio >= target_ratio and (target_p99 is None or ours.p99_ms <= target_p99)
        print(
            f"{path:40} {ours.requests_per_s:13.0f} {ours.p50_ms:6.1f}ms {ours.p99_ms:6.1f}ms "
            f"{bare_load.requests_per_s:9.0f} {bare_load.p99_ms:6.1f}ms {ratio:6.2f} "
            f"{'meets' if met else 'misses'} {target_ratio}"
        )


if __name__ == "__main__":
    main()
