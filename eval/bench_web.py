"""Benchmark the chat page in a real browser: time from the Enter key to the first streamed text in the
page, and to the final rendered exchange (the server-rendered answer with its sources), warm.

    python eval/bench_web.py                        # starts `assistant serve` on a temporary data dir
    python eval/bench_web.py --url http://127.0.0.1:8000 -n 40

It drives Debian's Chromium (`apt-get install chromium`) with Playwright, headless, as the browser tests
do. The clock is the page's own (`performance.now()`): a capturing keydown listener stamps the Enter key,
and a MutationObserver stamps the first non-empty text in `.answer--streaming` and the moment the pending
exchange is replaced by the rendered one. Each question starts a new conversation ("Ny samtale"), so none
is read as a follow-up of the one before. The questions are written for this script, not taken from the
eval sets, so the figures do not reward tuning on those.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import bench_api  # eval/ is on sys.path when this script runs: its server start is shared
import numpy as np
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent

WARM_UP = [
    "Hva er regional ordning for kompetanseutvikling i barnehagen?",
    "Hva er desentralisert ordning?",
    "Hvem bestemmer hvilke tiltak som får midler i kompetanseforumet?",
]
QUESTIONS = [
    "Kan en privat barnehageeier søke om midler gjennom regional ordning?",
    "Hvem har ansvaret for samarbeidsforumet i den desentraliserte ordningen?",
    "Hva skal midlene i desentralisert ordning brukes til?",
    "Kan barnehageassistenter få støtte til å ta fagbrev?",
    "Hvor mye egenandel må kommunen betale i regional ordning?",
    "Hvordan søker en lærer om videreutdanning?",
    "Hva er kompetanseløftet for spesialpedagogikk og inkluderende praksis?",
    "Kan PP-tjenesten delta i tiltak under kompetanseløftet?",
    "Hvilken rolle har universitetene og høgskolene i ordningene?",
    "Hvem fordeler midlene til barnehagene i fylket?",
    "Hva er en kompetansepakke, og hvem kan bruke den?",
    "Må tiltakene være barnehagebaserte?",
    "Kan fagskoler være samarbeidspartnere i regional ordning?",
    "Hva er forskjellen på kollektive og individuelle tiltak?",
    "Hvordan skal kommunene kartlegge behovet for kompetanseutvikling?",
    "Kan midlene brukes til vikarutgifter?",
    "Hvem kan ta tilleggsutdanning i barnehagepedagogikk?",
    "Hva krever ordningen av rapportering fra barnehageeier?",
    "Kan en fylkeskommune få midler til fag- og yrkesopplæring gjennom desentralisert ordning?",
    "Hvordan blir skolene involvert når tiltakene planlegges?",
    "Hvilke frister gjelder for søknad om videreutdanning for lærere?",
    "Kan styrere i barnehagen få støtte til lederutdanning?",
    "Hva er målet med den regionale ordningen?",
    "Hvem kan søke om tilskudd til kompetanseheving for fagarbeidere i skolen?",
]

# Installed once per page load; the Python side reads window.__bench after each question.
OBSERVER = """
() => {
  const bench = { submit: null, first: null, done: null, before: 0, abstained: false };
  window.__bench = bench;
  const conversation = document.getElementById("conversation");
  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.id === "message") bench.submit = performance.now();
  }, true);
  new MutationObserver(() => {
    const now = performance.now();
    if (bench.submit === null) return;
    if (bench.first === null) {
      const streaming = conversation.querySelector(".answer--streaming");
      if (streaming && streaming.textContent.trim()) bench.first = now;
    }
    if (bench.done === null && !conversation.querySelector(".exchange--pending")) {
      const rendered = conversation.querySelectorAll("li.exchange:not(.exchange--pending)");
      if (rendered.length > bench.before) {
        bench.done = now;
        bench.abstained = !!rendered[rendered.length - 1].querySelector(".turn--abstained");
      }
    }
  }).observe(conversation, { childList: true, subtree: true, characterData: true });
}
"""
RESET = """
() => {
  const bench = window.__bench;
  bench.submit = bench.first = bench.done = null;
  bench.abstained = false;
  bench.before = document.querySelectorAll("#conversation li.exchange:not(.exchange--pending)").length;
}
"""


@contextmanager
def started_server(timeout: float = 300) -> Iterator[str]:
    """`assistant serve` on a free port and a temporary data dir it fills from the corpus at start."""
    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp:
        env = {"ASSISTANT_DATA_DIR": str(Path(tmp) / "data"), "ASSISTANT_CORPUS_DIR": str(ROOT / "corpus")}
        with bench_api.started_server(env, timeout) as url:
            yield url


@contextmanager
def _given(url: str) -> Iterator[str]:
    yield url


def ask(page: Page, question: str) -> dict[str, Any]:
    """One question in a new conversation; milliseconds from the Enter key to first text and to done."""
    page.click("#new-chat")
    page.evaluate(RESET)
    page.fill("#message", question)
    page.press("#message", "Enter")
    # A function, not an expression string: the page's CSP forbids the eval an expression would need.
    page.wait_for_function("() => window.__bench.done !== null", timeout=60_000)
    bench = page.evaluate("window.__bench")
    first = None if bench["first"] is None else bench["first"] - bench["submit"]
    return {
        "question": question,
        "first_text_ms": first,
        "rendered_ms": bench["done"] - bench["submit"],
        "abstained": bench["abstained"],
    }


def _percentiles(values: list[float]) -> dict[str, float]:
    return {"p50_ms": float(np.percentile(values, 50)), "p95_ms": float(np.percentile(values, 95))}


def run(url: str, n: int) -> dict[str, Any]:
    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("Chromium is not installed (apt-get install chromium)")
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        page = browser.new_page(base_url=url, viewport={"width": 1280, "height": 900})
        page.goto("/?mf=nb")
        page.evaluate(OBSERVER)
        for question in WARM_UP:
            ask(page, question)
        samples = [ask(page, q) for q in QUESTIONS[:n]]
        browser.close()
    first = [float(s["first_text_ms"]) for s in samples if s["first_text_ms"] is not None]
    rendered = [float(s["rendered_ms"]) for s in samples]
    return {
        "questions": len(samples),
        "abstained": sum(1 for s in samples if s["abstained"]),
        "without_streamed_text": len(samples) - len(first),
        "first_text": _percentiles(first) if first else None,
        "rendered": _percentiles(rendered),
        "cpu_count": os.cpu_count(),
        "samples": samples,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", help="A running service; without it one is started.")
    parser.add_argument("-n", type=int, default=20, help=f"Measured questions (at most {len(QUESTIONS)}).")
    parser.add_argument("--out", type=Path, default=Path("data/bench/web.json"))
    args = parser.parse_args()
    if not 1 <= args.n <= len(QUESTIONS):
        parser.error(f"-n must be between 1 and {len(QUESTIONS)}")
    with started_server() if args.url is None else _given(args.url) as url:
        result = run(url, args.n)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False), "utf-8")
    first, rendered = result["first_text"], result["rendered"]
    if first is not None:
        print(
            f"page, first streamed text (warm, bokmål): p50 {first['p50_ms']:.0f} ms, "
            f"p95 {first['p95_ms']:.0f} ms"
        )
    print(
        f"page, rendered exchange: p50 {rendered['p50_ms']:.0f} ms, p95 {rendered['p95_ms']:.0f} ms; "
        f"{result['questions']} questions, {result['abstained']} abstained, "
        f"{result['without_streamed_text']} without streamed text; written to {args.out}"
    )


if __name__ == "__main__":
    main()
