"""A stand-in for `/usr/bin/apertium` that can hang, put first on PATH by the `fake_apertium` fixture.

Like the real one, it is a shell script that reads all its input before it answers, so a started one can
wait as a spare. While `hang()` is on, it starts a child `sleep` after reading its input and waits for it;
the script's pid and the child's are written to `hung`. Otherwise it answers with "Hvem" made "Kven" and
everything else (numbers, citation markers) unchanged. Every started script writes its pid to `started`.
"""

from __future__ import annotations

import time
from pathlib import Path

SLEEP_S = 30  # far past any timeout a test sets, short enough that a test of the old code ends

_SCRIPT = f"""#!/bin/sh
dir=$(dirname "$0")
echo $$ >> "$dir/started"
input=$(cat)
if [ -e "$dir/hang" ]; then
    sleep {SLEEP_S} &
    echo $$ $! >> "$dir/hung"
    wait
fi
printf '%s\\n' "$input" | sed 's/Hvem/Kven/g'
"""


class FakeApertium:
    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True)
        self.directory = directory
        script = directory / "apertium"
        script.write_text(_SCRIPT)
        script.chmod(0o755)

    def hang(self, on: bool = True) -> None:
        flag = self.directory / "hang"
        if on:
            flag.touch()
        else:
            flag.unlink(missing_ok=True)

    def hung(self) -> list[int]:
        """The pids of the scripts that hung and of their `sleep` children."""
        return self._pids("hung")

    def started(self) -> list[int]:
        return self._pids("started")

    def running(self, pids: list[int], grace_s: float = 3.0) -> list[int]:
        return still_running(pids, grace_s)

    def _pids(self, name: str) -> list[int]:
        path = self.directory / name
        return [int(pid) for pid in path.read_text().split()] if path.exists() else []


def still_running(pids: list[int], grace_s: float = 3.0) -> list[int]:
    """Those of `pids` still running after `grace_s`. SIGKILL is delivered at once, but a killed stage
    that nobody waits for ends when the scheduler next runs it, which on a loaded machine may be a
    moment after `killpg` returned. A killed process whose parent has not collected it (PID 1 in a
    container may never do so) is a zombie, which counts as ended."""
    deadline = time.monotonic() + grace_s
    while True:
        alive = [pid for pid in pids if _state(pid) not in {None, "Z", "X"}]
        if not alive or time.monotonic() >= deadline:
            return alive
        time.sleep(0.05)


def _state(pid: int) -> str | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return None
    return stat.rsplit(")", 1)[1].split()[0]  # the field after the command name, which may hold spaces
