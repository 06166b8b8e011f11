"""The GPU prefill benchmark's code path, on a toy model on the CPU (the real run needs a GPU)."""

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_the_gpu_benchmark_runs_on_a_toy_model_and_skips_without_a_gpu():
    toy = subprocess.run([sys.executable, "-m", "tests.bench.gpu_prefill", "--tiny", "--device", "cpu",
                          "--lengths", "1024"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert toy.returncode == 0, toy.stderr[-2000:]
    report = json.loads(toy.stdout)
    first = report["prefill"][0]
    assert first["tokens"] == 1024 and first["tokens_per_s"] > 0 and first["decode_tokens_per_s"] > 0
    assert first["planned_memory_gib"] >= 0
    assert report["linear_attention_kernels"] in ("torch", "fla", "causal-conv1d", "fla + causal-conv1d")
    assert report["active_parameters"] > 0
    import torch

    if not torch.cuda.is_available():
        skipped = subprocess.run([sys.executable, "-m", "tests.bench.gpu_prefill"], cwd=ROOT,
                                 capture_output=True, text=True, timeout=120)
        assert skipped.returncode == 0 and "skipped" in json.loads(skipped.stdout)
