"""Apertium's own HTTP service, apertium-apy (Debian package apertium-apy). It keeps one pipeline per
direction running, so a translation pays for the translating only, not for starting ~30 processes.

`Apy` talks to one: at ASSISTANT_APERTIUM_URL, or a child process it starts itself on a free loopback port.
A supervisor thread brings it up (start, wait until it answers, translate once each way so both pipelines
are warm), watches the child, and brings it up again when it dies or a translation fails. Until it is up,
`ready` is false and `apertium.translate` uses its subprocess path instead."""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

logger = logging.getLogger(__name__)

PAIRS = ("nob-nno", "nno-nob")
MODES_DIR = Path("/usr/share/apertium/modes")  # where Debian's language pairs install their modes
_TIMEOUT_S = 10.0  # for one translation (apy's own limit for a pipeline's answer is the same)
_CONNECT_TIMEOUT_S = 2.0
_START_TIMEOUT_S = 30.0  # for a started child to answer
_REAP_TIMEOUT_S = 2.0
_WATCH_S = 1.0  # how often the supervisor looks at the child
_MAX_DELAY_S = 60.0  # the longest wait between two attempts to bring the service up
# apy cuts a text into pieces of at least ~500 characters and translates only the first ten, dropping the
# rest; texts are sent in pieces of at most this many, cut at line ends.
CHUNK_CHARS = 4000
_WARM = {"nob-nno": "Hvem kan søke om tilskudd?", "nno-nob": "Kven kan søkje om tilskot?"}

# Run by the python that runs apertium-apy. apy listens on every interface and has no option for the
# address, so its listening call is given the loopback address: nothing outside this machine may use it
# (it also fetches and translates web pages on request). PR_SET_PDEATHSIG ends it if the server is killed
# without a chance to end it; its pipelines end when their input closes.
_LAUNCHER = """
import ctypes, logging, os, signal, sys
try:
    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)
except (AttributeError, OSError):
    pass
if os.getppid() != int(sys.argv[1]):
    sys.exit("the server that started apertium-apy has ended")
sys.argv = ["apertium-apy", *sys.argv[2:]]  # before the import: apy reads its arguments then
logging.getLogger("tornado.access").setLevel(logging.WARNING)  # no line per request in its log
import tornado.tcpserver
listen_on = tornado.tcpserver.TCPServer.bind
def loopback(self, port, address=None, *args, **kwargs):
    return listen_on(self, port, "127.0.0.1", *args, **kwargs)
tornado.tcpserver.TCPServer.bind = loopback
from apertium_apy.apy import main
main()
"""


class ApyFailed(Exception):
    """A translation through apy did not come back; the caller uses the subprocess path."""


class _Unfit(Exception):
    """A text apy would not translate as the subprocess path does; apy itself is fine."""


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # apy's web framework turns these into spaces
_END = "."


def apy_installed() -> bool:
    return shutil.which("apertium-apy") is not None and all(
        (MODES_DIR / f"{p}.mode").is_file() for p in PAIRS
    )


def pieces(text: str) -> Iterator[str]:
    """The text in pieces of at most CHUNK_CHARS characters, cut after a line end where one is in reach,
    else after a space, else anywhere. Joined, they are the text."""
    limit = CHUNK_CHARS
    while len(text) > limit:
        window = text[:limit]
        cut = window.rfind("\n") + 1 or window.rfind(" ") + 1 or limit
        yield text[:cut]
        text = text[cut:]
    if text:
        yield text


class _Child:
    """One apertium-apy process, in a process group of its own so that ending it ends its pipelines too,
    listening on a free loopback port. It runs the two modes of `modes` (see `_write_modes`)."""

    def __init__(self, modes: Path) -> None:
        self.log = modes / "apertium-apy.log"  # its warnings and errors; a new one for each child
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        script = Path(shutil.which("apertium-apy") or "apertium-apy")
        env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
        apy_args = ["-p", str(self.port), "-t", str(int(_TIMEOUT_S)), str(modes)]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [*_interpreter(script), "-c", _LAUNCHER, str(os.getpid()), *apy_args],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                env={**env, "LC_ALL": "C.UTF-8"},  # apy refuses to start without a UTF-8 locale
                start_new_session=True,
            )

    def alive(self) -> bool:
        return self.process.poll() is None

    def exit_reason(self) -> str:
        """Its exit code and the last line it wrote."""
        try:
            lines = self.log.read_text("utf-8", "replace").strip().splitlines()
        except OSError:
            lines = []
        return f"exit code {self.process.returncode}: {lines[-1] if lines else 'no output'}"

    def end(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        try:
            self.process.wait(timeout=_REAP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            logger.warning("apertium-apy (pid %d) did not end after it was killed", self.process.pid)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _interpreter(script: Path) -> list[str]:
    """The command in apertium-apy's #! line: the python that has apertium_apy and tornado installed."""
    with script.open("rb") as f:
        first = f.readline().decode("utf-8", "replace")
    return first[2:].split() if first.startswith("#!") else ["python3"]


def _write_modes(directory: Path) -> None:
    """Copies of the two pairs' modes in which the generator leaves unknown words unmarked, as `apertium -u`
    has it: apy's own marks (`*word`) would be read as Markdown emphasis. apy puts `-g` where the mode says
    `$1`; `apertium -u` puts `-n`."""
    for pair in PAIRS:
        mode = (MODES_DIR / f"{pair}.mode").read_text("utf-8")
        (directory / f"{pair}.mode").write_text(mode.replace("$1", "-n"), "utf-8")


class Apy:
    """apertium-apy at `url`, or, without one, a child started and kept up by this object."""

    def __init__(self, url: str | None = None) -> None:
        self._given = url.rstrip("/") if url else None
        self._url = self._given or ""
        self._child: _Child | None = None
        self._modes: Path | None = None
        self._client = httpx.Client(timeout=httpx.Timeout(_TIMEOUT_S + 1, connect=_CONNECT_TIMEOUT_S))
        self._ready = threading.Event()
        self._trouble = threading.Event()
        self._closed = threading.Event()
        # One thread starts the child and every later one: PR_SET_PDEATHSIG fires when the thread that
        # started a child ends, so it must live as long as the child should.
        self._supervisor = threading.Thread(target=self._supervise, name="apertium-apy", daemon=True)

    def start(self) -> Apy:
        self._supervisor.start()
        # A process that ends without closing it (a CLI command) still ends the child and removes its copy
        # of the modes: the supervisor is a daemon thread, and its cleanup would never run.
        atexit.register(self.close)
        return self

    @property
    def ready(self) -> bool:
        return self._ready.is_set()

    @property
    def url(self) -> str:
        return self._url

    @property
    def child_pid(self) -> int | None:
        child = self._child
        return child.process.pid if child is not None else None

    def wait_ready(self, timeout: float) -> bool:
        return self._ready.wait(timeout)

    def translate(self, text: str, pair: str) -> str:
        """The text translated as `apertium -u` translates it."""
        try:
            if _CONTROL.search(text):
                raise _Unfit("control characters, which apy would turn into spaces")
            return "".join(self._translate(piece, pair) for piece in pieces(text))
        except _Unfit as exc:
            logger.info("Not sent to apertium-apy (%s); the subprocess path translates", exc)
            raise ApyFailed(str(exc)) from exc
        except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
            if not self._closed.is_set():
                logger.warning(
                    "apertium-apy failed (%s: %s); the subprocess path translates", type(exc).__name__, exc
                )
                self._ready.clear()
                self._trouble.set()
            raise ApyFailed(str(exc)) from exc

    def _translate(self, piece: str, pair: str) -> str:
        """apy strips the whitespace around a text. Leading whitespace is put back. Trailing whitespace
        changes how Apertium reads the text's end ("i 2024." at the very end loses its full stop, read as
        an ordinal; "i 2024.\n" keeps it), so it is sent followed by a full stop, which comes back last
        and is taken off."""
        core = piece.strip()
        if not core:
            return piece
        head = piece[: len(piece) - len(piece.lstrip())]
        ends_in_space = core != piece.lstrip()
        source, target = pair.split("-")
        response = self._client.post(
            f"{self._url}/translate",
            data={
                "langpair": f"{source}|{target}",
                "q": f"{piece.lstrip()}{_END}" if ends_in_space else core,
                "format": "txt",
                "markUnknown": "yes",  # the generator's marks are off in our modes (`_write_modes`)
            },
        )
        response.raise_for_status()
        translated = response.json()["responseData"]["translatedText"]
        if not isinstance(translated, str):
            raise TypeError(f"translatedText is {type(translated).__name__}")
        if ends_in_space:
            if not translated.endswith(_END):
                raise _Unfit("its translation lost the full stop after the trailing whitespace")
            translated = translated[: -len(_END)]
        return f"{head}{translated}"

    def close(self) -> None:
        """Stop using the service, and end the child and its pipelines."""
        self._closed.set()
        self._ready.clear()
        self._trouble.set()  # wakes the supervisor
        if self._supervisor.is_alive():
            self._supervisor.join(timeout=_START_TIMEOUT_S)
        self._client.close()

    def _supervise(self) -> None:
        delay = 1.0
        try:
            while not self._closed.is_set():
                if self._bring_up():
                    delay = 1.0
                    self._ready.set()
                    self._watch()
                else:
                    self._closed.wait(delay)
                    delay = min(2 * delay, _MAX_DELAY_S)
        finally:
            self._ready.clear()
            self._end_child()
            if self._modes is not None:
                shutil.rmtree(self._modes, ignore_errors=True)

    def _watch(self) -> None:
        """Until a translation fails, the child dies or the service is closed."""
        while not self._closed.is_set():
            if self._trouble.wait(_WATCH_S):
                break
            if self._child is not None and not self._child.alive():
                logger.warning("apertium-apy ended (%s); it is started again", self._child.exit_reason())
                break
        self._ready.clear()
        self._trouble.clear()

    def _bring_up(self) -> bool:
        started = time.monotonic()
        self._trouble.clear()  # a failure from before this attempt is what it answers
        try:
            if self._given is None:
                self._start_child()
            for pair, text in _WARM.items():
                self._translate(text, pair)
        except (httpx.HTTPError, ValueError, KeyError, TypeError, OSError, _Unfit) as exc:
            if not self._closed.is_set():
                logger.warning("apertium-apy is not available (%s: %s)", type(exc).__name__, exc)
            return False
        logger.info("apertium-apy at %s, warm in %.0f ms", self._url, (time.monotonic() - started) * 1000)
        return not self._closed.is_set()

    def _start_child(self) -> None:
        self._end_child()
        if self._modes is None:
            self._modes = Path(tempfile.mkdtemp(prefix="assistant-apy-"))
            _write_modes(self._modes)
        self._child = _Child(self._modes)
        self._url = self._child.url
        deadline = time.monotonic() + _START_TIMEOUT_S
        while True:
            try:
                if self._client.get(f"{self._url}/listPairs", timeout=1.0).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if not self._child.alive():
                raise OSError(f"apertium-apy ended ({self._child.exit_reason()})")
            if time.monotonic() > deadline or self._closed.wait(0.05):
                raise OSError("apertium-apy did not answer")

    def _end_child(self) -> None:
        if self._child is not None:
            self._child.end()
            self._child = None
