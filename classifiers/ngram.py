"""The char n-gram model: hashed char_wb 2-5 + word 1-2 grams, tf-idf, linear heads.

Works on folded text (Azerbaijani letters folded, lower-case) so "uşağım" and "usagim" share
features. Hashing avoids storing a vocabulary; only the columns seen at least `min_df` times in
training are kept (column ids + idf + float16 weights), which keeps the artifact small and
drops one-off n-grams that only memorise the writer.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse

from classifiers.heads import FloatArray, LinearHead, load_npz, save_npz, write_json

CHAR_FEATURES = 1 << 20
WORD_FEATURES = 1 << 18
_WORD_TOKEN = r"(?u)\b\w+\b"  # noqa: S105 - a regex, not a secret


@functools.cache
def _hashers() -> tuple[Any, Any]:
    """The char and word hashing vectorizers (stateless, so built once per process)."""
    from sklearn.feature_extraction.text import HashingVectorizer

    common: dict[str, Any] = {
        "alternate_sign": False,
        "norm": None,
        "lowercase": True,
        "dtype": np.float32,
    }
    char = HashingVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), n_features=CHAR_FEATURES, **common
    )
    word = HashingVectorizer(
        analyzer="word",
        ngram_range=(1, 2),
        token_pattern=_WORD_TOKEN,
        n_features=WORD_FEATURES,
        **common,
    )
    return char, word


@dataclass(frozen=True, slots=True)
class Featurizer:
    """Hashing + kept-column selection + sublinear tf-idf + L2 normalisation."""

    columns: npt.NDArray[np.int64]  # sorted ids in the hashed space that training kept
    idf: FloatArray

    @staticmethod
    def hashed(texts: Sequence[str]) -> sparse.csr_matrix:
        """Raw counts in the full hashed space (char block, then word block)."""
        if not texts:
            return sparse.csr_matrix((0, CHAR_FEATURES + WORD_FEATURES), dtype=np.float32)
        char, word = _hashers()
        stacked = sparse.hstack([char.transform(texts), word.transform(texts)], format="csr")
        return sparse.csr_matrix(stacked, dtype=np.float32)

    @classmethod
    def fit(cls, texts: Sequence[str], min_df: int = 2) -> Featurizer:
        """Keep columns present in at least `min_df` texts; smooth idf as scikit-learn does."""
        counts = cls.hashed(texts)
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        columns = np.flatnonzero(df >= min_df).astype(np.int64)
        n = counts.shape[0]
        idf = (np.log((1.0 + n) / (1.0 + df[columns])) + 1.0).astype(np.float32)
        return cls(columns, idf)

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Tf-idf rows (n, len(columns)), L2-normalised."""
        counts = self.hashed(texts)
        return self.from_counts(counts)

    def from_counts(self, counts: sparse.csr_matrix) -> sparse.csr_matrix:
        """Tf-idf rows from raw hashed counts."""
        idx = counts.indices.astype(np.int64)
        pos = np.searchsorted(self.columns, idx)
        pos_c = np.minimum(pos, len(self.columns) - 1)
        keep = (self.columns[pos_c] == idx) if len(self.columns) else np.zeros(len(idx), bool)
        data = (1.0 + np.log(counts.data[keep])) * self.idf[pos_c[keep]]
        rows = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))[keep]
        data = data.astype(np.float32)
        norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=counts.shape[0]))
        norms[norms == 0] = 1.0
        # Each kept column appears once per row (hashed counts are summed), in row order.
        indptr = np.zeros(counts.shape[0] + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=counts.shape[0]), out=indptr[1:])
        return sparse.csr_matrix(
            ((data / norms[rows]).astype(np.float32), pos_c[keep], indptr),
            shape=(counts.shape[0], len(self.columns)),
        )


@dataclass(frozen=True, slots=True)
class NgramModel:
    """Featurizer + one linear head per task (labels, specialty, sentiment, style)."""

    featurizer: Featurizer
    heads: Mapping[str, LinearHead]

    def features(self, folded: Sequence[str]) -> sparse.csr_matrix:
        """Tf-idf features of folded texts."""
        return self.featurizer.transform(folded)

    def predict(self, task: str, feats: sparse.csr_matrix) -> FloatArray:
        """Probabilities of `task` for feature rows."""
        return self.heads[task].predict_proba(feats)

    def top_features(
        self, folded: str, task: str, cls: str, k: int = 3
    ) -> list[tuple[str, float]]:
        """The n-grams of `folded` that push `cls` of `task` up most (for --explain)."""
        from sklearn.feature_extraction.text import HashingVectorizer

        head = self.heads[task]
        row = head.classes.index(cls)
        char = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5)).build_analyzer()
        word = HashingVectorizer(
            analyzer="word", ngram_range=(1, 2), token_pattern=_WORD_TOKEN
        ).build_analyzer()
        grams = sorted(set(char(folded[:2000])) | set(word(folded[:2000])))
        if not grams:
            return []
        # Each n-gram as its own document finds its hashed column without a vocabulary.
        counts = Featurizer.hashed(grams)
        feats = self.featurizer.from_counts(counts)
        contrib = np.asarray(feats @ head.coef[row]).ravel()
        order = np.argsort(-contrib, kind="stable")[:k]
        return [(grams[i].strip() or grams[i], float(contrib[i])) for i in order if contrib[i] > 0]

    def save(self, directory: Path) -> None:
        """Write `ngram.npz` and `ngram.json` into `directory`."""
        arrays: dict[str, npt.NDArray[Any]] = {
            "columns": self.featurizer.columns.astype(np.int32),
            "idf": self.featurizer.idf.astype(np.float16),
        }
        for task, head in sorted(self.heads.items()):
            arrays.update(head.arrays(task))
        save_npz(directory / "ngram.npz", arrays)
        meta = {
            "char": {"analyzer": "char_wb", "ngram_range": [2, 5], "n_features": CHAR_FEATURES},
            "word": {"analyzer": "word", "ngram_range": [1, 2], "n_features": WORD_FEATURES},
            "columns": len(self.featurizer.columns),
            "heads": {task: head.meta() for task, head in sorted(self.heads.items())},
        }
        write_json(directory / "ngram.json", meta)

    @classmethod
    def load(cls, directory: Path) -> NgramModel:
        """Read a model written by `save`."""
        import json

        meta = json.loads((directory / "ngram.json").read_text(encoding="utf-8"))
        arrays = load_npz(directory / "ngram.npz")
        featurizer = Featurizer(
            arrays["columns"].astype(np.int64), arrays["idf"].astype(np.float32)
        )
        heads = {
            task: LinearHead.from_arrays(m, arrays, task) for task, m in meta["heads"].items()
        }
        return cls(featurizer, heads)

    def rounded(self) -> NgramModel:
        """The model exactly as it will be after a save/load (float16 idf and weights)."""
        featurizer = Featurizer(
            self.featurizer.columns, self.featurizer.idf.astype(np.float16).astype(np.float32)
        )
        return NgramModel(featurizer, {t: h.rounded() for t, h in self.heads.items()})
