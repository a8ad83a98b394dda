"""storyline: turn a stream of dated news articles from many outlets into stories.

The same articles give the same stories, byte for byte, on every x86-64 machine. Numerical libraries
choose their kernels by the CPU they find (AVX-512 where it is present, AVX2 where not), and a sum
taken in another order moves the last bits of a sentence vector: enough to flip a near tie, such as
which of two sentences stands for a claim, or to change the static model that `storyline setup`
distils. So the kernels are pinned to AVX2, which every x86-64 CPU of the last decade runs, before
numpy or torch load; a variable set in the environment is left as it is (set ATEN_CPU_CAPABILITY,
MKL_CBWR, ONEDNN_MAX_CPU_ISA and OPENBLAS_CORETYPE to other values to trade this for speed)."""

import os
import platform

__version__ = "0.1.0"

KERNELS = {"ATEN_CPU_CAPABILITY": "avx2", "MKL_CBWR": "AVX2", "ONEDNN_MAX_CPU_ISA": "AVX2", "OPENBLAS_CORETYPE": "Haswell"}

if platform.machine().lower() in {"x86_64", "amd64"}:
    for _name, _value in KERNELS.items():
        os.environ.setdefault(_name, _value)
