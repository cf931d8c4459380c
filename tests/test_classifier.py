"""The classifier: corpus split, training determinism, thresholds and the `classify` contract."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from classifiers.commands import bench_classifier, classify_stream
from classifiers.corpus import (
    HOLDOUTS,
    SPLITS,
    TONE_HOLDOUTS,
    dedupe_key,
    load_examples,
    load_split,
    near_duplicate_pairs,
    split_corpus,
)
from classifiers.ensemble import Cascade, Classifier, EmergencyRule, Thresholds, specialty_prior
from classifiers.evaluate import evaluate, render
from classifiers.labels import LABELS, SENTIMENTS, SPECIALTIES, STYLES
from classifiers.normalize import normalize
from classifiers.train import train

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "classifiers" / "data"
ARTIFACTS = REPO / "classifiers" / "artifacts"
CONTRACT_KEYS = {"id", "labels", "specialty", "sentiment", "scores"}


def _subset(src: Path, dst: Path, every: int) -> None:
    """Copy every `every`-th line of the committed split files (a small, fast corpus)."""
    dst.mkdir(parents=True, exist_ok=True)
    for kind in ("messages", "answers"):
        for split in SPLITS:
            path = src / f"{kind}.{split}.jsonl"
            lines = path.read_text("utf-8").splitlines() if path.exists() else []
            (dst / path.name).write_text("".join(x + "\n" for x in lines[::every]), "utf-8")


@pytest.fixture(scope="module")
def small_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not (DATA / "messages.train.jsonl").exists():
        pytest.skip("corpus not split yet (scripts/split_corpus.py)")
    data = tmp_path_factory.mktemp("data")
    _subset(DATA, data, every=6)
    return data


@pytest.fixture(scope="module")
def small_artifacts(small_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Rules + n-gram trained on a sixth of the corpus: the same code path, in seconds."""
    artifacts = tmp_path_factory.mktemp("artifacts")
    train(small_data, artifacts, None, seed=0)
    return artifacts


@pytest.fixture(scope="module")
def small_classifier(small_artifacts: Path) -> Classifier:
    return Classifier.load(small_artifacts)


def _run(classifier: Classifier, lines: list[str], **kwargs: Any) -> list[dict[str, Any]]:
    out = io.StringIO()
    classify_stream(lines, out, classifier, **kwargs)
    rows = out.getvalue().split("\n")
    assert rows[-1] == ""
    return [json.loads(row) for row in rows[:-1]]


# -- the contract of `medguard classify` ---------------------------------------------------------


def test_classify_stream_contract_and_errors(small_classifier: Classifier) -> None:
    lines = [
        json.dumps({"id": 1, "text": "salam, usagimin qizdirmasi var 39, ne edim?"}),
        "{not json",
        json.dumps([1, 2, 3]),
        json.dumps({"id": "x2"}),
        json.dumps({"id": "x3", "text": 42}),
        json.dumps({"id": "empty", "text": ""}),
        "",
        json.dumps({"id": "big", "text": "ürəyim ağrıyır " * 7000}),
        json.dumps({"text": "У ребенка температура 38.5, что делать?"}),
        json.dumps({"id": "nan", "text": "x", "n": float("nan")}),
        '{"id": "surrogate", "text": "\\ud800 lone surrogate \\u200b z\\u0430m"}',
    ]
    rows = _run(small_classifier, lines, batch_size=3)
    assert len(rows) == len(lines)
    ids = [1, None, None, "x2", "x3", "empty", None, "big", None, None, "surrogate"]
    assert [r.get("id") for r in rows] == ids
    for i in (1, 2, 3, 4, 6, 9):
        assert set(rows[i]) == {"id", "error"}, rows[i]
        assert isinstance(rows[i]["error"], str)
    for i in (0, 5, 7, 8, 10):
        row = rows[i]
        assert set(row) == CONTRACT_KEYS
        assert isinstance(row["labels"], list)
        assert set(row["labels"]) <= set(LABELS)
        assert row["specialty"] is None or row["specialty"] in SPECIALTIES
        assert (row["specialty"] is not None) == ("question" in row["labels"])
        assert row["sentiment"] in SENTIMENTS
        scores = row["scores"]
        assert isinstance(scores, dict)
        assert set(scores) == set(LABELS)
        assert all(0.0 <= v <= 1.0 for v in scores.values())


def test_classify_stream_explain_adds_reasons(small_classifier: Classifier) -> None:
    line = json.dumps(
        {"id": 7, "text": "Satılır! Arıqlamaq üçün çay, yazın WhatsApp +994501234567"}
    )
    plain = _run(small_classifier, [line])[0]
    explained = _run(small_classifier, [line], explain=True)[0]
    assert "explain" not in plain
    assert set(explained) == CONTRACT_KEYS | {"explain"}
    assert isinstance(explained["explain"], list)
    assert all(isinstance(r, str) for r in explained["explain"])


def test_classify_stream_batches_keep_order(small_classifier: Classifier) -> None:
    texts = [e.text for e in load_examples(DATA / "messages.test.jsonl")[:150]]
    lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in enumerate(texts)]
    rows = _run(small_classifier, lines, batch_size=64)
    assert [r["id"] for r in rows] == list(range(len(texts)))
    one_by_one = [small_classifier.classify([t])[0].labels for t in texts[:20]]
    assert [tuple(r["labels"]) for r in rows[:20]] == one_by_one


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
_lines = st.one_of(
    st.text(max_size=200),
    st.builds(lambda i, t: json.dumps({"id": i, "text": t}), _json_values, st.text(max_size=300)),
    st.builds(
        lambda i, t: json.dumps({"id": i, "text": t}, ensure_ascii=False),
        st.integers(),
        st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    ),
    st.builds(json.dumps, _json_values),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(_lines, min_size=1, max_size=8))
def test_classify_stream_never_crashes(small_classifier: Classifier, lines: list[str]) -> None:
    out = io.StringIO()
    classify_stream(lines, out, small_classifier, batch_size=3)
    rows = out.getvalue().split("\n")[:-1]
    assert len(rows) == len(lines)
    for row in rows:
        obj = json.loads(row)
        assert set(obj) in ({"id", "error"}, CONTRACT_KEYS)


# -- thresholds, quick path, answers --------------------------------------------------------------


def test_thresholds_are_respected(
    small_data: Path, small_artifacts: Path, small_classifier: Classifier
) -> None:
    texts = [e.text for e in load_examples(small_data / "messages.dev.jsonl")][:60]
    for verdict in small_classifier.classify(texts):
        for label in LABELS:
            expected = verdict.scores[label] >= small_classifier.thresholds.labels[label]
            # Scores are rounded to 4 places in the verdict; skip the razor's edge.
            if abs(verdict.scores[label] - small_classifier.thresholds.labels[label]) > 1e-3:
                assert (label in verdict.labels) == expected
    always = Classifier.load(small_artifacts, thresholds={"question": 0.0, "spam": 1.01})
    verdicts = always.classify(texts)
    assert all("question" in v.labels and "spam" not in v.labels for v in verdicts)
    assert all(v.specialty in SPECIALTIES for v in verdicts)


def test_quick_and_answer_style(small_classifier: Classifier) -> None:
    verdict = small_classifier.quick("")
    assert set(verdict.scores) == set(LABELS)
    styles = small_classifier.answer_style(
        ["Narahat olmayın, analiz verin: ümumi qan analizi.", ""]
    )
    assert len(styles) == 2
    assert all(s and set(s) <= set(STYLES) for s in styles)


def test_evaluate_and_bench_report_the_targets(
    small_data: Path, small_classifier: Classifier
) -> None:
    report = evaluate(small_classifier, small_data, "test")
    assert set(report.per_label) == set(LABELS)
    assert 0.0 <= report.macro_f1 <= 1.0
    assert 0.0 <= report.benign_false_alarm <= 1.0
    table = render(report)
    assert "macro-F1" in table
    assert "emergency recall" in table
    bench = bench_classifier(small_classifier, n=40, data_dir=small_data, single=5)
    assert bench["batched_messages_per_s"] > 0
    assert bench["single_p95_ms"] >= bench["single_p50_ms"] > 0
    assert bench["quick_p50_ms"] > bench["rules_p50_ms"] > 0
    assert bench["peak_rss_mb"] > 0


def test_a_background_condition_counts_half_beside_the_organ_asked_about() -> None:
    flat = np.full((3, len(SPECIALTIES)), 1 / len(SPECIALTIES), dtype=np.float32)
    texts = [
        "Сахар 8-9, диабет, зуд кожи по всему телу. Какие мази?",
        "şəkərim 14 olub, insulin dozası necə?",
        "usagimin qulagi agriyir, qizdirmasi var",
    ]
    out = specialty_prior(flat, [normalize(t).folded for t in texts])
    best = [SPECIALTIES[int(np.argmax(row))] for row in out]
    assert best == ["dermatology", "endocrinology", "ent"]


# -- training and the split ----------------------------------------------------------------------


def test_training_is_reproducible(small_data: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    train(small_data, first, None, seed=0)
    train(small_data, second, None, seed=0)
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir())
    assert "ngram.npz" in names
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_read_independent_sets_train_specialty_and_sentiment_and_nothing_else(
    small_data: Path, tmp_path: Path
) -> None:
    with_sets = tmp_path / "data"
    shutil.copytree(small_data, with_sets)
    (with_sets / "holdout").mkdir()
    kept: dict[str, int] = {}
    for name in (TONE_HOLDOUTS[0], HOLDOUTS[-1]):
        lines = (DATA / "holdout" / f"{name}.jsonl").read_text("utf-8").splitlines()[::5]
        (with_sets / "holdout" / f"{name}.jsonl").write_text("\n".join(lines) + "\n")
        kept[name] = len(lines)
    plain = train(small_data, tmp_path / "plain", None, seed=0)
    toned = train(with_sets, tmp_path / "toned", None, seed=0)
    assert plain.sizes["tone_messages"] == 0
    # Only the read set counts, not the blind one beside it.
    assert toned.sizes["tone_messages"] == kept[TONE_HOLDOUTS[0]] == 104
    assert toned.thresholds == plain.thresholds
    a = np.load(tmp_path / "plain" / "ngram.npz")
    b = np.load(tmp_path / "toned" / "ngram.npz")
    for key in a.files:
        changed = key.startswith(("specialty.", "sentiment."))
        assert np.array_equal(a[key], b[key]) != changed, key


def test_bagged_mlp_head_is_one_network_averaging_the_logits_of_its_bags() -> None:
    from classifiers.heads import fit_mlp_sigmoid

    rng = np.random.default_rng(0)
    x = rng.normal(size=(160, 8)).astype(np.float32)
    y = np.stack([x[:, 0] > 0, x[:, 1] + x[:, 2] > 0], axis=1).astype(np.int_)
    nets = [fit_mlp_sigmoid(x, y, ("a", "b"), alpha=1.0, hidden=16, seed=s) for s in (3, 4, 5)]
    bag = fit_mlp_sigmoid(x, y, ("a", "b"), alpha=1.0, hidden=16, seed=3, bags=3)
    assert bag.hidden_coef is not None
    assert bag.hidden_coef.shape == (48, 8)

    def logit(p: np.ndarray) -> np.ndarray:
        p = np.clip(p.astype(np.float64), 1e-7, 1 - 1e-7)
        return np.asarray(np.log(p / (1 - p)), dtype=np.float64)

    mean = np.mean([logit(net.predict_proba(x)) for net in nets], axis=0)
    np.testing.assert_allclose(logit(bag.predict_proba(x)), mean, atol=1e-3)
    assert not np.allclose(logit(nets[0].predict_proba(x)), mean, atol=1e-3)


def test_bagged_softmax_head_keeps_the_class_order_and_averages_its_bags() -> None:
    from classifiers.heads import fit_mlp_softmax

    rng = np.random.default_rng(1)
    x = rng.normal(size=(300, 8)).astype(np.float32)
    # "c" first in the class order although sklearn sorts it last.
    y = np.where(x[:, 0] > 0.5, "c", np.where(x[:, 1] > 0, "a", "b")).tolist()
    head = fit_mlp_softmax(x, y, ("c", "a", "b"), alpha=0.1, hidden=16, bags=2)
    assert head.hidden_coef is not None
    assert head.hidden_coef.shape == (32, 8)
    probs = head.predict_proba(x)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)
    pred = np.asarray(("c", "a", "b"))[probs.argmax(axis=1)]
    assert (pred == np.asarray(y)).mean() > 0.9


def test_look_alike_hits_damp_only_their_label() -> None:
    from classifiers.ensemble import DAMPING, damping
    from classifiers.rules import RuleHit

    hits = [
        [RuleHit("debunk", "debunk:миф:", 1.0)],
        [RuleHit("public_contact", "public:phone", 1.0)],
        [RuleHit("caution", "caution:özbaşına antibiotik", 1.0)],
        [RuleHit("prescribed", "prescribed:report", 1.0)],
        [RuleHit("own_name", "own_name:introduction", 1.0)],
        [RuleHit("number_changed", "number_changed:no_number", 1.0)],
        [RuleHit("spam", "spam:link", 1.0)],
    ]
    damp = damping(hits)
    for i, kind in enumerate(
        (
            "debunk",
            "public_contact",
            "caution",
            "prescribed",
            "own_name",
            "number_changed",
        )
    ):
        labels, factor = DAMPING[kind]
        js = [LABELS.index(label) for label in labels]
        assert (damp[i, js] == factor).all()
        assert factor < 1.0
        assert np.delete(damp[i], js).tolist() == [1.0] * (len(LABELS) - len(js))
    assert (damp[-1] == 1.0).all()


def test_split_keeps_groups_and_near_duplicates_together() -> None:
    if not (DATA / "messages.train.jsonl").exists():
        pytest.skip("corpus not split yet")
    split_of_group: dict[str, str] = {}
    split_of_key: dict[str, str] = {}
    texts: list[str] = []
    splits: list[str] = []
    for split in SPLITS:
        for ex in load_examples(DATA / f"messages.{split}.jsonl"):
            assert split_of_group.setdefault(ex.group, split) == split, ex.group
            assert split_of_key.setdefault(dedupe_key(ex.text), split) == split, ex.id
            texts.append(ex.text)
            splits.append(split)
    assert len(set(splits)) == 3
    for i, j in near_duplicate_pairs(texts):
        assert splits[i] == splits[j], (texts[i], texts[j])


def test_independent_sets_load_whole_and_stay_apart_from_the_corpus() -> None:
    texts: list[str] = []
    source: list[str] = []
    for split in SPLITS:
        examples = load_split(DATA, split)[0]
        texts += [ex.text for ex in examples]
        source += ["corpus" if split != "test" else "corpus:test"] * len(examples)
    for holdout in HOLDOUTS:
        path = DATA / "holdout" / f"{holdout}.jsonl"
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        examples, _ = load_split(DATA, holdout)
        assert len(examples) == len(lines) >= 500, holdout
        texts += [ex.text for ex in examples]
        source += [holdout] * len(examples)
    pairs = near_duplicate_pairs(texts)
    crossing = [
        (texts[i], texts[j])
        for i, j in pairs
        if source[i] != source[j]
        and {source[i], source[j]} & {"corpus", "corpus:test"}
        and {source[i], source[j]} != {"corpus", "corpus:test"}
    ]
    # Four stock phrases were written apart by different writers: "I changed my number" (twice,
    # word for word: "nomremi deyisdim, kohne nomreye yazmayin artiq"), a
    # farewell ("Больше не могу. Сегодня всё закончу, простите меня"), "Helikobakter üçün nəfəs
    # testi daha dəqiqdir, yoxsa qan analizi?" and the microwave myth ("Mikrodalğalı sobada
    # qızdırılan yemək xərçəng yaradır, radiasiya içində qalır").
    assert len(crossing) <= 5, crossing
    # The read sets train specialty and sentiment: none may echo a message they are measured on.
    measured = {"corpus:test", *(h for h in HOLDOUTS if h not in TONE_HOLDOUTS)}
    echoes = [
        (texts[i], texts[j])
        for i, j in pairs
        if {source[i], source[j]} & set(TONE_HOLDOUTS) and {source[i], source[j]} & measured
    ]
    # `independent16` repeats `independent`'s gallbladder question ("Yeməkdən sonra sağ tərəfim
    # ağrıyır, ağzımda acılıq olur. Öd kisəsi ola bilər?") and adds "Çox narahatam".
    assert len(echoes) <= 3, echoes


def test_split_merges_near_duplicate_groups(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    base = "Salam, uşağımın 3 gündür qızdırması var 38.5, nurofen verirəm, nə edim? "
    rows = []
    for i in range(60):
        labels = ["question"] if i % 2 else []
        spec = "pediatrics" if i % 2 else None
        text = f"message number {i} about topic {i * 7919 % 1000} with words w{i}"
        rows.append(
            {
                "text": text,
                "labels": labels,
                "specialty": spec,
                "sentiment": "neutral",
                "lang": "en",
                "group": f"g{i}",
            }
        )
    # Same idea, different groups: a near-duplicate and a digits-only variant.
    for k, variant in enumerate((base, base.replace("38.5", "39"), base + "!!", base.upper())):
        rows.append(
            {
                "text": variant,
                "labels": ["question"],
                "specialty": "pediatrics",
                "sentiment": "negative",
                "lang": "az",
                "group": f"near{k}",
            }
        )
    (raw / "messages_t.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8"
    )
    out_a, out_b = tmp_path / "a", tmp_path / "b"
    report = split_corpus(raw, out_a)
    split_corpus(raw, out_b)
    for split in SPLITS:
        name = f"messages.{split}.jsonl"
        assert (out_a / name).read_bytes() == (out_b / name).read_bytes()
    where = {
        ex.group: split
        for split in SPLITS
        for ex in load_examples(out_a / f"messages.{split}.jsonl")
    }
    near = {where[g] for g in where if g.startswith("near")}
    assert len(near) == 1
    assert sum(report.sizes["messages"].values()) + report.duplicates["messages"] == len(rows)


@pytest.mark.parametrize("bar", [0.95, 0.9, 0.7, 0.6])
def test_emergency_decision_per_message_matches_the_tuned_arrays(bar: float) -> None:
    # Rule scores live in float32 arrays, where 0.95 is 0.9499999881: the per-message
    # decision must fire exactly where the vectorised one, which the thresholds were tuned
    # with, fires.
    rule = EmergencyRule(model=bar, rule=bar, floor=bar, support=bar)
    scores = np.asarray([bar, bar - 0.01, 0.0], dtype=np.float32)
    for model in scores:
        for hit in scores:
            fired = bool(rule.fires(np.asarray([model]), np.asarray([hit]))[0])
            score, reason = rule.decide(float(model), float(hit))
            assert (reason is not None) == fired, (model, hit)
            assert (np.float32(score) >= np.float32(rule.model)) == fired
    assert rule.decide(0.0, float(np.float32(bar)))[1] is not None


def test_cascade_is_sure_only_far_from_every_bar_and_never_near_an_emergency() -> None:
    thresholds = Thresholds.from_json({"quick": dict.fromkeys(LABELS, 0.5)})
    q, em, spam = (LABELS.index(x) for x in ("question", "emergency", "spam"))
    ngram = np.full((6, len(LABELS)), 0.1, dtype=np.float32)
    ngram[:, q] = 0.9  # a question, far above its bar
    ngram[1, spam] = 0.6  # a label too near its bar
    ngram[2, em] = 0.3  # the n-gram model wonders about an emergency
    rule = np.zeros_like(ngram)
    rule[3, em] = 0.6  # an emergency cue fired
    specialty = np.full((6, len(SPECIALTIES)), 0.01, dtype=np.float32)
    specialty[:, 0] = 0.9
    specialty[4, 0] = 0.5  # unsure which doctor
    sentiment = np.tile(np.asarray([0.8, 0.1, 0.1], dtype=np.float32), (6, 1))
    sentiment[5] = [0.4, 0.3, 0.3]  # unsure of the tone
    sure = Cascade(margin=0.2, confidence=0.7, emergency=0.2).sure(
        ngram, rule, specialty, sentiment, thresholds
    )
    assert sure.tolist() == [True, False, False, False, False, False]
    # Without a question, the specialty does not matter; a strong rule counts as sure.
    ngram[4, q] = 0.1
    rule[1, spam] = 0.95
    sure = Cascade().sure(ngram, rule, specialty, sentiment, thresholds)
    assert sure.tolist() == [True, True, False, False, True, False]


# -- the shipped model (needs the converted encoder) ----------------------------------------------


@pytest.fixture(scope="module")
def shipped_encoder() -> Any:
    """The default encoder, over which the shipped heads were trained."""
    if not (ARTIFACTS / "heads.json").exists():
        pytest.skip("no trained artifacts")
    from bot.app import load_encoder
    from bot.config import ClassifierSettings

    cache = Path(os.environ.get("MEDGUARD_MODEL_CACHE") or REPO / "data" / "models")
    return load_encoder(ClassifierSettings(cache_dir=cache))


@pytest.mark.model
def test_shipped_ensemble_reads_obvious_messages(shipped_encoder: Any) -> None:
    from classifiers.ensemble import encoder_id
    from classifiers.heads import EncoderHeads

    encoder = shipped_encoder
    # The shipped heads belong to the default encoder: a runtime change retrains them.
    assert EncoderHeads.load(ARTIFACTS).encoder_id == encoder_id(encoder)
    clf = Classifier.load(ARTIFACTS, encoder=encoder)
    assert clf.uses_encoder
    texts = [
        "Atamın sinəsində kəskin ağrı var, sol qoluna vurur, tərləyib, nə edək??",
        "Salam, uşağımın 3 gündür qızdırması var 38.5, hansı həkimə gedim?",
        "Kazino! Pulsuz bonus, yaz t.me/bonus_az",
        "Təşəkkür edirəm doktor, çox sağ olun",
    ]
    verdicts = clf.classify(texts, batch_size=4)
    assert "emergency" in verdicts[0].labels
    assert "question" in verdicts[1].labels
    assert verdicts[1].specialty == "pediatrics"
    assert "spam" in verdicts[2].labels
    assert not {"medical_advice", "misinformation", "emergency", "spam"} & set(verdicts[3].labels)
    assert verdicts[3].sentiment == "positive"
    myth, debunk = clf.classify(
        [
            "Peyvənd autizm yaradır, uşağınıza vurdurmayın",
            "Peyvənd autizm yaratmır, bu mif çoxdan təkzib olunub",
        ]
    )
    assert "misinformation" in myth.labels
    assert "misinformation" not in debunk.labels
    assert "rule:debunk:yaratmir" in debunk.reasons


@pytest.mark.model
def test_the_cascade_keeps_the_quick_verdict_where_sure_and_the_full_one_elsewhere(
    shipped_encoder: Any,
) -> None:
    cascade = Classifier.load(ARTIFACTS, encoder=shipped_encoder)
    full = Classifier.load(ARTIFACTS, encoder=shipped_encoder, cascade=None)
    texts = [e.text for e in load_split(DATA, "test")[0][:120]]
    scored = cascade.score(texts)
    assert scored.skipped is not None
    assert 0 < scored.skipped.sum() < len(texts)
    em = LABELS.index("emergency")
    assert not (scored.rule[scored.skipped, em] > 0).any()
    got = cascade.classify(texts)
    quick = cascade.verdicts(cascade.score(texts, use_encoder=False), quick=True)
    whole = full.classify(texts)
    for i, verdict in enumerate(got):
        expected = quick[i] if scored.skipped[i] else whole[i]
        assert (verdict.labels, verdict.sentiment, verdict.specialty) == (
            expected.labels,
            expected.sentiment,
            expected.specialty,
        ), texts[i]
        assert ("cascade:encoder-skipped" in verdict.reasons) == bool(scored.skipped[i])
    # Each message is decided on its own: the same alone as in the batch.
    for i in range(0, len(texts), 15):
        assert cascade.classify([texts[i]])[0].labels == got[i].labels
