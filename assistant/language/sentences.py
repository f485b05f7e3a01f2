"""Corpus sentences translated bokmål→nynorsk in advance, so a nynorsk answer pays only for its framing.

An extractive answer is mostly verbatim corpus sentences and list items, with citation markers, bullets and
a short lead ("Ja.") around them. `segments` cuts a text into those pieces: sentences and list lines
("cores") and the glue between them (markers, line ends, bullets, the space between two sentences). While
apertium-apy is up, `render` translates an answer core by core and keeps the glue verbatim. A core is
translated followed by a line end, as it stands in the answer (Apertium reads "i 2022." at the very end of
a text as an ordinal and drops the full stop).

Core by core is not the same as the whole text at once: Apertium lets a sentence's neighbours decide a few
words ("Vi" after another sentence, "Me" alone; "skuler" and "skula" in a long list, "skular" and "skule"
alone). Alone is as good or better in the cases seen, and it makes a sentence's translation the same in
every answer, so it can be kept: the `Filler` thread translates each passage's cores once, in the
background while apy is up, into a small SQLite file in the data dir (`SentenceStore`), keyed by a hash of
the core and of the Apertium modes, so a restart does not redo them and an Apertium upgrade does. A core
not in the store is translated as it comes, the same way, so an answer's text does not depend on what the
store holds. Passages that are gone are pruned from the store on the next pass."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from assistant.ingest.units import split_units
from assistant.language import apertium
from assistant.language.apy import MODES_DIR
from assistant.models import Maalform, Passage

logger = logging.getLogger(__name__)

FILE_NAME = "translations.sqlite3"
# Part of every key: a change to how texts are cut or translated here makes every stored core stale.
_SCHEME = "cores-1"
_POLL_S = 2.0  # how often the filler looks for a changed corpus or for apy coming up

_MARKS = r"(?:[ \t]*\[\d{1,3}\])*"
_GLUE = re.compile(
    rf"""^[ \t]*(?:[-*][ \t]+)?                           # a bullet at the very start
    |{_MARKS}[ \t]*\n\s*(?:[-*][ \t]+)?                    # markers, line end(s), the next line's bullet
    |(?:[ \t]*\[\d{{1,3}}\])+[ \t]*$                        # markers at the very end
    |(?<=[.!?]){_MARKS}[ \t]+(?=[A-ZÆØÅ«])                 # between two sentences on one line""",
    re.VERBOSE,
)


def segments(text: str) -> Iterator[tuple[bool, str]]:
    """(is a core, piece) in order; joined, the pieces are the text. Glue is never empty."""
    position = 0
    for glue in _GLUE.finditer(text):
        if glue.end() == glue.start():
            continue
        if glue.start() > position:
            yield True, text[position : glue.start()]
        yield False, glue.group()
        position = glue.end()
    if position < len(text):
        yield True, text[position:]


def cores(text: str) -> list[str]:
    return [piece for core, piece in segments(text) if core]


def translate_core(core: str, source: Maalform, target: Maalform) -> str:
    """One core as it is translated in an answer: followed by a line end, as in the answer."""
    return apertium.translate(f"{core}\n", source, target).rstrip("\n")


def passage_cores(passage: Passage) -> list[str]:
    """The cores an answer quoting this passage is made of: its units' sentences, lead-ins and items."""
    return [c for unit in split_units(passage.text, 0) for c in cores(unit.render())]


def modes_version() -> str:
    """The Apertium modes and the files they run: a change (apertium-nno-nob upgraded) makes every stored
    core stale."""
    parts = [_SCHEME]
    try:
        mode = (MODES_DIR / "nob-nno.mode").read_text("utf-8")
        parts.append(mode)
        for name in sorted(set(re.findall(r"'(/[^']+)'", mode))):
            stat = Path(name).stat()
            parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    except OSError:
        parts.append("no modes")
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


class SentenceStore:
    """Translated cores (bokmål→nynorsk) in <data_dir>/translations.sqlite3, also held in memory so that
    an answer never reads the file. At most `max_entries`."""

    def __init__(self, path: Path, version: str, max_entries: int) -> None:
        self.path, self.version, self.max_entries = path, version, max_entries
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS cores (key TEXT PRIMARY KEY, translation TEXT NOT NULL)")
        self._kept: dict[str, str] = dict(self._db.execute("SELECT key, translation FROM cores"))

    def key(self, core: str) -> str:
        return hashlib.sha256(f"{self.version}\0nob-nno\0{core}".encode()).hexdigest()[:32]

    def get(self, core: str) -> str | None:
        return self._kept.get(self.key(core))

    def __len__(self) -> int:
        return len(self._kept)

    def put(self, core: str, translation: str) -> bool:
        """False when the store is full."""
        key = self.key(core)
        with self._lock:
            if key not in self._kept and len(self._kept) >= self.max_entries:
                return False
            self._kept[key] = translation
            self._db.execute("INSERT OR REPLACE INTO cores VALUES (?, ?)", (key, translation))
            self._db.commit()
        return True

    def keep_only(self, cores: set[str]) -> int:
        """Drop the cores no passage has any more (deleted documents, stale modes); how many went."""
        wanted = {self.key(c) for c in cores}
        with self._lock:
            gone = [k for k in self._kept if k not in wanted]
            for k in gone:
                del self._kept[k]
            self._db.executemany("DELETE FROM cores WHERE key = ?", [(k,) for k in gone])
            self._db.commit()
        return len(gone)

    def close(self) -> None:
        with self._lock:
            self._db.close()


# The store `render` reads, set by the server (`start`). Module state, like apertium's apy.
_store: SentenceStore | None = None


def stored() -> SentenceStore | None:
    return _store


def translate_text(text: str, source: Maalform, target: Maalform) -> str:
    """The text translated core by core, stored cores from the store, the glue as it is."""
    store = _store if (source, target) == ("nb", "nn") else None
    out = []
    for core, piece in segments(text):
        if not core:
            out.append(piece)
            continue
        kept = store.get(piece) if store is not None else None
        out.append(kept if kept is not None else translate_core(piece, source, target))
    return "".join(out)


class Filler:
    """A background thread that keeps the store in line with the corpus: while apy is up, it translates
    the cores of every passage that are not stored yet, one at a time with a pause as long as the
    translation took (so requests keep at least half of apy and the CPU), and prunes those no passage has.
    It looks again whenever `passages()` gives another list (after an upload or delete)."""

    def __init__(self, store: SentenceStore, passages: Callable[[], list[Passage]]) -> None:
        self.store, self.passages = store, passages
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sentence-translations", daemon=True)
        self.passes = 0  # completed passes over a corpus, for tests and the log

    def start(self) -> Filler:
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        seen: list[Passage] | None = None
        while not self._stop.wait(0 if seen is None and apertium.apy_ready() else _POLL_S):
            current = self.passages()
            if current is seen or not apertium.apy_ready():
                continue
            try:
                if self.fill(current):
                    seen = current
            except Exception:  # a background helper: the answers translate without it
                logger.exception("Translating the corpus sentences in advance failed")
                seen = current

    def fill(self, passages: list[Passage]) -> bool:
        """One pass; False when it was cut short (apy went down, or the server stops)."""
        started, added = time.monotonic(), 0
        wanted = {c for p in passages for c in passage_cores(p)}
        pruned = self.store.keep_only(wanted)
        for core in sorted(wanted):
            if self.store.get(core) is not None:
                continue
            if self._stop.is_set() or not apertium.apy_ready():
                return False
            began = time.monotonic()
            try:
                translation = translate_core(core, "nb", "nn")
            except apertium.TranslationUnavailable:
                return False
            if not self.store.put(core, translation):
                logger.warning("The store of translated sentences is full (%d)", self.store.max_entries)
                break
            added += 1
            self._stop.wait(time.monotonic() - began)
        self.passes += 1
        logger.info(
            "Corpus sentences in nynorsk: %d stored, %d added, %d pruned, in %.1f s",
            len(self.store),
            added,
            pruned,
            time.monotonic() - started,
        )
        return True


def start(data_dir: Path, max_entries: int, passages: Callable[[], list[Passage]]) -> Filler:
    """Open the store under `data_dir`, let `render` use it, and fill it in the background."""
    global _store
    stop()
    _store = SentenceStore(data_dir / FILE_NAME, modes_version(), max_entries)
    global _filler
    _filler = Filler(_store, passages).start()
    return _filler


_filler: Filler | None = None


def stop() -> None:
    global _store, _filler
    filler, store, _filler, _store = _filler, _store, None, None
    if filler is not None:
        filler.stop()
    if store is not None:
        with contextlib.suppress(sqlite3.Error):
            store.close()
