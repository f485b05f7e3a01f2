"""The real `assistant` command in a subprocess, on its own data directory."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.index.embedders import Embedder
from assistant.models import OWNER_TYPES, SECTORS
from assistant.schemes.matching import NEEDS
from tests.conftest import CORPUS, indexed_data_dir

ONE_DOCUMENT = "statsforvalteren-oslo-viken-lokal-kompetanseutvikling.txt"


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> dict[str, str]:
    """The full corpus, indexed beforehand, as after an earlier `assistant ingest`."""
    data = indexed_data_dir(tmp_path_factory.mktemp("cli-data") / "data", embedder)
    return {**os.environ, "ASSISTANT_DATA_DIR": str(data), "ASSISTANT_CORPUS_DIR": str(CORPUS)}


@pytest.fixture
def empty_env(tmp_path: Path) -> dict[str, str]:
    """An empty data dir and a corpus of one document, which the first command must ingest."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / ONE_DOCUMENT, corpus)
    data = tmp_path / "data"
    return {**os.environ, "ASSISTANT_DATA_DIR": str(data), "ASSISTANT_CORPUS_DIR": str(corpus)}


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant.cli", *args], env=env, capture_output=True, text=True, timeout=300
    )


def test_ask_on_an_empty_index_ingests_then_answers_as_json(empty_env: dict[str, str]) -> None:
    result = run(empty_env, "ask", "Hvem prioriterer hvilke tiltak som får tilskudd?", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == [
        "conversation_id",
        "message_id",
        "answer",
        "citations",
        "abstained",
        "resolved_question",
        "route",
        "maalform",
        "plan",
        "parts",
    ]
    assert "samarbeidsforum" in data["answer"] and data["citations"] and data["abstained"] is False
    assert all(c["passage_id"].startswith(c["document"] + "::") for c in data["citations"])
    assert "Indeksen er tom" in result.stderr


def test_ingest_again_reports_everything_unchanged(env: dict[str, str]) -> None:
    result = run(env, "ingest")
    assert result.returncode == 0, result.stderr
    assert "0 nye, 0 endret, 5 uendret, 0 slettet, 0 feilet" in result.stdout


def test_empty_question_exits_2_with_a_norwegian_message(env: dict[str, str]) -> None:
    result = run(env, "ask", "   ")
    assert result.returncode == 2
    assert "empty_question" in result.stderr and "Spørsmålet er tomt" in result.stderr


def test_search_prints_k_passages_with_scores(env: dict[str, str]) -> None:
    result = run(env, "search", "prøvenemndsmedlemmer", "-k", "3")
    assert result.returncode == 0, result.stderr
    lines = [ln for ln in result.stdout.splitlines() if ln[:2] in ("1.", "2.", "3.")]
    assert len(lines) == 3 and "[" in lines[0]


def test_plain_ask_lists_sources(env: dict[str, str]) -> None:
    result = run(env, "ask", "Hva er kompetansepakker?")
    assert result.returncode == 0 and "Kilder:" in result.stdout and "[1]" in result.stdout


def test_ingest_of_a_bad_file_fails_clearly(env: dict[str, str], tmp_path: Path) -> None:
    bad = tmp_path / "skadet.pdf"
    bad.write_bytes(b"%PDF-1.4 junk")
    result = run(env, "ingest", str(bad))
    assert result.returncode == 1
    assert "skadet.pdf" in result.stderr and "1 feilet" in result.stdout


def test_schemes_prints_a_table_and_rejects_unknown_values(env: dict[str, str]) -> None:
    result = run(env, "schemes", "--owner", "kommune", "--sector", "barnehage")
    assert result.returncode == 0, result.stderr
    assert "Regional ordning" in result.stdout and "passer" in result.stdout
    bad = run(env, "schemes", "--owner", "staten", "--sector", "barnehage")
    assert bad.returncode == 2
    assert "Tillatte verdier" in bad.stderr and "privat_barnehageeier eller privat_skoleeier" in bad.stderr


def test_schemes_help_lists_every_allowed_value(env: dict[str, str]) -> None:
    # Wide enough that rich never wraps a value across lines.
    result = run({**env, "COLUMNS": "250"}, "schemes", "--help")
    assert result.returncode == 0, result.stderr
    help_text = " ".join(result.stdout.split())
    for option, allowed in (("--owner", OWNER_TYPES), ("--sector", SECTORS), ("--need", NEEDS)):
        assert f"{option} <str> Én av: {' | '.join(allowed)}." in help_text, option


def _readme_sample() -> tuple[str, list[str]]:
    """The question and the printed lines of the README's sample at its top."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    block = readme.split("```\n$ assistant ask ", 1)[1].split("\n```", 1)[0]
    command, *printed = block.splitlines()
    return command.strip().strip('"'), printed


def test_readme_sample_is_what_ask_prints(env: dict[str, str]) -> None:
    question, printed = _readme_sample()
    result = run(env, "ask", question)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.rstrip("\n").splitlines()
    assert lines[0] == printed[0]  # the direct answer comes first, as the README shows it
    assert lines == printed
