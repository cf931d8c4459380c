"""Where the ONNX encoder spends its time: share of kernel time per operator type.

Usage: python scripts/profile_encoder.py [--folder DIR] [--n 800] [--threads 2]
Embeds the first N messages of the test split once with onnxruntime's profiler on and prints
the operator types by their share of kernel time. Shares are steadier than absolute times on
a shared machine, which drift by tens of percent within minutes.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from classifiers.corpus import load_split  # noqa: E402
from classifiers.onnx_encoder import OnnxEncoder  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--folder", type=Path, default=ROOT / "data/models/multilingual-e5-small.onnx-int8"
    )
    parser.add_argument("--n", type=int, default=800)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    import onnxruntime

    examples, _ = load_split(ROOT / "classifiers/data", "test")
    texts = [e.text for e in examples[: args.n]]
    encoder = OnnxEncoder.load(args.folder, threads=args.threads)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = args.threads
    options.inter_op_num_threads = 1
    options.enable_profiling = True
    options.profile_file_prefix = str(Path(tempfile.gettempdir()) / "medguard-encoder-profile")
    options.log_severity_level = 3
    encoder._session = onnxruntime.InferenceSession(
        str(args.folder / "model.onnx"), options, providers=["CPUExecutionProvider"]
    )
    encoder.embed(texts[:32])  # first-run allocations are not the steady state
    start = time.perf_counter()
    encoder.embed(texts)
    seconds = time.perf_counter() - start
    profile = Path(encoder._session.end_profiling())
    events = json.loads(profile.read_text())
    profile.unlink()
    by_op: Counter[str] = Counter()
    for event in events:
        if event.get("cat") == "Node" and event["name"].endswith("_kernel_time"):
            by_op[event["args"]["op_name"]] += event["dur"]
    total = sum(by_op.values())
    print(f"{len(texts)} messages in {seconds:.2f} s ({len(texts) / seconds:.0f} msg/s, profiled)")
    for op, micros in by_op.most_common(15):
        print(f"  {op:<22}{micros / total:>6.1%}")


if __name__ == "__main__":
    main()
