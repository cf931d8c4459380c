"""The ONNX Runtime encoder: the transformers model exported once, run without torch.

Marked `model`: they export the converted e5 folder (about 10 s, cached under
$MEDGUARD_MODEL_CACHE or <repo>/data/models) or a tiny random BERT.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from classifiers.encoder import Encoder, EncoderError, ensure_encoder
from classifiers.onnx_encoder import EXPORT_VERSION, OnnxEncoder, ensure_onnx

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.model

SENTENCES = [
    "Uşağımın qızdırması var, nə etməliyəm?",
    "usagimin qizdirmasi var ne edim",
    "Limon suyu xərçəngi müalicə edir, hamı içsin!",
    "У ребёнка температура 38.5, что делать?",
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
def onnx_dir(e5_dir: Path) -> Path:
    return ensure_onnx(e5_dir, model_cache())


@pytest.fixture(scope="module")
def encoder(onnx_dir: Path) -> OnnxEncoder:
    return OnnxEncoder.load(onnx_dir, threads=2)


def tiny_bert(folder: Path, e5_dir: Path, seed: int = 0) -> Path:
    import torch
    from transformers import BertConfig, BertModel

    torch.manual_seed(seed)
    config = BertConfig(
        vocab_size=133_971,
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=64,
        pad_token_id=1,
    )
    BertModel(config, add_pooling_layer=False).save_pretrained(folder)
    for name in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
        shutil.copyfile(e5_dir / name, folder / name)
    return folder


def test_export_quantises_every_weight_product(onnx_dir: Path) -> None:
    import onnx

    meta = json.loads((onnx_dir / "encoder.json").read_text())
    assert meta["export"] == EXPORT_VERSION
    assert meta["int8_products"] == 72  # 12 layers x (q, k, v, out, ffn in, ffn out)
    assert meta["min_cosine_vs_fp32"] >= 0.99
    graph = onnx.load(str(onnx_dir / "model.onnx")).graph
    weights = {t.name for t in graph.initializer if len(t.dims) == 2}
    ops = [n.op_type for n in graph.node]
    assert ops.count("MatMulInteger") == 72
    # Each row's rounding, shift and cast are one QuantizeLinear, not three passes.
    assert ops.count("QuantizeLinear") == 72
    assert "Round" not in ops
    # The remaining float MatMuls are attention's (query x key, weights x value): no weights.
    assert not [n for n in graph.node if n.op_type == "MatMul" and n.input[1] in weights]


def test_embeddings_stay_close_to_the_fp32_model(e5_dir: Path, encoder: OnnxEncoder) -> None:
    reference = Encoder.load(e5_dir, quantize=False).embed(SENTENCES)
    ours = encoder.embed(SENTENCES)
    assert ours.shape == (len(SENTENCES), 384)
    assert np.sum(ours * reference, axis=1).min() >= 0.99
    np.testing.assert_allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_a_text_embeds_the_same_alone_or_in_any_batch(encoder: OnnxEncoder) -> None:
    # Row scales and masked attention: the bot scores one message alone, training scored it in
    # a padded batch next to long posts; both must see the same vector, bit for bit.
    longer = [" ".join(SENTENCES) * 4, "Salam, uşağımın 3 gündür qızdırması var. " * 6]
    alone = np.stack([encoder.embed([s])[0] for s in SENTENCES])
    batched = encoder.embed(longer + SENTENCES, batch_size=32)[len(longer) :]
    small = encoder.embed(SENTENCES[::-1] + longer, batch_size=3)[: len(SENTENCES)][::-1]
    assert np.array_equal(batched, alone)
    assert np.array_equal(small, alone)


def test_rows_come_back_in_order_and_odd_input(encoder: OnnxEncoder) -> None:
    assert encoder.embed([]).shape == (0, 384)
    vectors = encoder.embed(["salam", "", "x" * 100_000])
    assert vectors.shape == (3, 384)
    assert np.isfinite(vectors).all()
    assert np.array_equal(encoder.embed(["", "salam"])[1], vectors[0])
    with pytest.raises(TypeError):
        encoder.embed("salam")
    with pytest.raises(ValueError, match="batch_size"):
        encoder.embed(["salam"], batch_size=0)


def test_fingerprint_names_the_variant(encoder: OnnxEncoder) -> None:
    assert encoder.fingerprint == f"multilingual-e5-small-d384-L256-ort8r-v{EXPORT_VERSION}"


def test_other_encoders_export_and_a_changed_source_is_exported_again(
    tmp_path: Path, e5_dir: Path
) -> None:
    source = tiny_bert(tmp_path / "tiny", e5_dir)
    cache = tmp_path / "cache"
    first = ensure_onnx(source, cache)
    vectors = OnnxEncoder.load(first).embed(["salam", "привет"])
    assert vectors.shape == (2, 32)
    assert ensure_onnx(source, cache) == first  # current: left as is
    before = (first / "encoder.json").read_text()
    tiny_bert(source, e5_dir, seed=1)  # new weights in the same folder
    assert ensure_onnx(source, cache) == first
    assert (first / "encoder.json").read_text() != before
    assert not np.array_equal(OnnxEncoder.load(first).embed(["salam", "привет"]), vectors)
    assert sorted(p.name for p in cache.iterdir()) == ["tiny.onnx-int8"]  # no staging left


def test_a_broken_export_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "encoder.json").write_text("{}")
    with pytest.raises(EncoderError, match="not a complete ONNX encoder export"):
        OnnxEncoder.load(tmp_path)


def test_the_bot_classifies_without_importing_torch(onnx_dir: Path) -> None:
    # The point of the export: a running bot holds onnxruntime and the tokenizer, not the
    # ~310 MB that importing torch and transformers costs.
    code = (
        "import sys; from bot.config import load_settings; from bot.app import load_classifier; "
        "c = load_classifier(load_settings(None)); "
        "v = c.classify(['Atamın sinəsində kəskin ağrı var, tərləyib, nə edək??'])[0]; "
        "print(type(c.encoder).__name__, 'emergency' in v.labels, "
        "sorted({'torch', 'transformers'} & set(sys.modules)))"
    )
    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "MEDGUARD_CLASSIFIER_CACHE_DIR": str(model_cache()),
        "MEDGUARD_CLASSIFIER_RUNTIME": "onnx",
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "OnnxEncoder True []"
