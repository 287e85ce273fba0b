"""Suggest the competencies a job ad asks for, sentence by sentence; no Django.

Two passes over the ad's sentences (:func:`~.text.sentences`):

1. **Labels.** A competency's label or other name found word for word (accents and
   case aside, whole words only) is a suggestion with confidence 1, method
   ``"label"``: the baseline, :func:`label_extractor`, stops here.
2. **Similarity.** For every sentence and every competency statement::

       score = alpha * max(0, cosine(embed(sentence), embed(statement)))
               + (1 - alpha) * overlap

   where ``overlap`` is the share of the statement's content words (stemmed, each
   weighed by its inverse frequency among the statements) that the sentence
   contains. A competency keeps its best sentence; it is suggested,
   method ``"similarity"``, when that score reaches ``threshold``, with the score
   as its confidence. The whole ad is one matrix product against the fitted
   statements.

``threshold`` and ``alpha`` were tuned on the dev half of the labelled ads in
``bench/data/job_ads.json`` and are reported on the other half by
``bench/extraction.py`` (see ``docs/extraction.md``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from skillpath.core.extraction.embedders import CharNgramEmbedder, WordLlamaEmbedder
from skillpath.core.extraction.model import Candidate, Embedder, Suggestion
from skillpath.core.extraction.text import normalise, sentences, tokens

__all__ = [
    "MAX_AD_CHARS",
    "Extractor",
    "char_ngram_extractor",
    "default_extractor",
    "label_extractor",
]

MAX_AD_CHARS = 20_000
# Tuned on the dev half of bench/data/job_ads.json (bench/extraction.py --tune).
WORDLLAMA_THRESHOLD, WORDLLAMA_ALPHA = 0.275, 0.3
CHAR_NGRAM_THRESHOLD, CHAR_NGRAM_ALPHA = 0.25, 0.3


@dataclass(frozen=True, slots=True)
class _Label:
    competency: int
    pattern: re.Pattern[str]


class Extractor:
    """Find competencies in job ads: labels first, then similarity of meaning.

    Parameters
    ----------
    embedder : Embedder or None
        Turns sentences and statements into unit vectors; ``None`` keeps only the
        label pass.
    threshold : float
        The smallest blended score, in [0, 1], that makes a suggestion.
    alpha : float
        The weight, in [0, 1], of cosine similarity against word overlap.
    max_chars : int
        The longest ad accepted.

    Attributes
    ----------
    competencies_ : list of str
        The distinct competency identifiers, in the order first fitted.
    """

    def __init__(
        self,
        embedder: Embedder | None,
        *,
        threshold: float = WORDLLAMA_THRESHOLD,
        alpha: float = WORDLLAMA_ALPHA,
        max_chars: int = MAX_AD_CHARS,
    ) -> None:
        self.embedder = embedder
        self.threshold = threshold
        self.alpha = alpha
        self.max_chars = max_chars

    def fit(self, candidates: Iterable[Candidate]) -> Extractor:
        """Learn the candidates' labels, statement vectors and statement words."""
        if not 0.0 <= self.alpha <= 1.0:
            raise ValueError(f"alpha must be between 0 and 1, not {self.alpha}.")
        # Rows grouped by competency, so one reduceat folds languages together.
        by_competency: dict[str, list[Candidate]] = {}
        for candidate in candidates:
            by_competency.setdefault(candidate.competency, []).append(candidate)
        if not by_competency:
            raise ValueError(
                "There is no competency to look for: fit needs candidates."
            )
        self.competencies_ = list(by_competency)
        rows = [c for group in by_competency.values() for c in group]
        sizes = [len(group) for group in by_competency.values()]
        self.row_starts_ = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.intp)
        self.labels_ = [
            _Label(index, _label_pattern(label))
            for index, group in enumerate(by_competency.values())
            for label in sorted({normalise(lb) for c in group for lb in c.labels})
            if len(label) >= 2
        ]
        statements = [c.statement for c in rows]
        self.vocabulary_ = {
            word: i
            for i, word in enumerate(sorted({w for s in statements for w in tokens(s)}))
        }
        present = self._word_matrix(statements)
        # Words most statements share ("children", "goods") say little: weigh each
        # by its inverse document frequency among the statements.
        idf = np.log1p(len(statements) / np.maximum(present.sum(axis=0), 1.0))
        self.statement_words_ = present * idf
        self.statement_sizes_ = np.maximum(self.statement_words_.sum(axis=1), 1e-9)
        if self.embedder is not None:
            vectors = self.embedder.embed(statements)
            # Averaged word vectors share a common direction that makes any two
            # texts look alike; removing the statements' mean spreads them out.
            self.centre_ = vectors.mean(axis=0)
            self.statement_vectors_ = _unit_rows(vectors - self.centre_)
        return self

    def suggest(self, ad_text: str) -> list[Suggestion]:
        """Return the competencies the ad asks for, most confident first.

        Raises
        ------
        ValueError
            If the ad has no sentence with words in it, or is longer than
            ``max_chars`` characters.
        RuntimeError
            If :meth:`fit` was not called.
        """
        if not hasattr(self, "competencies_"):
            raise RuntimeError("Call fit(candidates) before suggest(ad_text).")
        if len(ad_text) > self.max_chars:
            raise ValueError(
                f"The ad is {len(ad_text):,} characters long; paste at most "
                f"{self.max_chars:,} characters (the part that describes the job)."
            )
        ad_sentences = sentences(ad_text)
        if not ad_sentences:
            raise ValueError("The ad is empty: paste the text of the job ad.")
        found = self._label_hits(ad_sentences)
        if self.embedder is not None:
            found.update(self._similar(ad_sentences, exclude=set(found)))
        return sorted(
            found.values(), key=lambda s: (-s.confidence, s.method, s.competency)
        )

    def scores(self, ad_sentences: Sequence[str]) -> np.ndarray:
        """Return the blended score of every sentence against every competency.

        Returns
        -------
        numpy.ndarray
            ``len(ad_sentences) x len(competencies_)``, the best row of each
            competency (its languages folded together).
        """
        if self.embedder is None:
            raise RuntimeError("A label-only extractor has no similarity scores.")
        sentence_vectors = _unit_rows(self.embedder.embed(ad_sentences) - self.centre_)
        cosine = sentence_vectors @ self.statement_vectors_.T
        overlap = (self._word_matrix(ad_sentences) @ self.statement_words_.T) / (
            self.statement_sizes_
        )
        blended = self.alpha * np.clip(cosine, 0.0, 1.0) + (1 - self.alpha) * overlap
        return np.maximum.reduceat(blended, self.row_starts_, axis=1)

    def _label_hits(self, ad_sentences: Sequence[str]) -> dict[str, Suggestion]:
        normalised = [normalise(s) for s in ad_sentences]
        hits: dict[str, Suggestion] = {}
        for label in self.labels_:
            competency = self.competencies_[label.competency]
            if competency in hits:
                continue
            for sentence, folded in zip(ad_sentences, normalised, strict=True):
                if label.pattern.search(folded):
                    hits[competency] = Suggestion(competency, sentence, 1.0, "label")
                    break
        return hits

    def _similar(
        self, ad_sentences: Sequence[str], exclude: set[str]
    ) -> dict[str, Suggestion]:
        scores = self.scores(ad_sentences)
        best_sentence = scores.argmax(axis=0)
        best = scores.max(axis=0)
        return {
            competency: Suggestion(
                competency,
                ad_sentences[int(best_sentence[index])],
                float(min(1.0, best[index])),
                "similarity",
            )
            for index in np.flatnonzero(best >= self.threshold)
            if (competency := self.competencies_[index]) not in exclude
        }

    def _word_matrix(self, texts: Sequence[str]) -> np.ndarray:
        matrix = np.zeros((len(texts), len(self.vocabulary_)), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in tokens(text):
                column = self.vocabulary_.get(word)
                if column is not None:
                    matrix[row, column] = 1.0
        return matrix


def _unit_rows(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)


def _label_pattern(label: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(word) for word in label.split())
    return re.compile(rf"(?<![a-z0-9]){words}(?![a-z0-9])")


def default_extractor() -> Extractor:
    """Return the extractor the product uses: labels, then WordLlama similarity."""
    return Extractor(
        WordLlamaEmbedder(), threshold=WORDLLAMA_THRESHOLD, alpha=WORDLLAMA_ALPHA
    )


def char_ngram_extractor() -> Extractor:
    """Return the fallback that needs no model: labels, then character n-grams."""
    return Extractor(
        CharNgramEmbedder(), threshold=CHAR_NGRAM_THRESHOLD, alpha=CHAR_NGRAM_ALPHA
    )


def label_extractor() -> Extractor:
    """Return the baseline: labels and other names found word for word, nothing else."""
    return Extractor(None)
