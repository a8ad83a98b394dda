"""What the benchmarks that run each method in a fresh process share: the worker's RESULT line and
its peak memory, and the parent's call that starts a worker and reads that line back.

A worker is the benchmark script itself started with `--worker NAME ARGS…`; it prints one line
`RESULT {json}` last, and the parent measures the process's wall time from outside, interpreter
start, imports and model loads included."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path


def peak_mb() -> float:
    """Peak resident memory of this process so far, in MB (ru_maxrss is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def emit(result: dict) -> None:
    """Print a worker's result as the RESULT line the parent reads, with the process's peak memory and
    the largest peak of the processes it started and has waited for (analysis workers, say)."""
    result["peak_mb"] = round(peak_mb(), 1)
    result["children_peak_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    print("RESULT " + json.dumps(result), flush=True)


def children_cpu() -> float:
    """CPU seconds (user and system) of this process's finished children and theirs."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_worker(script: Path, *args: str, timeout: float = 1800, env: dict[str, str] | None = None) -> dict:
    """Run `script --worker ARGS…` in a fresh interpreter and return its RESULT, with `process_seconds`:
    the wall time of the whole process as the parent saw it, and `cpu_seconds`: the CPU time it and the
    processes it started used (what other work on a shared machine does not inflate)."""
    command = [sys.executable, str(script), "--worker", *args]
    env = {**os.environ, "TOKENIZERS_PARALLELISM": "false", "PYTHONWARNINGS": "ignore", **(env or {})}
    started, started_cpu = time.perf_counter(), children_cpu()
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=env, check=False)
    elapsed, cpu = time.perf_counter() - started, children_cpu() - started_cpu
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("RESULT "):
            return {**json.loads(line[len("RESULT "):]), "process_seconds": elapsed, "cpu_seconds": cpu}
    raise RuntimeError(f"worker {args[0]} failed (exit {done.returncode}):\n{done.stderr[-3000:]}")
