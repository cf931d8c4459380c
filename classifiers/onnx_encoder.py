"""The encoder under ONNX Runtime: the transformers model exported once, int8 with row scales.

`transformers` stays the model definition and loader: `export` loads the folder with
`AutoModel`, traces it with `torch.onnx.export` and rewrites each weight matrix product as an
int8 one. `OnnxEncoder` then runs the graph with onnxruntime and the Rust tokenizer alone, so
the process that classifies never imports torch or transformers (~310 MB of the 410 MB a
process held before its first weight). On CPUs without VNNI (AVX2 only) it embeds about twice
as fast as the torch path and one message four times as fast.

The int8 product mirrors `encoder.RowInt8Linear`: each row (token) gets its own symmetric
activation scale, so a text embeds the same alone or in any padded batch. Weights keep one
scale per output channel at 7 bits: on CPUs without VNNI the u8 x s8 kernels add pairs of
products in 16 bits, and 255 x 63 x 2 is the largest pair that cannot saturate — with 8-bit
weights the integer result would depend on the CPU.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import shutil
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from classifiers.encoder import QUERY_PREFIX, EncoderError, check_embed_args, padded_batches

if TYPE_CHECKING:
    import onnx

__all__ = ["EXPORT_VERSION", "OnnxEncoder", "ensure_onnx", "export", "onnx_available"]

# Bumped whenever `export` writes a different graph: older exports are rebuilt.
EXPORT_VERSION = 3
META_FILE = "encoder.json"
MODEL_FILE = "model.onnx"
TABLE_FILE = "token_table.npy"
TOKENIZER_FILE = "tokenizer.json"
MIN_FP32_COSINE = 0.99
_WEIGHT_LEVELS = 63  # 7-bit weights: see the module docstring
_OPSET = 17
_CHECK_TEXTS = (
    "Uşağımın qızdırması var, nə etməliyəm?",
    "usagimin qizdirmasi var ne edim",
    "У ребёнка температура 38.5, что делать?",
    "My blood pressure is 160/100, should I go to the hospital?",
    "👍",
)


def onnx_available() -> bool:
    """Whether onnxruntime (to run) and onnx (to export) can be imported."""
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def _row_int8_graph(model: onnx.ModelProto) -> int:
    """Rewrite every MatMul by a float weight matrix as a per-row int8 product; return how many.

    x (.., K) -> m = max|x| per row -> q = round(x * 127 / m) + 128 as uint8 (zero point 128,
    so the integers are the symmetric ones) -> MatMulInteger with int8 weights -> float -> times
    m / 127, times the weight's column scale. The bias Add that follows stays as is.

    The rounding, shift and cast are one QuantizeLinear with scale 1 (it rounds half to even,
    as Round does, and saturates), and the division by the row's step a multiplication by its
    inverse: those were three full passes over the activations and a division, about a sixth of
    the encoder's time (`scripts/profile_encoder.py`).
    """
    from onnx import TensorProto, helper, numpy_helper

    graph = model.graph
    weights = {t.name: t for t in graph.initializer}
    extra = [
        numpy_helper.from_array(np.array(1e-12, np.float32), "rowq_eps"),
        numpy_helper.from_array(np.array(127.0, np.float32), "rowq_127"),
        numpy_helper.from_array(np.array(1.0, np.float32), "rowq_one"),
        numpy_helper.from_array(np.array(128, np.uint8), "rowq_128"),
    ]
    nodes: list[onnx.NodeProto] = []
    replaced: set[str] = set()
    for j, node in enumerate(graph.node):
        tensor = weights.get(node.input[1]) if node.op_type == "MatMul" else None
        if tensor is None or len(tensor.dims) != 2 or tensor.data_type != TensorProto.FLOAT:
            nodes.append(node)
            continue
        w = numpy_helper.to_array(tensor)  # (K, N)
        scale = np.maximum(np.abs(w).max(axis=0), 1e-12) / _WEIGHT_LEVELS
        q_w = np.clip(np.round(w / scale), -_WEIGHT_LEVELS, _WEIGHT_LEVELS).astype(np.int8)
        p = f"rowq{j}_"
        extra += [
            numpy_helper.from_array(q_w, p + "w"),
            numpy_helper.from_array(scale.astype(np.float32), p + "ws"),
        ]
        x = node.input[0]
        nodes += [
            helper.make_node("Abs", [x], [p + "abs"]),
            helper.make_node("ReduceMax", [p + "abs"], [p + "max"], axes=[-1], keepdims=1),
            helper.make_node("Max", [p + "max", "rowq_eps"], [p + "max_"]),
            helper.make_node("Div", [p + "max_", "rowq_127"], [p + "step"]),
            helper.make_node("Div", ["rowq_127", p + "max_"], [p + "inverse"]),
            helper.make_node("Mul", [x, p + "inverse"], [p + "scaled"]),
            helper.make_node("QuantizeLinear", [p + "scaled", "rowq_one", "rowq_128"], [p + "q"]),
            helper.make_node("MatMulInteger", [p + "q", p + "w", "rowq_128"], [p + "acc"]),
            helper.make_node("Cast", [p + "acc"], [p + "accf"], to=TensorProto.FLOAT),
            helper.make_node("Mul", [p + "accf", p + "step"], [p + "y"]),
            helper.make_node("Mul", [p + "y", p + "ws"], list(node.output)),
        ]
        replaced.add(node.input[1])
    kept = [t for t in graph.initializer if t.name not in replaced]
    del graph.node[:]
    graph.node.extend(nodes)
    del graph.initializer[:]
    graph.initializer.extend(kept + extra)
    return len(replaced)


def export(
    folder: Path, out_dir: Path, *, max_length: int = 256, stamp: str = ""
) -> dict[str, Any]:
    """Export the Hugging Face encoder in `folder` to an int8 ONNX encoder in `out_dir`.

    Needs torch, transformers and onnx (the running bot needs none of them). Checks the result
    against the fp32 model and returns the record written to `out_dir / encoder.json`.
    """
    import onnx
    import torch

    from classifiers.encoder import Encoder

    reference = Encoder.load(folder, quantize=False, max_length=max_length)
    model: Any = reference._model
    tokenizer: Any = reference._tokenizer
    backend = getattr(tokenizer, "backend_tokenizer", None)
    if backend is None:
        raise EncoderError(f"{folder}: no fast (Rust) tokenizer; ONNX export needs one")
    max_length = reference._max_length
    with contextlib.suppress(ValueError, TypeError, AttributeError, NotImplementedError):
        # Plain softmax attention traces to fewer nodes than SDPA's NaN guards: ~4% faster.
        model.set_attn_implementation("eager")
    table = model.get_input_embeddings().weight.detach().float().numpy()

    class Body(torch.nn.Module):
        """The model from its input embeddings on: the token table is looked up outside."""

        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, inputs_embeds: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
            out = self.inner(inputs_embeds=inputs_embeds, attention_mask=mask)
            hidden: torch.Tensor = out[0]
            return hidden

    out_dir.mkdir(parents=True, exist_ok=True)
    traced = out_dir / "fp32.onnx"
    example = (torch.zeros(2, 5, table.shape[1]), torch.ones(2, 5, dtype=torch.int64))
    with warnings.catch_warnings(), torch.inference_mode():
        # The tracer's notes on transformers' shape checks and the legacy exporter's
        # deprecation: the traced graph is checked against the model below.
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Body(model).eval(),
            example,
            str(traced),
            input_names=["inputs_embeds", "attention_mask"],
            output_names=["hidden"],
            dynamic_axes={
                "inputs_embeds": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                "hidden": {0: "batch", 1: "tokens"},
            },
            opset_version=_OPSET,
            dynamo=False,  # the TorchScript exporter needs no onnxscript and traces BERTs fine
        )
    graph = onnx.load(str(traced))
    traced.unlink()
    replaced = _row_int8_graph(graph)
    if not replaced:
        raise EncoderError(f"{folder}: no weight products found to quantise in the export")
    onnx.save(graph, str(out_dir / MODEL_FILE))
    np.save(out_dir / TABLE_FILE, table.astype(np.float16))
    backend.save(str(out_dir / TOKENIZER_FILE))
    pad = tokenizer.pad_token_id
    record: dict[str, Any] = {
        "export": EXPORT_VERSION,
        "source": folder.resolve().name,
        "source_stamp": stamp or _source_stamp(folder),
        "dim": int(table.shape[1]),
        "max_length": max_length,
        "pad_id": pad if isinstance(pad, int) else 0,
        "int8_products": replaced,
    }
    (out_dir / META_FILE).write_text(json.dumps(record, indent=2) + "\n")
    ours = OnnxEncoder.load(out_dir, threads=2)
    ids_same = ours._ids([QUERY_PREFIX + t for t in _CHECK_TEXTS]) == [
        tokenizer(QUERY_PREFIX + t, truncation=True, max_length=max_length)["input_ids"]
        for t in _CHECK_TEXTS
    ]
    if not ids_same:
        raise EncoderError(f"{folder}: the Rust tokenizer alone does not reproduce the model's")
    cosines = np.sum(ours.embed(_CHECK_TEXTS) * reference.embed(_CHECK_TEXTS), axis=1)
    worst = float(cosines.min())
    if not worst >= MIN_FP32_COSINE:
        raise EncoderError(f"{folder}: int8 export disagrees with the fp32 model: {worst:.4f}")
    record["min_cosine_vs_fp32"] = worst
    record["checked_at"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    (out_dir / META_FILE).write_text(json.dumps(record, indent=2) + "\n")
    return record


def _source_stamp(folder: Path) -> str:
    """Changes whenever the source folder's files do (a rebuilt e5 folder, a new checkpoint)."""
    digest = hashlib.sha256()
    for file in sorted(folder.iterdir()):
        if file.is_file():
            stat = file.stat()
            digest.update(f"{file.name}:{stat.st_size}:{stat.st_mtime_ns};".encode())
    return digest.hexdigest()[:16]


def _is_current(target: Path, stamp: str) -> bool:
    try:
        record = json.loads((target / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        isinstance(record, dict)
        and "checked_at" in record
        and record.get("export") == EXPORT_VERSION
        and record.get("source_stamp") == stamp
    )


def ensure_onnx(folder: Path, cache_dir: Path) -> Path:
    """Return the ONNX export of `folder` under `cache_dir`, exporting it first if needed.

    The export of a folder named X lives in `cache_dir / "X.onnx-int8"`; one built by an older
    exporter or from other source files is rebuilt. Built beside the target and renamed into
    place, as `ensure_encoder` does, so concurrent starts never see half an export.
    """
    target = cache_dir / f"{folder.resolve().name}.onnx-int8"
    stamp = _source_stamp(folder)
    if _is_current(target, stamp):
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=cache_dir))
    try:
        export(folder, staging, stamp=stamp)
        staging.chmod(0o755)
        for file in staging.iterdir():
            file.chmod(0o644)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=cache_dir))
            with contextlib.suppress(OSError):  # another process may have swapped it already
                target.rename(old / target.name)
            shutil.rmtree(old, ignore_errors=True)
        try:
            staging.rename(target)
        except OSError:
            if not _is_current(target, stamp):
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


class OnnxEncoder:
    """Sentence embeddings from an `export` folder: prefix, graph, mean over tokens, L2 norm."""

    def __init__(
        self,
        session: Any,
        tokenizer: Any,
        table: npt.NDArray[np.float16],
        *,
        max_length: int,
        pad_id: int,
        name: str,
        prefix: str = QUERY_PREFIX,
    ) -> None:
        self._session = session
        self._tokenizer = tokenizer
        self._table = table
        self._max_length = max_length
        self._pad_id = pad_id
        self._name = name
        self._prefix = prefix

    @classmethod
    def load(cls, folder: Path, *, threads: int | None = None) -> OnnxEncoder:
        """Open an `export` folder; the token table stays mapped from disk, paged in per token."""
        import onnxruntime
        from tokenizers import Tokenizer

        try:
            meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
            table = np.load(folder / TABLE_FILE, mmap_mode="r")
            tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        except Exception as exc:  # tokenizers raises bare Exceptions
            raise EncoderError(f"{folder} is not a complete ONNX encoder export: {exc}") from exc
        options = onnxruntime.SessionOptions()
        if threads is not None:
            options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3  # its notes on unused initialisers are not ours to act on
        session = onnxruntime.InferenceSession(
            str(folder / MODEL_FILE), options, providers=["CPUExecutionProvider"]
        )
        max_length = int(meta["max_length"])
        tokenizer.enable_truncation(max_length)
        tokenizer.no_padding()
        return cls(
            session,
            tokenizer,
            table,
            max_length=max_length,
            pad_id=int(meta["pad_id"]),
            name=str(meta["source"]),
        )

    @property
    def dim(self) -> int:
        """Length of one embedding vector."""
        return int(self._table.shape[1])

    @property
    def fingerprint(self) -> str:
        """Names the variant whose embeddings these are (for caches and trained heads)."""
        return f"{self._name}-d{self.dim}-L{self._max_length}-ort8r-v{EXPORT_VERSION}"

    def _ids(self, texts: list[str]) -> list[list[int]]:
        return [e.ids for e in self._tokenizer.encode_batch(texts, add_special_tokens=True)]

    def embed(self, texts: Sequence[str], batch_size: int = 32) -> npt.NDArray[np.float32]:
        """Return one L2-normalised float32 row per text, in the order given."""
        check_embed_args(texts, batch_size)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        ids = self._ids([self._prefix + t for t in texts])
        for rows, flat, mask in padded_batches(ids, batch_size, self._pad_id):
            embeds = self._table[flat].astype(np.float32)
            (hidden,) = self._session.run(None, {"inputs_embeds": embeds, "attention_mask": mask})
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[rows] = pooled / np.maximum(norms, 1e-12)
        return out
