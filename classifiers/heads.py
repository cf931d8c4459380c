"""Linear heads: logistic regression over features, stored as npz + json (never pickle).

`LinearHead` is shared by the char n-gram model and the encoder heads. `EncoderHeads` holds the
standard scaler and the heads over frozen e5 embeddings (scaling matters: e5 cosines are
compressed into 0.8-0.95, so raw features give the solver a badly conditioned problem).
"""

from __future__ import annotations

import json
import warnings
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeAlias

import numpy as np
import numpy.typing as npt
from scipy import sparse

Kind = Literal["sigmoid", "softmax"]
FloatArray = npt.NDArray[np.float32]
Features: TypeAlias = "FloatArray | sparse.csr_matrix"

# Heads of the six labels, specialty, sentiment and style: the same tasks for both models.
TASKS: tuple[str, ...] = ("labels", "specialty", "sentiment", "style")
_MISSING_CLASS_LOGIT = -30.0


def _sigmoid(z: FloatArray) -> FloatArray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0))), dtype=np.float32)


def _softmax(z: FloatArray) -> FloatArray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=1, keepdims=True), dtype=np.float32)


def _half(a: FloatArray | None) -> FloatArray | None:
    return None if a is None else a.astype(np.float16).astype(np.float32)


@dataclass(frozen=True, slots=True)
class LinearHead:
    """A sigmoid (one-vs-rest, multi-label) or softmax (one-of-k) output layer.

    With `hidden_coef` it is a one-hidden-layer ReLU network (the MLP head of the labels).
    """

    kind: Kind
    classes: tuple[str, ...]
    coef: FloatArray  # (k, d) or (k, hidden)
    intercept: FloatArray  # (k,)
    hidden_coef: FloatArray | None = None  # (hidden, d)
    hidden_intercept: FloatArray | None = None  # (hidden,)
    # Contiguous (d, k) copies: sparse @ a transposed view is ~100x slower than @ contiguous.
    _coef_t: FloatArray = field(init=False, repr=False, compare=False)
    _hidden_t: FloatArray | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_coef_t", np.ascontiguousarray(self.coef.T))
        hidden = None if self.hidden_coef is None else np.ascontiguousarray(self.hidden_coef.T)
        object.__setattr__(self, "_hidden_t", hidden)

    def predict_proba(self, x: Features) -> FloatArray:
        """Probabilities (n, k): independent per class for sigmoid, summing to 1 for softmax."""
        if self._hidden_t is not None and self.hidden_intercept is not None:
            h = np.asarray(x @ self._hidden_t, dtype=np.float32) + self.hidden_intercept
            x = np.maximum(h, 0.0)
        z = np.asarray(x @ self._coef_t, dtype=np.float32) + self.intercept
        return _sigmoid(z) if self.kind == "sigmoid" else _softmax(z)

    def rounded(self) -> LinearHead:
        """The head with float16-rounded weights, exactly as it will be after a save/load."""
        return LinearHead(
            self.kind,
            self.classes,
            self.coef.astype(np.float16).astype(np.float32),
            self.intercept.astype(np.float16).astype(np.float32),
            _half(self.hidden_coef),
            _half(self.hidden_intercept),
        )

    def arrays(self, prefix: str) -> dict[str, npt.NDArray[Any]]:
        """Arrays to store (float16 halves the size; `rounded` reproduces what loads back)."""
        out = {
            f"{prefix}.coef": self.coef.astype(np.float16),
            f"{prefix}.intercept": self.intercept.astype(np.float16),
        }
        if self.hidden_coef is not None and self.hidden_intercept is not None:
            out[f"{prefix}.hidden_coef"] = self.hidden_coef.astype(np.float16)
            out[f"{prefix}.hidden_intercept"] = self.hidden_intercept.astype(np.float16)
        return out

    def meta(self) -> dict[str, Any]:
        """JSON-able description of the head."""
        hidden = 0 if self.hidden_coef is None else int(self.hidden_coef.shape[0])
        return {"kind": self.kind, "classes": list(self.classes), "hidden": hidden}

    @classmethod
    def from_arrays(
        cls, meta: Mapping[str, Any], arrays: Mapping[str, npt.NDArray[Any]], prefix: str
    ) -> LinearHead:
        """Rebuild a head stored with `arrays` and `meta`."""
        kind: Kind = "softmax" if meta["kind"] == "softmax" else "sigmoid"
        hidden = f"{prefix}.hidden_coef" in arrays
        return cls(
            kind,
            tuple(meta["classes"]),
            np.asarray(arrays[f"{prefix}.coef"], dtype=np.float32),
            np.asarray(arrays[f"{prefix}.intercept"], dtype=np.float32),
            np.asarray(arrays[f"{prefix}.hidden_coef"], dtype=np.float32) if hidden else None,
            np.asarray(arrays[f"{prefix}.hidden_intercept"], dtype=np.float32) if hidden else None,
        )


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return float(np.log(p / (1 - p)))


def fit_sigmoid(
    x: Features,
    y: npt.NDArray[np.int_],
    classes: Sequence[str],
    *,
    c: float,
    class_weight: str | None = "balanced",
    seed: int = 0,
) -> LinearHead:
    """One-vs-rest logistic regression per column of the 0/1 matrix `y` (n, k)."""
    from sklearn.linear_model import LogisticRegression

    d = x.shape[1]
    coef = np.zeros((len(classes), d), dtype=np.float32)
    intercept = np.zeros(len(classes), dtype=np.float32)
    for k in range(len(classes)):
        col = y[:, k]
        if col.min() == col.max():
            # A class seen always or never: a constant head at the smoothed prior.
            intercept[k] = _logit((col.sum() + 0.5) / (len(col) + 1.0)) if len(col) else -5.0
            continue
        model = LogisticRegression(
            C=c, solver="lbfgs", max_iter=2000, class_weight=class_weight, random_state=seed
        )
        with warnings.catch_warnings():
            # lbfgs may stop at max_iter on a tiny subset; the result is still usable.
            warnings.simplefilter("ignore")
            model.fit(x, col)
        coef[k] = model.coef_[0]
        intercept[k] = model.intercept_[0]
    return LinearHead("sigmoid", tuple(classes), coef, intercept)


def _bagged_mlp(
    kind: Kind,
    x: FloatArray,
    y: npt.NDArray[Any],
    classes: Sequence[str],
    *,
    alpha: float,
    hidden: int,
    seed: int,
    bags: int,
) -> LinearHead:
    """`bags` one-hidden-layer ReLU networks from consecutive seeds, as one network.

    The hidden layers sit side by side and the output weights are divided by `bags`, so the
    logits are the bags' average. For softmax the outputs are put in `classes` order (sklearn
    sorts its classes).
    """
    from sklearn.neural_network import MLPClassifier

    nets = []
    for k in range(bags):
        model = MLPClassifier(
            hidden_layer_sizes=(hidden,), alpha=alpha, max_iter=300, random_state=seed + k
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model.fit(x, y)
        nets.append(model)
    order = (
        [list(nets[0].classes_).index(c) for c in classes]
        if kind == "softmax"
        else list(range(len(classes)))
    )
    return LinearHead(
        kind,
        tuple(classes),
        np.asarray(
            np.concatenate([m.coefs_[1][:, order].T for m in nets], axis=1) / bags, np.float32
        ),
        np.asarray(np.mean([m.intercepts_[1][order] for m in nets], axis=0), dtype=np.float32),
        np.asarray(np.concatenate([m.coefs_[0].T for m in nets]), dtype=np.float32),
        np.asarray(np.concatenate([m.intercepts_[0] for m in nets]), dtype=np.float32),
    )


def fit_mlp_sigmoid(
    x: FloatArray,
    y: npt.NDArray[np.int_],
    classes: Sequence[str],
    *,
    alpha: float,
    hidden: int = 256,
    seed: int = 0,
    bags: int = 1,
) -> LinearHead:
    """A one-hidden-layer ReLU network with sigmoid outputs (multi-label), strongly L2-damped.

    With `bags` > 1, that many networks from consecutive seeds, their logits averaged: still
    one network. One network's scores moved enough with its seed, or with a 1e-4 change in the
    embeddings, to swing a label's recall by ten points at the same threshold.
    """
    if len(x) < 10 or y.min(axis=0).max() == 1 or y.max(axis=0).min() == 0:
        # Too little data, or a class seen always/never: the linear head handles that case.
        return fit_sigmoid(x, y, classes, c=0.01, seed=seed)
    return _bagged_mlp("sigmoid", x, y, classes, alpha=alpha, hidden=hidden, seed=seed, bags=bags)


def fit_mlp_softmax(
    x: FloatArray,
    y: Sequence[str],
    classes: Sequence[str],
    *,
    alpha: float,
    hidden: int = 256,
    seed: int = 0,
    bags: int = 1,
) -> LinearHead:
    """A one-hidden-layer ReLU network with a softmax over `classes` (bagged as above)."""
    if len(x) < 10 or len(set(y)) < len(classes):
        # A class never seen: the linear head keeps it from ever winning.
        return fit_softmax(x, y, classes, c=0.01, class_weight="balanced", seed=seed)
    return _bagged_mlp(
        "softmax", x, np.asarray(y), classes, alpha=alpha, hidden=hidden, seed=seed, bags=bags
    )


def fit_softmax(
    x: Features,
    y: Sequence[str],
    classes: Sequence[str],
    *,
    c: float,
    class_weight: str | None = None,
    seed: int = 0,
) -> LinearHead:
    """Multinomial logistic regression over `classes`; classes absent from `y` never win."""
    from sklearn.linear_model import LogisticRegression

    d = x.shape[1]
    coef = np.zeros((len(classes), d), dtype=np.float32)
    intercept = np.full(len(classes), _MISSING_CLASS_LOGIT, dtype=np.float32)
    present = sorted(set(y), key=list(classes).index)
    if len(present) == 1:
        intercept[list(classes).index(present[0])] = 0.0
        return LinearHead("softmax", tuple(classes), coef, intercept)
    if not present:
        return LinearHead("softmax", tuple(classes), coef, np.zeros(len(classes), np.float32))
    model = LogisticRegression(
        C=c, solver="lbfgs", max_iter=2000, class_weight=class_weight, random_state=seed
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model.fit(x, np.asarray(y))
    rows = [list(classes).index(str(cl)) for cl in model.classes_]
    if len(present) == 2:
        # sklearn stores one row for two classes; spread it symmetrically into two logits.
        coef[rows[1]] = model.coef_[0] / 2
        coef[rows[0]] = -model.coef_[0] / 2
        intercept[rows[1]] = model.intercept_[0] / 2
        intercept[rows[0]] = -model.intercept_[0] / 2
    else:
        coef[rows] = model.coef_
        intercept[rows] = model.intercept_
    return LinearHead("softmax", tuple(classes), coef, intercept)


@dataclass(frozen=True, slots=True)
class EncoderHeads:
    """Standard scaler + linear heads over frozen sentence embeddings."""

    mean: FloatArray
    scale: FloatArray
    heads: Mapping[str, LinearHead]
    encoder_id: str = ""

    def scale_features(self, emb: FloatArray) -> FloatArray:
        """Standard-scaled embeddings."""
        return np.asarray((emb - self.mean) / self.scale, dtype=np.float32)

    def predict(self, task: str, emb: FloatArray) -> FloatArray:
        """Probabilities of `task` for embeddings (n, dim)."""
        return self.heads[task].predict_proba(self.scale_features(emb))

    def save(self, directory: Path) -> None:
        """Write `heads.npz` and `heads.json` into `directory`."""
        arrays: dict[str, npt.NDArray[Any]] = {
            "scaler.mean": self.mean.astype(np.float32),
            "scaler.scale": self.scale.astype(np.float32),
        }
        for task, head in sorted(self.heads.items()):
            arrays.update(head.arrays(task))
        save_npz(directory / "heads.npz", arrays)
        meta = {
            "encoder_id": self.encoder_id,
            "dim": int(self.mean.shape[0]),
            "heads": {task: head.meta() for task, head in sorted(self.heads.items())},
        }
        write_json(directory / "heads.json", meta)

    @classmethod
    def load(cls, directory: Path) -> EncoderHeads:
        """Read heads written by `save`."""
        meta = json.loads((directory / "heads.json").read_text(encoding="utf-8"))
        arrays = load_npz(directory / "heads.npz")
        heads = {
            task: LinearHead.from_arrays(m, arrays, task) for task, m in meta["heads"].items()
        }
        return cls(
            np.asarray(arrays["scaler.mean"], dtype=np.float32),
            np.asarray(arrays["scaler.scale"], dtype=np.float32),
            heads,
            str(meta.get("encoder_id", "")),
        )


def fit_scaler(emb: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Per-dimension mean and standard deviation (floored so no dimension explodes)."""
    mean = emb.mean(axis=0).astype(np.float32)
    scale = np.maximum(emb.std(axis=0), 1e-6).astype(np.float32)
    return mean, scale


def save_npz(path: Path, arrays: Mapping[str, npt.NDArray[Any]]) -> None:
    """Write arrays as an npz (no pickle) that is byte-identical for identical arrays."""
    # np.savez stamps the current time into the zip; a fixed date keeps retrains diff-free.
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(arrays):
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with zf.open(info, "w", force_zip64=True) as fh:
                np.lib.format.write_array(
                    fh, np.ascontiguousarray(arrays[name]), allow_pickle=False
                )
    tmp.replace(path)


def load_npz(path: Path) -> dict[str, npt.NDArray[Any]]:
    """Arrays written by `save_npz`."""
    with np.load(path, allow_pickle=False) as npz:
        return {k: npz[k] for k in npz.files}


def write_json(path: Path, obj: Any) -> None:
    """Write JSON with sorted keys so identical content gives identical bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")
