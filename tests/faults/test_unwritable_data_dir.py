"""A data directory that is read-only or full: `assistant ingest` says so in Norwegian with a code and exits
1; `assistant serve` stays up, /readyz says 503 not_ready with the reason, and the start is retried with
back-off, not in a loop that floods the log.

The tests run as root, which ignores file permissions, so the data directory is a small tmpfs: mounted
read-only, or too small for the index (a real ENOSPC). Where mounting is not allowed they are skipped."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from assistant import texts
from tests.api.conftest import free_port
from tests.serve_process import stop

NOTE = "# Hospitering\n\nLærere kan hospitere i en bedrift for å lære om arbeidslivet.\n"


@contextmanager
def tmpfs(path: Path, size: str, read_only: bool = False) -> Iterator[Path]:
    path.mkdir(parents=True, exist_ok=True)
    options = f"size={size}" + (",ro" if read_only else "")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def env_for(data_dir: Path, corpus: Path) -> dict[str, str]:
    corpus.mkdir(parents=True, exist_ok=True)
    (corpus / "hospitering.md").write_text(NOTE, "utf-8")
    return {**os.environ, "ASSISTANT_DATA_DIR": str(data_dir), "ASSISTANT_CORPUS_DIR": str(corpus)}


def ingest(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "assistant.cli", "ingest"]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(
    ("size", "read_only", "code", "message"),
    [
        ("400k", False, "data_dir_full", texts.DATA_DIR_FULL),  # room for the chat log, not for the index
        ("400k", True, "data_dir_read_only", texts.DATA_DIR_READ_ONLY),
    ],
)
def test_ingest_into_an_unwritable_data_dir_fails_with_a_code(
    tmp_path: Path, size: str, read_only: bool, code: str, message: str
) -> None:
    with tmpfs(tmp_path / "data", size, read_only) as data:
        done = ingest(env_for(data, tmp_path / "corpus"))
    assert done.returncode == 1, done.stdout + done.stderr
    # The last word is the message with its code, not a traceback (the log above it has the details).
    assert done.stderr.strip().splitlines()[-1] == f"Feil ({code}): {message}"


def test_serve_on_a_read_only_data_dir_is_not_ready_with_the_reason(tmp_path: Path) -> None:
    port = free_port()
    log = tmp_path / "serve.log"
    with tmpfs(tmp_path / "data", "1m", read_only=True) as data, log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "assistant.cli", "serve", "--port", str(port)],
            env=env_for(data, tmp_path / "corpus"),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            reply = _not_ready_with_a_reason(f"http://127.0.0.1:{port}", proc, log)
            assert reply.json() == {
                "code": "not_ready",
                "message": texts.NOT_READY.format(reason=texts.DATA_DIR_READ_ONLY),
            }
            assert int(reply.headers["retry-after"]) >= 1
            first = time.monotonic()
            time.sleep(6)  # back-off: attempts 1, 2, 4, 8 … s apart, not a busy loop
            attempts = log.read_text().count("Start-up attempt")
            assert 1 <= attempts <= 2 + (time.monotonic() - first) / 1.5, log.read_text()[-3000:]
            assert httpx.get(f"http://127.0.0.1:{port}/healthz").status_code == 200
            assert proc.poll() is None  # still serving: an operator fixes the disk, the next attempt works
        finally:
            stop(proc)


def _not_ready_with_a_reason(url: str, proc: subprocess.Popen[bytes], log: Path) -> httpx.Response:
    """The first /readyz reply that gives a start-up failure's reason (not 'still loading')."""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"assistant serve stopped:\n{log.read_text()}")
        try:
            reply = httpx.get(f"{url}/readyz", timeout=10)
        except httpx.TransportError:
            reply = None
        if reply is not None and reply.status_code == 503 and texts.STILL_LOADING not in reply.text:
            return reply
        time.sleep(0.25)
    raise AssertionError(f"no reason given:\n{log.read_text()}")
