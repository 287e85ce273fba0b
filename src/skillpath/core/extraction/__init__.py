"""Suggest competencies from the text of a job ad, offline; no Django.

::

    from skillpath.core.extraction import Candidate, default_extractor

    extractor = default_extractor().fit([
        Candidate("LOG.3.1", labels=("forklift",), statement="Operate a forklift safely"),
    ])
    extractor.suggest("You will drive a lift truck in our warehouse.")
    # [Suggestion(competency="LOG.3.1", sentence="You will drive ...", confidence=0.8,
    #             method="similarity")]

Labels found word for word come first (confidence 1), then the similarity of each
sentence with each competency statement, through any :class:`Embedder`: WordLlama's
bundled model by default (:class:`WordLlamaEmbedder`), hashed character n-grams
without a model (:class:`CharNgramEmbedder`), or one of your own. See
``docs/extraction.md``.
"""

from skillpath.core.extraction.embedders import CharNgramEmbedder, WordLlamaEmbedder
from skillpath.core.extraction.extract import (
    MAX_AD_CHARS,
    Extractor,
    char_ngram_extractor,
    default_extractor,
    label_extractor,
)
from skillpath.core.extraction.labels import labels_from_statement
from skillpath.core.extraction.model import METHODS, Candidate, Embedder, Suggestion
from skillpath.core.extraction.text import normalise, sentences, tokens

__all__ = [
    "MAX_AD_CHARS",
    "METHODS",
    "Candidate",
    "CharNgramEmbedder",
    "Embedder",
    "Extractor",
    "Suggestion",
    "WordLlamaEmbedder",
    "char_ngram_extractor",
    "default_extractor",
    "label_extractor",
    "labels_from_statement",
    "normalise",
    "sentences",
    "tokens",
]
