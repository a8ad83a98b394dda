"""One Settings object: CLI flags and the environment flow into it, and from it into the pipeline."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping

from storyline.errors import StorylineError


@dataclass(frozen=True)
class Settings:
    """Everything a run can be told; the defaults suit a laptop."""

    db: str = "storyline.db"  # a SQLite file, or a PostgreSQL URL: postgresql://user:pass@host:port/name
    # Limits on untrusted input.
    max_file_bytes: int = 100 * 1024 * 1024
    max_article_chars: int = 1_000_000
    # Embedding: the packaged MiniLM ("minilm") over title and lead, truncated for speed (on news,
    # short leads cluster as well as full text), or the static model distilled from it ("static").
    embedder: str = "minilm"
    model_path: str | None = None
    embed_max_tokens: int = 64
    embed_batch_size: int = 32
    # Near-duplicates: MinHash over word shingles.
    minhash_perm: int = 128
    shingle_words: int = 3
    duplicate_threshold: float = 0.5
    # How many days an article stays a possible original of the copies that follow it, counted back from
    # the newest day an ingest has met: syndicated copies follow within days; older articles' signatures
    # are neither read nor held, so an ingest's memory stops growing with the articles stored. None: all.
    duplicate_days: int | None = 30
    batch_size: int = 256
    # Names, quotes and dates of each article, and each story's brief (off for clustering-only runs).
    analyze: bool = True
    # Processes the English analysis (spaCy's NER, single-threaded, and the rules) runs on: worker
    # processes (analyze.pool) that analyse a chunk while the ingesting process embeds it; 1: in the
    # ingesting process alone. Two use both cores of a small machine (bench/real.py measures it).
    analysis_processes: int = 2
    # The web: one safe client for feeds and pages.
    allow_private_network: bool = False
    fetch_max_bytes: int = 10 * 1024 * 1024
    fetch_timeout: float = 60.0
    per_host_delay: float = 1.0
    # Where the per-article stages run (storyline.engine): "local" (this process) or "dask", on the
    # cluster whose scheduler is at `scheduler`, else on a LocalCluster of `workers` processes.
    engine: str = "local"
    scheduler: str | None = None
    workers: int | None = None
    scheduler_timeout: float = 10.0

    def with_db(self, db: str | Path | None) -> "Settings":
        return self if db is None else replace(self, db=str(db))


def settings_from_env(environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
    """Build Settings from STORYLINE_* environment variables, then explicit overrides (CLI flags)."""
    env = os.environ if environ is None else environ
    values: dict[str, object] = {}
    if env.get("STORYLINE_DB"):
        values["db"] = env["STORYLINE_DB"]
    if env.get("STORYLINE_MODEL"):
        values["model_path"] = env["STORYLINE_MODEL"]
    if env.get("STORYLINE_EMBEDDER"):
        values["embedder"] = env["STORYLINE_EMBEDDER"]
    if env.get("STORYLINE_EMBED_TOKENS"):
        values["embed_max_tokens"] = int(env["STORYLINE_EMBED_TOKENS"])
    if env.get("STORYLINE_MAX_FILE_MB"):
        values["max_file_bytes"] = int(float(env["STORYLINE_MAX_FILE_MB"]) * 1024 * 1024)
    if env.get("STORYLINE_BATCH_SIZE"):  # articles per transaction: smaller commits sooner, larger goes faster
        values["batch_size"] = max(1, int(env["STORYLINE_BATCH_SIZE"]))
    if env.get("STORYLINE_DUPLICATE_DAYS"):
        days = env["STORYLINE_DUPLICATE_DAYS"].strip().lower()
        if days not in ("all", "none") and not days.isdigit():
            raise StorylineError(f"STORYLINE_DUPLICATE_DAYS={env['STORYLINE_DUPLICATE_DAYS']!r}: a whole number of "
                                 "days an article may have copies after it, or 'all' for no limit")
        values["duplicate_days"] = None if days in ("all", "none") else int(days)
    if env.get("STORYLINE_ANALYSIS_PROCESSES"):
        if not env["STORYLINE_ANALYSIS_PROCESSES"].strip().isdigit():
            raise StorylineError(f"STORYLINE_ANALYSIS_PROCESSES={env['STORYLINE_ANALYSIS_PROCESSES']!r}: "
                                 "a whole number of processes for the NER (1: in the ingesting process only)")
        values["analysis_processes"] = max(1, int(env["STORYLINE_ANALYSIS_PROCESSES"]))
    if env.get("STORYLINE_ALLOW_PRIVATE_NETWORK", "").lower() in ("1", "true", "yes"):
        values["allow_private_network"] = True
    if env.get("STORYLINE_ENGINE"):
        values["engine"] = env["STORYLINE_ENGINE"]
    if env.get("STORYLINE_SCHEDULER"):
        values["scheduler"] = env["STORYLINE_SCHEDULER"]
    if env.get("STORYLINE_WORKERS"):
        if not env["STORYLINE_WORKERS"].strip().isdigit():
            raise StorylineError(f"STORYLINE_WORKERS={env['STORYLINE_WORKERS']!r}: a whole number of worker processes")
        values["workers"] = int(env["STORYLINE_WORKERS"])
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**values)  # type: ignore[arg-type]
