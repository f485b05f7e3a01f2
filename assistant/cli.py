"""The command line: parse, call the same service functions the API calls, shape the output."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
import yaml

from assistant import texts
from assistant.config import Settings, get_settings
from assistant.errors import AssistantError, EmptyQuestion, QuestionTooLong, UnreadableFile
from assistant.freshness import format_date
from assistant.ingest.pipeline import IngestReport
from assistant.language.apertium import start_apy
from assistant.logconfig import configure_logging
from assistant.models import OWNER_TYPES, SECTORS, Answer, Maalform, Passage, ScoredPassage
from assistant.retrieval import Mode
from assistant.rules import check_rules
from assistant.schemes.matching import NEEDS
from assistant.service import Services, ask_with_history, build_services, ensure_index, ingest_paths
from assistant.service import ask as ask_service
from assistant.service import search as search_service

if TYPE_CHECKING:
    from assistant.evaluation import Ask, Draft, Search

app = typer.Typer(
    help="Kompetanseassistenten: svar med kilder om statlige ordninger for kompetanseutvikling.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
logger = logging.getLogger(__name__)
T = TypeVar("T")

EXIT_BAD_INPUT = 2
EXIT_FAILED = 1
APY_WARM_WITHIN_S = 60  # `eval` waits this long for apertium-apy; past it, nynorsk goes by subprocess


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Vis logg.")] = False) -> None:
    # Models ship inside packages; never let a library try the hub.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    configure_logging(verbose)


def _fail(exc: AssistantError) -> typer.Exit:
    typer.echo(f"Feil ({exc.code}): {exc.message}", err=True)
    bad_input = isinstance(exc, EmptyQuestion | QuestionTooLong)
    return typer.Exit(EXIT_BAD_INPUT if bad_input else EXIT_FAILED)


def _services(settings: Settings) -> Services:
    try:
        return build_services(settings)
    except AssistantError as exc:
        raise _fail(exc) from exc


def _ingest_with_progress(services: Services, paths: list[Path]) -> IngestReport:
    if not sys.stdout.isatty():  # a log or a pipe: a line per document, not a bar drawn over itself
        return ingest_paths(services, paths, lambda name: typer.echo(texts.INGEST_READING.format(name=name)))
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("Leser inn …", total=None)

        def step(name: str) -> None:
            progress.update(task, description=f"Leser inn {name}")
            progress.advance(task)

        return ingest_paths(services, paths, step)


def _report(report: IngestReport) -> None:
    for failure in report.failed:
        typer.echo(texts.INGEST_FAILED_FILE.format(name=failure.path, message=failure.message), err=True)
    typer.echo(report.summary())


@app.command()
def ingest(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Filer eller mapper. Standard: korpusmappen.")
    ] = None,
) -> None:
    """Les inn dokumenter (inkrementelt: uendrede filer hoppes over)."""
    settings = get_settings()
    services = _services(settings)
    try:  # a store that fails half-way (a full disk): its message and exit code, not a traceback
        report = _ingest_with_progress(services, paths or [settings.corpus_dir])
    except AssistantError as exc:
        raise _fail(exc) from exc
    _report(report)
    if report.failed and not (report.added or report.updated or report.unchanged):
        raise typer.Exit(EXIT_FAILED)


def _ready_services(settings: Settings) -> Services:
    services = _services(settings)
    if services.store.count() == 0:
        typer.echo(texts.INDEX_EMPTY_INGESTING.format(path=settings.corpus_dir), err=True)
        report = ensure_index(services)
        if report is not None and report.failed:
            _report(report)
    return services


def _with_services(text: str, use: Callable[[Services], T]) -> T:
    """Check the text before loading any model (a typo fails fast), then run one service call."""
    if not text.strip():
        raise _fail(EmptyQuestion(texts.EMPTY_QUESTION))
    services = _ready_services(get_settings())
    try:
        return use(services)
    except AssistantError as exc:
        raise _fail(exc) from exc


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="Spørsmålet, på bokmål eller nynorsk.")],
    as_json: Annotated[bool, typer.Option("--json", help="Skriv svaret som JSON.")] = False,
    conversation_id: Annotated[str | None, typer.Option("--conversation-id")] = None,
    maalform: Annotated[
        Maalform | None, typer.Option("--maalform", help="nb eller nn. Uten valg: som spørsmålet.")
    ] = None,
) -> None:
    """Still et spørsmål og få et svar med kildehenvisninger."""
    answer = _with_services(
        question, lambda services: ask_service(services, question, conversation_id, maalform)
    )
    if as_json:
        typer.echo(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(answer.answer)
    if answer.citations:
        typer.echo("\nKjelder:" if answer.maalform == "nn" else "\nKilder:")
        for c in answer.citations:
            where = f", side {c.page}" if c.page else ""
            date = f" ({format_date(c.published, 'nn' if answer.maalform == 'nn' else 'nb')})"
            typer.echo(f"[{c.n}] {c.section}{where}{date} · {c.document}")


@app.command()
def draft(
    file: Annotated[
        Path | None, typer.Option("--file", help="Les henvendelsen fra en fil. Uten valg: standard inn.")
    ] = None,
    maalform: Annotated[
        Maalform | None, typer.Option("--maalform", help="nb eller nn. Uten valg: som henvendelsen.")
    ] = None,
    sender: Annotated[str | None, typer.Option("--sender", help="Avsender under hilsenen.")] = None,
    recipient: Annotated[
        str | None, typer.Option("--recipient", help="Mottaker, f.eks. «Kari Nordmann».")
    ] = None,
    docx_path: Annotated[
        Path | None, typer.Option("--docx", help="Skriv også utkastet som Word-fil hit.")
    ] = None,
) -> None:
    """Lag et utkast til svarbrev på en henvendelse (fra standard inn): svar med kilder på hvert spørsmål."""
    from assistant.service import draft_reply

    inquiry = _read_inquiry(file)
    if not inquiry.strip():
        raise _fail(EmptyQuestion(texts.INQUIRY_EMPTY))
    letter = _with_services(
        inquiry, lambda services: draft_reply(services, inquiry, maalform, sender, recipient)
    )
    typer.echo(letter.markdown, nl=False)
    if docx_path is not None:
        from assistant.drafts.docx import to_docx

        docx_path.write_bytes(to_docx(letter))
        typer.echo(texts.DRAFT_WRITTEN.format(path=docx_path), err=True)


def _read_inquiry(file: Path | None) -> str:
    if file is not None:
        try:
            return file.read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            error = UnreadableFile(texts.UNREADABLE_FILE.format(name=file, reason=reason))
            typer.echo(f"Feil ({error.code}): {error.message}", err=True)
            raise typer.Exit(EXIT_BAD_INPUT) from exc
    stdin = typer.get_text_stream("stdin")
    if stdin.isatty():  # someone typing the inquiry: say how to finish
        typer.echo(texts.INQUIRY_STDIN_HINT, err=True)
    return stdin.read()


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Søketekst.")],
    k: Annotated[int, typer.Option("-k", min=1, max=50, help="Antall treff.")] = 5,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Vis de mest relevante tekstbitene med poeng."""
    hits = _with_services(query, lambda services: search_service(services, query, k))
    if as_json:
        rows = [
            {"score": h.score, "dense": h.dense, "lexical": h.lexical, **_passage_dict(h.passage)}
            for h in hits
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not hits:
        typer.echo(texts.NO_RESULTS)
    for rank, h in enumerate(hits, start=1):
        p = h.passage
        typer.echo(
            f"{rank}. [{h.score:.3f}] {p.document} – {p.section}" + (f", side {p.page}" if p.page else "")
        )
        typer.echo("   " + " ".join(p.text.split())[:300])


def _passage_dict(p: Passage) -> dict[str, Any]:
    return {
        "document": p.document,
        "title": p.title,
        "section": p.section,
        "page": p.page,
        "published": p.published,
        "url": p.url,
        "text": p.text,
    }


@app.command("eval")
def run_eval(
    questions: Annotated[Path | None, typer.Option(help="Spørsmålsfil (YAML).")] = None,
    out: Annotated[Path | None, typer.Option(help="Mappe for rapport (JSON) og figur (PNG).")] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Feil (exit 1) under gulvene i eval/floors.yaml.")
    ] = False,
    api: Annotated[
        str | None, typer.Option("--api", help="Mål en kjørende tjeneste, f.eks. http://127.0.0.1:8000.")
    ] = None,
    nynorsk: Annotated[
        bool, typer.Option("--nynorsk", help="Mål også nynorsk-tvillingene (eval/nynorsk.yaml) mot bokmål.")
    ] = False,
    sealed: Annotated[
        bool,
        typer.Option(
            "--sealed",
            help="Forseglet sett: vis og skriv bare samlede tall, aldri spørsmål, svar eller id-er. "
            "Gjelder alltid for filer med «sealed» i navnet.",
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Skriv tallene som JSON.")] = False,
) -> None:
    """Mål treffsikkerhet, faktadekning, avståelse, svartid og (realistiske sett) akseptable svar."""
    from assistant import evaluation

    settings = get_settings()
    path = questions or settings.eval_dir / "questions.yaml"
    sealed = sealed or evaluation.is_sealed(path)
    qs = evaluation.load_questions(path, evaluation.nynorsk_facts)
    search, ask, draft = _eval_pipeline(settings, api)
    judging = evaluation.Judging(
        evaluation.load_phrases(settings.eval_dir / "acceptability.yaml"), evaluation.nynorsk_facts
    )
    results = evaluation.run(qs, search, ask, draft=draft, judging=judging)
    summary = evaluation.summarize(results)
    if any(q.type for q in qs):  # a realistic set
        summary["acceptability"] = evaluation.summarize_acceptability(results, sealed)
    twin_results: list[evaluation.QuestionResult] = []
    if nynorsk:
        twins = evaluation.load_twins(settings.eval_dir / "nynorsk.yaml", qs, evaluation.nynorsk_facts)
        twin_results = evaluation.run(twins, search, ask, warmup=0)
        summary["nynorsk"] = evaluation.compare_twins(results, twin_results)
    out = out or settings.data_dir / "eval"
    if sealed:  # aggregates only: no per-type breakdown, no question, answer or id
        summary.pop("per_category")
        written = [evaluation.write_sealed_report(summary, out)]
    else:
        written = list(evaluation.write_report(summary, results + twin_results, out))
    _eval_print(summary, written, as_json, sealed)
    if check:
        floors = yaml.safe_load((settings.eval_dir / "floors.yaml").read_text("utf-8"))
        failures = evaluation.set_floor_failures(summary, floors, path)
        for line in failures:
            typer.echo(f"UNDER GULVET: {line}", err=True)
        if failures:
            raise typer.Exit(EXIT_FAILED)
        typer.echo("Alle gulv holder.")


def _eval_pipeline(settings: Settings, api: str | None) -> tuple[Search, Ask, Draft]:
    """What the eval asks: a running service over HTTP, or the pipeline in this process."""
    from assistant import evaluation
    from assistant.service import draft_reply

    if api:
        return evaluation.api_client(api)
    services = _ready_services(settings)
    # Nynorsk as the server translates it, through apertium-apy: the same text as a pipeline per call,
    # which costs about a second each, and a set translates hundreds of texts.
    apy = start_apy(settings)
    if apy is not None:
        apy.wait_ready(APY_WARM_WITHIN_S)

    def search(q: str, k: int, mode: Mode, rerank: bool) -> list[ScoredPassage]:
        return services.retriever.search(q, k, mode, rerank)

    def ask(q: str, history: Sequence[str]) -> Answer:
        return ask_with_history(services, q, history)

    def draft(inquiry: str) -> evaluation.Reply:
        return evaluation.reply_from_letter(draft_reply(services, inquiry))

    return search, ask, draft


def _eval_print(summary: dict[str, Any], written: list[Path], as_json: bool, sealed: bool) -> None:
    from assistant import evaluation

    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    typer.echo(evaluation.format_summary(summary))
    if "nynorsk" in summary:
        typer.echo("\n" + evaluation.format_twins(summary["nynorsk"]))
    if "acceptability" in summary:
        typer.echo("\n" + evaluation.format_acceptability(summary["acceptability"]))
        if not sealed:
            typer.echo("\n" + evaluation.format_not_acceptable(summary["acceptability"]))
    typer.echo("\nRapport: " + ("\nFigur:   ".join(str(p) for p in written)))


@app.command()
def schemes(
    owner: Annotated[str, typer.Option(help=texts.CHOICES_HELP.format(allowed=" | ".join(OWNER_TYPES)))],
    sector: Annotated[str, typer.Option(help=texts.CHOICES_HELP.format(allowed=" | ".join(SECTORS)))],
    need: Annotated[str, typer.Option(help=texts.CHOICES_HELP.format(allowed=" | ".join(NEEDS)))] = "any",
    target_group: Annotated[str | None, typer.Option("--target-group", help="Målgruppe, fritekst.")] = None,
    topic: Annotated[str | None, typer.Option(help="Tema, fritekst.")] = None,
) -> None:
    """Hvilke ordninger passer for oss? Rangert tabell med begrunnelse og hvor dere søker."""
    from rich.console import Console
    from rich.table import Table

    from assistant.schemes.catalogue import load_catalogue
    from assistant.schemes.matching import Profile, match_schemes

    for name, value, allowed in (
        ("--owner", owner, OWNER_TYPES),
        ("--sector", sector, SECTORS),
        ("--need", need, NEEDS),
    ):
        if value not in allowed:
            listed = f"{', '.join(allowed[:-1])} {texts.OR} {allowed[-1]}"  # «a, b eller c»
            typer.echo(texts.INVALID_CHOICE.format(field=name, value=value, allowed=listed), err=True)
            raise typer.Exit(EXIT_BAD_INPUT)
    settings = get_settings()
    try:
        check_rules(settings)  # the target-group word lists are a rule file
        catalogue = load_catalogue(settings.schemes_file, settings.corpus_dir)
    except AssistantError as exc:
        raise _fail(exc) from exc
    table = Table(show_lines=True)
    for column in ("ordning", "passer?", "hvorfor", "søk / neste steg"):
        table.add_column(column, overflow="fold")
    for m in match_schemes(catalogue, Profile(owner, sector, need, target_group, topic)):
        why = "\n".join(f"• {r.text}" for r in m.reasons[:3])
        table.add_row(m.name, m.fit, why, m.next_step)
    Console(width=max(100, Console().width)).print(table)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Adresse å lytte på.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port.")] = 8000,
) -> None:
    """Start API-et (chat, OpenAI-kompatibelt /v1, dokumenter, tilbakemeldinger). Dokumentasjon på /docs."""
    import uvicorn

    from assistant.api import create_app
    from assistant.api.server import server_config

    # One line per request from our own access log (no query strings); uvicorn's own is off.
    for name in ("assistant", "uvicorn.error"):
        logging.getLogger(name).setLevel(logging.INFO)
    try:
        api = create_app(get_settings())  # checks the rule files: a bad one stops here, before listening
    except AssistantError as exc:
        raise _fail(exc) from exc
    typer.echo(f"Kompetanseassistenten på http://{host}:{port} (API-dokumentasjon: /docs)", err=True)
    uvicorn.Server(server_config(api, host, port)).run()


if __name__ == "__main__":
    app()
