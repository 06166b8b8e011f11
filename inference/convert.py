"""Convert a GGUF model into the model store as safetensors + tokenizer + sha256 manifest.

``python -m inference.convert --gguf FILE --out DIR --model-id ID``

A GGUF-loaded model refuses ``save_pretrained`` ("quantized with gguf and is not
serializable"), so we build a fresh model from its config without the quantization entry,
load the dequantized weights into it (every key matches) and save that. The copy loads in
about a second instead of the ~30-40 s a GGUF load costs. The output appears atomically:
it is written beside the target and renamed into place only when complete.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

from inference.manifest import write_manifest
from inference.offline import apply_offline_env


def convert_gguf(gguf: Path, out: Path, *, model_id: str, license_name: str, source: str) -> Path:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    folder, name = str(gguf.parent), gguf.name
    tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name)
    quantized = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name, dtype=torch.float32)
    config_dict = quantized.config.to_dict()
    config_dict.pop("quantization_config", None)
    config = type(quantized.config).from_dict(config_dict)
    model = AutoModelForCausalLM.from_config(config, dtype=torch.float32)
    model.load_state_dict(quantized.state_dict(), strict=True)

    staging = out.with_name(out.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    model.save_pretrained(staging, safe_serialization=True)
    tokenizer.save_pretrained(staging)
    write_manifest(staging, model_id=model_id, license_name=license_name, source=source)
    if out.exists():
        shutil.rmtree(out)
    os.replace(staging, out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gguf", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--model-id", required=True)
    parser.add_argument("--license", default="unknown")
    parser.add_argument("--source", default="")
    args = parser.parse_args(argv)
    apply_offline_env()
    out = convert_gguf(args.gguf, args.out, model_id=args.model_id, license_name=args.license,
                       source=args.source or str(args.gguf))
    print(json.dumps({"path": str(out)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
