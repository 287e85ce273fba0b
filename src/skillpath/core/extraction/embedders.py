"""Two embedders behind :class:`~.model.Embedder`: a small model, and none at all.

:class:`WordLlamaEmbedder` uses WordLlama (MIT licence), whose 256-dimension weights
are distilled from the token embeddings of Llama 2 and ship inside the ``wordllama``
wheel (16 MB): it loads from the installed package and never downloads.
:class:`CharNgramEmbedder` needs no model: hashed character n-grams, a fallback
that catches shared word stems but not paraphrases.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from skillpath.core.extraction.text import STOPWORDS, normalise

__all__ = ["CharNgramEmbedder", "WordLlamaEmbedder"]


class WordLlamaEmbedder:
    """Embed texts with WordLlama's bundled model (average of token vectors).

    Parameters
    ----------
    dimension : int
        Matryoshka truncation of the 256-dimension vectors (64, 128, 256).

    Raises
    ------
    RuntimeError
        On first use, if the ``wordllama`` package or its bundled weights are
        missing; it never falls back to a download.
    """

    name = "wordllama"

    def __init__(self, dimension: int = 256) -> None:
        self.dimension = dimension
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            try:
                # The package is an optional dependency of the core: imported on use.
                import wordllama
            except ImportError as error:
                raise RuntimeError(
                    "The wordllama package is not installed: "
                    "pip install wordllama==0.4.0.post1, or use CharNgramEmbedder."
                ) from error
            # Its default loader looks for the tokenizer in the user's cache; the
            # wheel holds both files, so point it there and forbid downloads.
            package = Path(wordllama.__file__).parent
            self._model = wordllama.WordLlama.load(
                dim=self.dimension, cache_dir=package, disable_download=True
            )
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return one unit row per text (zeros for a text with no known token)."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = np.asarray(self._load().embed(list(texts), norm=False))
        return _unit_rows(vectors.astype(np.float32, copy=False))


class CharNgramEmbedder:
    """Embed texts as hashed counts of character n-grams of their words.

    Parameters
    ----------
    sizes : tuple of int
        The n-gram lengths, taken inside each word padded with spaces.
    dimension : int
        The number of hash buckets.
    """

    name = "char-ngram"

    def __init__(self, sizes: tuple[int, ...] = (3, 4, 5), dimension: int = 2**14):
        self.sizes = sizes
        self.dimension = dimension

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return one unit row per text: log-scaled n-gram counts, hashed."""
        counts = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in normalise(text).split():
                word = word.strip(".,;:!?()[]«»\"'")
                if not word or word in STOPWORDS:
                    continue
                padded = f" {word} "
                for size in self.sizes:
                    for start in range(max(1, len(padded) - size + 1)):
                        gram = padded[start : start + size].encode()
                        counts[row, zlib.crc32(gram) % self.dimension] += 1.0
        return _unit_rows(np.log1p(counts))


def _unit_rows(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
