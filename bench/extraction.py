"""Benchmark: competencies suggested from job ads, against the label-match baseline.

54 job ads written for the purpose (``bench/data/job_ads.json``: 42 in English, 12
in French, 18 for each demo framework), each labelled by hand with the competencies
it asks for. The candidates of an ad are the leaf competencies of its framework
(``src/skillpath/demo/data/frameworks/*.case.json``), in both languages, as in the
product, where they come from the frameworks of the posting's job profile; one more
row pools the three frameworks, so that an ad can be given a competency of the
wrong trade. Three extractors:

- ``wordllama``: labels, then WordLlama's bundled model (the product's default);
- ``char-ngram``: labels, then hashed character n-grams (the fallback, no model);
- ``label-only``: labels and acronyms found word for word (the baseline).

For the first two, ``threshold`` and ``alpha`` are chosen on the dev half (best
F1 over a grid) and the figures that count are those of the test half. Precision,
recall and F1 are micro-averaged over (ad, competency) pairs. Run
``python bench/extraction.py [--quick]`` (``--quick``: a coarser grid).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import _common  # noqa: F401  (one BLAS thread, before numpy)
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from _common import Progress, table  # noqa: E402

from skillpath.core.extraction import (  # noqa: E402
    Candidate,
    CharNgramEmbedder,
    Embedder,
    Extractor,
    WordLlamaEmbedder,
    labels_from_statement,
)
from skillpath.core.extraction import extract as shipped  # noqa: E402

ADS = ROOT / "bench" / "data" / "job_ads.json"
FRAMEWORKS = ROOT / "src" / "skillpath" / "demo" / "data" / "frameworks"


@dataclass(frozen=True)
class Ad:
    """One labelled ad."""

    id: str
    framework: str
    language: str
    split: str
    text: str
    competencies: frozenset[str]


@dataclass(frozen=True)
class Score:
    """Micro-averaged counts over a set of ads."""

    true_positives: int
    suggested: int
    expected: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.suggested if self.suggested else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


class MemoEmbedder:
    """Remember the vectors of texts already seen (the grid embeds each ad once)."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.memo: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.memo]
        if missing:
            for text, row in zip(missing, self.inner.embed(missing), strict=True):
                self.memo[text] = row
        return np.stack([self.memo[t] for t in texts])


def load_ads() -> list[Ad]:
    """Return the labelled ads."""
    document = json.loads(ADS.read_text(encoding="utf-8"))
    return [
        Ad(
            a["id"],
            a["framework"],
            a["language"],
            a["split"],
            a["text"],
            frozenset(a["competencies"]),
        )
        for a in document["ads"]
    ]


def load_candidates() -> dict[str, list[Candidate]]:
    """Return, by framework, one candidate per leaf competency and language."""
    by_framework: dict[str, list[Candidate]] = {}
    for path in sorted(FRAMEWORKS.glob("*.case.json")):
        candidates = by_framework.setdefault(path.name.split(".")[0], [])
        package = json.loads(path.read_text(encoding="utf-8"))
        items = {item["identifier"]: item for item in package["CFItems"]}
        parents = {
            a["destinationNodeURI"]["identifier"]
            for a in package["CFAssociations"]
            if a["associationType"] == "isChildOf"
        }
        translations: dict[str, list[dict[str, str]]] = {}
        for a in package["CFAssociations"]:
            if a["associationType"] == "isTranslationOf":
                origin = items[a["originNodeURI"]["identifier"]]
                translations.setdefault(
                    a["destinationNodeURI"]["identifier"], []
                ).append(origin)
        for identifier, item in items.items():
            code = item.get("humanCodingScheme")
            if not code or identifier in parents:
                continue
            for version in (item, *translations.get(identifier, [])):
                statement = version["fullStatement"]
                candidates.append(
                    Candidate(code, labels_from_statement(statement), statement)
                )
    return by_framework


Extractors = dict[str, Extractor]


def fitted(
    make: Callable[[], Extractor], candidates: dict[str, list[Candidate]]
) -> Extractors:
    """Return one extractor per framework, and one for all of them (key "")."""
    extractors = {name: make().fit(group) for name, group in candidates.items()}
    extractors[""] = make().fit([c for group in candidates.values() for c in group])
    return extractors


def evaluate(
    extractors: Extractors, ads: Sequence[Ad], pooled: bool = False
) -> tuple[Score, float]:
    """Return the counts on ``ads`` and the median milliseconds per ad."""
    hits = suggested = expected = 0
    times = []
    for ad in ads:
        extractor = extractors["" if pooled else ad.framework]
        started = time.perf_counter()
        found = {s.competency for s in extractor.suggest(ad.text)}
        times.append(1000 * (time.perf_counter() - started))
        hits += len(found & ad.competencies)
        suggested += len(found)
        expected += len(ad.competencies)
    return Score(hits, suggested, expected), float(np.median(times))


def tune(
    make: Callable[[float, float], Extractors],
    dev: Sequence[Ad],
    thresholds: np.ndarray,
    alphas: np.ndarray,
    progress: Progress,
    label: str,
) -> tuple[float, float, Score]:
    """Return the (threshold, alpha) with the best dev F1, and its counts."""
    best: tuple[float, float, Score] | None = None
    for done, alpha in enumerate(alphas):
        for threshold in thresholds:
            score, _ = evaluate(make(float(threshold), float(alpha)), dev)
            if best is None or score.f1 > best[2].f1 + 1e-12:
                best = (float(threshold), float(alpha), score)
        progress.update(done + 1, f"tuning {label}")
    assert best is not None
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a coarser grid")
    args = parser.parse_args()
    step = 0.05 if args.quick else 0.025
    thresholds = np.round(np.arange(0.15, 0.75 + 1e-9, step), 3)
    alphas = np.round(np.linspace(0.0, 1.0, 6 if args.quick else 11), 2)

    ads = load_ads()
    dev = [a for a in ads if a.split == "dev"]
    test = [a for a in ads if a.split == "test"]
    candidates = load_candidates()
    n_candidates = sum(len(group) for group in candidates.values())
    n_competencies = len({c.competency for g in candidates.values() for c in g})

    started = time.perf_counter()
    wordllama = WordLlamaEmbedder()
    wordllama.embed(["warm-up"])
    loaded = time.perf_counter() - started
    embedders = {
        "wordllama": MemoEmbedder(wordllama),
        "char-ngram": MemoEmbedder(CharNgramEmbedder()),
    }
    shipped_values = {
        "wordllama": (shipped.WORDLLAMA_THRESHOLD, shipped.WORDLLAMA_ALPHA),
        "char-ngram": (shipped.CHAR_NGRAM_THRESHOLD, shipped.CHAR_NGRAM_ALPHA),
    }
    progress = Progress(len(alphas) * len(embedders), "tuning")
    chosen: dict[str, tuple[float, float]] = {}
    for name, embedder in embedders.items():

        def make(
            threshold: float, alpha: float, embedder: Embedder = embedder
        ) -> Extractors:
            return fitted(
                lambda: Extractor(embedder, threshold=threshold, alpha=alpha),
                candidates,
            )

        threshold, alpha, _ = tune(make, dev, thresholds, alphas, progress, name)
        chosen[name] = (threshold, alpha)
    progress.close()

    extractors = {
        name: fitted(
            lambda e=embedders[name], t=t, a=a: Extractor(e, threshold=t, alpha=a),
            candidates,
        )
        for name, (t, a) in chosen.items()
    }
    extractors["label-only"] = fitted(lambda: Extractor(None), candidates)
    rows = []
    results: dict[tuple[str, str], Score] = {}
    halves = {
        "dev": dev,
        "test": test,
        "test, English": [a for a in test if a.language == "en"],
        "test, French": [a for a in test if a.language == "fr"],
        "test, 3 frameworks pooled": test,
    }
    for name, extractor in extractors.items():
        for half, subset in halves.items():
            # Fresh vectors for the timing: no memo on the half that is reported.
            if name in embedders:
                embedders[name].memo.clear()
            score, ms = evaluate(extractor, subset, pooled="pooled" in half)
            results[(name, half)] = score
            t, a = chosen.get(name, (float("nan"), float("nan")))
            rows.append(
                (
                    name,
                    half,
                    len(subset),
                    t,
                    a,
                    score.precision,
                    score.recall,
                    score.f1,
                    ms,
                )
            )

    print(
        f"{len(ads)} ads ({len(dev)} dev, {len(test)} test; "
        f"{sum(a.language == 'fr' for a in ads)} in French), "
        f"{sum(len(a.competencies) for a in ads)} labelled competencies; "
        f"{n_candidates} candidates ({n_competencies} competencies x 2 languages, "
        f"in {len(candidates)} frameworks); WordLlama loaded in {loaded:.2f} s"
    )
    print(
        table(
            (
                "extractor",
                "ads",
                "n",
                "threshold",
                "alpha",
                "precision",
                "recall",
                "F1",
                "ms/ad",
            ),
            rows,
        )
    )
    for name, values in chosen.items():
        if tuple(round(v, 3) for v in values) != tuple(
            round(v, 3) for v in shipped_values[name]
        ):
            print(
                f"note: {name} tuned to threshold {values[0]}, alpha {values[1]}; "
                f"the core ships {shipped_values[name]} (update extract.py)"
            )
    base = results[("label-only", "test")]
    parts = []
    for name in embedders:
        score = results[(name, "test")]
        parts.append(
            f"{name} F1 {score.f1:.3f} (P {score.precision:.3f}, R {score.recall:.3f}), "
            f"{score.f1 / base.f1:.2f}x the baseline's"
        )
    print(
        "test half: " + "; ".join(parts) + f"; label-only F1 {base.f1:.3f} "
        f"(P {base.precision:.3f}, R {base.recall:.3f})"
    )


if __name__ == "__main__":
    main()
