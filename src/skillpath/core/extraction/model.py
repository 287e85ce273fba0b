"""What the extractor takes and gives: candidates, suggestions, and the embedder seam."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

import numpy as np

__all__ = ["METHODS", "Candidate", "Embedder", "Method", "Suggestion"]

Method = Literal["label", "similarity"]
METHODS: tuple[Method, ...] = ("label", "similarity")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A competency the ad may ask for, in one language.

    Attributes
    ----------
    competency : str
        The competency's identifier; several candidates may share it (one per
        language), and a suggestion names it once.
    labels : tuple of str
        Names that mean this competency wherever they appear word for word in an
        ad: its title, other names, acronyms.
    statement : str
        What the competency is, in a sentence: compared by meaning with each sentence
        of the ad.
    """

    competency: str
    labels: tuple[str, ...]
    statement: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A competency found in an ad, with the sentence that says so.

    Attributes
    ----------
    competency : str
        The candidate's identifier.
    sentence : str
        The sentence of the ad, as written, that the competency came from.
    confidence : float
        In [0, 1]: 1 for a label found word for word, otherwise the blended
        similarity of the sentence and the statement.
    method : {"label", "similarity"}
        How it was found.
    """

    competency: str
    sentence: str
    confidence: float
    method: Method


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into vectors of unit length, one row per text.

    This is the seam another model drops into: :class:`~.extract.Extractor` needs
    nothing else of it. Rows must be comparable by dot product (cosine similarity).
    """

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return a ``len(texts) x dimension`` float array of unit rows."""
        ...
