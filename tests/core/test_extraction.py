"""Tests of competency suggestions from job ads: sentences, labels, similarity, seam."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from skillpath.core.extraction import (
    MAX_AD_CHARS,
    Candidate,
    CharNgramEmbedder,
    Embedder,
    Extractor,
    WordLlamaEmbedder,
    char_ngram_extractor,
    default_extractor,
    label_extractor,
    labels_from_statement,
    normalise,
    sentences,
)

SRC = Path(__file__).resolve().parents[2] / "src"

CANDIDATES = [
    Candidate("LOG.3.1", ("Operate a forklift safely",), "Operate a forklift safely"),
    Candidate(
        "LOG.3.1",
        ("Conduire un chariot élévateur en toute sécurité",),
        "Conduire un chariot élévateur en toute sécurité",
    ),
    Candidate(
        "LOG.2.4",
        labels_from_statement("Stock rotation methods (FIFO, FEFO)"),
        "Stock rotation methods (FIFO, FEFO)",
    ),
    Candidate(
        "LOG.2.4",
        labels_from_statement("Méthodes de rotation des stocks (PEPS, PPPS)"),
        "Méthodes de rotation des stocks (PEPS, PPPS)",
    ),
    Candidate("LOG.3.3", ("WHMIS 2015", "SIMDUT 2015"), "WHMIS 2015"),
    Candidate(
        "LOG.4.1",
        (),
        "Coordinate pickups with carriers and drivers",
    ),
    Candidate(
        "CYB.2.1",
        ("SIEM",),
        "Monitor security alerts in a SIEM",
    ),
]

AD = """Warehouse Associate – Laval
We ship groceries to 40 stores.
- Drive a forklift safely in narrow aisles.
- Apply FIFO so that older stock leaves first.
- Book pickups with carriers and talk to the drivers at the dock.
We offer benefits after three months."""


@pytest.fixture(scope="module")
def fitted() -> Extractor:
    return default_extractor().fit(CANDIDATES)


def test_sentences_split_lines_bullets_and_full_stops() -> None:
    assert sentences(AD) == [
        "Warehouse Associate – Laval",
        "We ship groceries to 40 stores.",
        "Drive a forklift safely in narrow aisles.",
        "Apply FIFO so that older stock leaves first.",
        "Book pickups with carriers and talk to the drivers at the dock.",
        "We offer benefits after three months.",
    ]


def test_french_sentences_keep_abbreviations_and_split_at_semicolons() -> None:
    ad = (
        "Vous utiliserez des outils, p. ex. un lecteur de codes-barres; vous "
        "rencontrerez M. Tremblay. Êtes-vous prêt ? Postulez aujourd’hui !"
    )
    assert sentences(ad) == [
        "Vous utiliserez des outils, p. ex. un lecteur de codes-barres;",
        "vous rencontrerez M. Tremblay.",
        "Êtes-vous prêt ?",
        "Postulez aujourd’hui !",
    ]


def test_normalise_folds_accents_case_and_apostrophes() -> None:
    assert normalise("  Élévateur  D’ENTREPÔT ") == "elevateur d'entrepot"


def test_labels_come_from_a_statement_and_its_parentheses() -> None:
    assert labels_from_statement("Respond to injuries and emergencies (first aid)") == (
        "Respond to injuries and emergencies",
        "first aid",
    )


def test_a_label_found_word_for_word_is_certain(fitted: Extractor) -> None:
    found = {s.competency: s for s in fitted.suggest(AD)}
    assert found["LOG.2.4"].method == "label"
    assert found["LOG.2.4"].confidence == 1.0
    assert found["LOG.2.4"].sentence == "Apply FIFO so that older stock leaves first."


def test_labels_match_whole_words_only() -> None:
    extractor = label_extractor().fit(CANDIDATES)
    assert extractor.suggest("Our FIFOS are lovely; a SIEMENS plant.") == []


def test_labels_match_without_accents_or_case() -> None:
    ad = "Vous devez connaître le simdut 2015 et conduire un chariot elevateur en toute securite."
    found = {
        s.competency: s.method for s in label_extractor().fit(CANDIDATES).suggest(ad)
    }
    assert found == {"LOG.3.3": "label", "LOG.3.1": "label"}


def test_similarity_finds_paraphrases_the_labels_miss(fitted: Extractor) -> None:
    baseline = {s.competency for s in label_extractor().fit(CANDIDATES).suggest(AD)}
    found = {s.competency: s for s in fitted.suggest(AD)}
    assert "LOG.3.1" not in baseline and "LOG.4.1" not in baseline
    assert found["LOG.3.1"].method == "similarity"
    assert found["LOG.3.1"].sentence == "Drive a forklift safely in narrow aisles."
    assert found["LOG.4.1"].sentence.startswith("Book pickups with carriers")
    assert "CYB.2.1" not in found


def test_french_ad_meets_the_french_statement(fitted: Extractor) -> None:
    ad = "Vous conduirez un chariot élévateur de façon sécuritaire dans l’entrepôt."
    found = {s.competency for s in fitted.suggest(ad)}
    assert found == {"LOG.3.1"}


@pytest.mark.parametrize("make", [default_extractor, char_ngram_extractor])
def test_every_suggestion_quotes_a_sentence_with_a_confidence(make) -> None:  # type: ignore[no-untyped-def]
    extractor = make().fit(CANDIDATES)
    suggestions = extractor.suggest(AD)
    assert suggestions
    ad_sentences = sentences(AD)
    for suggestion in suggestions:
        assert suggestion.sentence in ad_sentences
        assert 0.0 <= suggestion.confidence <= 1.0
    confidences = [s.confidence for s in suggestions]
    assert confidences == sorted(confidences, reverse=True)
    assert len({s.competency for s in suggestions}) == len(suggestions)


def test_a_higher_threshold_never_adds_a_suggestion() -> None:
    embedder = WordLlamaEmbedder()
    previous: set[str] | None = None
    for threshold in np.linspace(0.0, 1.0, 11):
        extractor = Extractor(embedder, threshold=float(threshold)).fit(CANDIDATES)
        found = {s.competency for s in extractor.suggest(AD)}
        if previous is not None:
            assert found <= previous
        previous = found
    # At the top only the labels remain.
    assert previous == {"LOG.2.4"}


class KeywordEmbedder:
    """A model dropped in through the Embedder protocol: one axis per keyword."""

    name = "keywords"
    KEYWORDS = ("forklift", "chariot", "carrier", "siem", "alert")

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        rows = np.array(
            [[float(k in normalise(t)) for k in self.KEYWORDS] for t in texts]
        )
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return np.divide(rows, norms, out=np.zeros_like(rows), where=norms > 0)


def test_another_model_drops_in_through_the_embedder_protocol() -> None:
    embedder = KeywordEmbedder()
    assert isinstance(embedder, Embedder)
    extractor = Extractor(embedder, threshold=0.9, alpha=1.0).fit(CANDIDATES)
    found = {s.competency: s.sentence for s in extractor.suggest(AD)}
    assert found["LOG.3.1"] == "Drive a forklift safely in narrow aisles."
    assert found["LOG.4.1"].startswith("Book pickups with carriers")
    assert "CYB.2.1" not in found


@pytest.mark.parametrize("ad", ["", "   \n  ", "— 42 —\n***"])
def test_an_empty_ad_is_refused_with_a_clear_message(
    fitted: Extractor, ad: str
) -> None:
    with pytest.raises(ValueError, match="The ad is empty"):
        fitted.suggest(ad)


def test_a_too_long_ad_is_refused_with_a_clear_message(fitted: Extractor) -> None:
    with pytest.raises(ValueError, match="paste at most 20,000 characters"):
        fitted.suggest("Drive a forklift. " * (MAX_AD_CHARS // 10))


def test_suggest_before_fit_says_what_to_do() -> None:
    with pytest.raises(RuntimeError, match="Call fit"):
        default_extractor().suggest(AD)


def test_fit_needs_candidates() -> None:
    with pytest.raises(ValueError, match="fit needs candidates"):
        default_extractor().fit([])


def test_embedders_return_unit_rows() -> None:
    texts = ["Operate a forklift safely", "Surveiller les alertes", "—"]
    for embedder in (WordLlamaEmbedder(), CharNgramEmbedder()):
        vectors = embedder.embed(texts)
        assert vectors.shape[0] == 3
        norms = np.linalg.norm(vectors, axis=1)
        assert np.allclose(norms[:2], 1.0, atol=1e-5)
        assert norms[2] in (0.0, pytest.approx(1.0, abs=1e-5))


def test_wordllama_loads_its_bundled_weights_without_the_network(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A fresh interpreter with every socket refused and an empty home: loading
    # the model and embedding must not need a download or a cache.
    script = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network used')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "from skillpath.core.extraction import WordLlamaEmbedder\n"
        "print(WordLlamaEmbedder().embed(['Operate a forklift']).shape)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env={"HOME": str(tmp_path), "PYTHONPATH": str(SRC), "HF_HUB_OFFLINE": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(1, 256)"
