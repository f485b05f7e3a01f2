"""`assistant serve` in a process of its own, started and stopped (Ctrl-C) as a user does it."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx


@contextmanager
def assistant_serve(env: dict[str, str], port: int, log: Path, ready_within: float = 240) -> Iterator[str]:
    """Its base URL once `/readyz` says 200; the process's output goes to `log`, which failures quote."""
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=url, timeout=10) as client:
            deadline = time.monotonic() + ready_within
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"assistant serve stopped:\n{log.read_text()}")
                try:
                    if client.get("/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"assistant serve never became ready:\n{log.read_text()}")
                time.sleep(0.25)
        yield url
    finally:
        stop(proc)


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Ctrl-C, as a user stops it; a kill only if it has not ended within 30 s."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
