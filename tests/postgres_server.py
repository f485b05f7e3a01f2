"""A real PostgreSQL server on loopback, as several API instances share one when scaled out.

Debian's postgresql package (scripts/system-packages.txt, tests only): its server binaries live under
/usr/lib/postgresql/<version>/bin, off PATH. The cluster is made in a fresh temporary folder and started
on a free port, built for speed, not durability (no fsync). PostgreSQL refuses to run as root, so under
root (the tests' container) it runs as the `postgres` user the package creates.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tests.chroma_server import free_port

_USER = "postgres"


def postgres_bin() -> Path | None:
    """The newest installed server's bin folder; None when none is installed."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/postgres"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return found[-1].parent if found else None


def require_postgres() -> Path:
    """The server's bin folder; without one, a skip, or a failure under CI=true, so that CI never passes
    the multi-instance tests by leaving them out."""
    bindir = postgres_bin()
    if bindir is None:
        message = "PostgreSQL is not installed (scripts/setup.sh --test installs Debian's postgresql)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true, but {message}", pytrace=False)
        pytest.skip(message)
    return bindir


class PostgresServer:
    def __init__(self, bindir: Path) -> None:
        # Not under pytest's tmp_path: its folders are root's alone, and the server's user must reach this.
        self.folder = Path(tempfile.mkdtemp(prefix="assistant-pg-"))
        self.port = free_port()
        # The server process itself runs as that user (not under runuser, which would stand between it
        # and the signal that stops it).
        as_user: dict[str, Any] = {}
        if os.geteuid() == 0:
            entry = pwd.getpwnam(_USER)
            os.chown(self.folder, entry.pw_uid, entry.pw_gid)
            as_user = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
        data = self.folder / "data"
        initdb = [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "assistant", "--no-sync"]
        subprocess.run(
            [*initdb, "-E", "UTF8", "--no-locale"],
            check=True,
            capture_output=True,
            cwd=self.folder,
            **as_user,
        )
        settings = ["fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=100"]
        self._process = subprocess.Popen(
            [str(bindir / "postgres"), "-D", str(data), "-h", "127.0.0.1"]
            + ["-p", str(self.port), "-k", str(self.folder)]
            + [arg for s in settings for arg in ("-c", s)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=self.folder,
            **as_user,
        )

    @property
    def url(self) -> str:
        """An SQLAlchemy URL for the server's default database."""
        return f"postgresql+psycopg://assistant@127.0.0.1:{self.port}/postgres"

    def wait_until_up(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                psycopg.connect(f"host=127.0.0.1 port={self.port} user=assistant dbname=postgres").close()
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline or self._process.poll() is not None:
                    raise
                time.sleep(0.1)

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.send_signal(signal.SIGINT)  # "fast" shutdown: ends the sessions, no waiting
            try:
                self._process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


@contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    """A running server, removed with its data afterwards; skipped (failed under CI=true) without one."""
    server = PostgresServer(require_postgres())
    try:
        server.wait_until_up()
        yield server
    finally:
        server.stop()
