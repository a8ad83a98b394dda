"""The same articles give the same stories on every x86-64 machine: importing storyline pins the numerical
kernels to AVX2 before torch and numpy load (storyline/__init__.py), so an AVX-512 CPU computes the demo's
vectors to the same bits as an AVX2 one (tests/test_demo_json.py holds the bytes that follow from them)."""

from __future__ import annotations

import os
import platform
import subprocess
import sys

import pytest

from storyline import KERNELS

pytestmark = pytest.mark.skipif(platform.machine().lower() not in {"x86_64", "amd64"},
                                reason="the pin is for x86-64 CPUs")
ASK = "import storyline, torch; print(torch.backends.cpu.get_cpu_capability())"


def _capability(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in KERNELS}
    done = subprocess.run([sys.executable, "-c", ASK], env={**clean, **env}, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_torch_runs_avx2_kernels_whatever_the_cpu_offers() -> None:
    assert _capability() == "AVX2"


def test_a_kernel_choice_set_in_the_environment_is_kept() -> None:
    assert _capability(ATEN_CPU_CAPABILITY="default") == "DEFAULT"
