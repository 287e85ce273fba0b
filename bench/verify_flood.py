"""Benchmark: a normal verification while anonymous clients flood the verifier.

Issue 14, fix 2. The poison is the reported one: a credential with 2 identical
``result`` entries of 8 identical ``alignment`` objects each (about 34 KiB) carrying
a real proof of the issuer, so verification gets as far as RDFC canonicalisation,
which is factorial on such blank nodes (9 s before the fix). The bench measures

* how long refusing one poisoned credential takes (the budget's bound),
* a normal verification alone (the baseline),
* a normal verification while ``--flood`` threads verify the poison without pause,
  as threads of one server process do (they share the GIL; the rate limit, not
  measured here, bounds how often one address may do this).

The named baseline is the issue's own figures from before the fix: 9 s to answer
the poison, and 8.8 s for a normal verification sent meanwhile, which waited on
one process-wide lock held during canonicalisation.

Run ``python bench/verify_flood.py [--quick]``; progress goes to stderr, the table to
stdout, and the last line gives the ratios.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import quantile, table  # noqa: E402
from credentials import ED_KID, ISSUER_ID, NOW, sample_credential  # noqa: E402

from skillpath.core.badges import (  # noqa: E402
    VerificationKey,
    generate_ed25519_key,
    sign_data_integrity,
    verify_credential,
)


def poisoned(document: dict[str, Any], *, alignments: int = 8) -> dict[str, Any]:
    """Return ``document`` (signed) with identical results of identical alignments."""
    poison = copy.deepcopy(document)
    alignment = {
        "type": ["Alignment"],
        "targetName": "Configure a network firewall",
        "targetUrl": "https://case.skillpath.example/uri/item-17",
        "targetDescription": "x" * 1700,
        "targetType": "CFItem",
    }
    result = poison["credentialSubject"]["result"][0]
    poison["credentialSubject"]["result"] = [
        {
            "type": ["Result"],
            "resultDescription": result["resultDescription"],
            "alignment": [dict(alignment) for _ in range(alignments)],
        }
        for _ in range(2)
    ]
    return poison


def _normal_latencies(
    verify_normal: Any, verify_poison: Any, *, flood: int, samples: int
) -> tuple[list[float], int]:
    stop = threading.Event()
    refused = [0]

    def flooder() -> None:
        while not stop.is_set():
            result = verify_poison()
            if not result.check("complexity").passed:
                refused[0] += 1

    threads = [threading.Thread(target=flooder, daemon=True) for _ in range(flood)]
    for thread in threads:
        thread.start()
    time.sleep(0.3 if flood else 0)
    latencies = []
    for _ in range(samples):
        started = time.perf_counter()
        result = verify_normal()
        latencies.append(time.perf_counter() - started)
        assert result.check("proof").passed, result.failures
        time.sleep(0.02)
    stop.set()
    for thread in threads:
        thread.join()
    return latencies, refused[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples")
    parser.add_argument("--flood", type=int, default=2, help="flooding threads")
    args = parser.parse_args()
    samples = 10 if args.quick else 40

    key = generate_ed25519_key()
    keys = {ED_KID: VerificationKey(ED_KID, ISSUER_ID, key.public_key())}
    signed = sign_data_integrity(sample_credential(), key, verification_method=ED_KID)
    poison = poisoned(signed)
    size = len(json.dumps(poison))

    def verify_normal() -> Any:
        return verify_credential(signed, resolve_key=keys.get, now=NOW)

    def verify_poison() -> Any:
        return verify_credential(poison, resolve_key=keys.get, now=NOW)

    print(f"poisoned credential: {size / 1024:.1f} KiB", file=sys.stderr)
    refusals = []
    for _ in range(5):
        started = time.perf_counter()
        result = verify_poison()
        refusals.append(time.perf_counter() - started)
    message = result.check("complexity").message

    rows = []
    figures: dict[str, list[float]] = {}
    for name, flood in (
        ("normal verification alone", 0),
        ("normal during a flood (1 thread)", 1),
        (f"normal during a flood ({args.flood} threads)", args.flood),
    ):
        print(f"measuring: {name}", file=sys.stderr)
        latencies, refused = _normal_latencies(
            verify_normal, verify_poison, flood=flood, samples=samples
        )
        figures[name] = latencies
        rows.append(
            (
                name,
                f"{quantile(latencies, 0.5) * 1e3:.1f}",
                f"{quantile(latencies, 0.95) * 1e3:.1f}",
                f"{max(latencies) * 1e3:.1f}",
                refused,
            )
        )
    print(
        f"refusing the {size / 1024:.0f} KiB poison: median "
        f"{quantile(refusals, 0.5) * 1e3:.0f} ms, max {max(refusals) * 1e3:.0f} ms "
        f"({message!r})\n"
    )
    print(
        table(
            ["workload", "p50 ms", "p95 ms", "max ms", "poisons refused meanwhile"],
            rows,
        )
    )
    alone, one, flooded = (figures[name] for name in figures)
    print(
        "ratios: "
        f"flood(1)/alone p95 = {quantile(one, 0.95) / quantile(alone, 0.95):.1f}x; "
        f"flood({args.flood})/alone p95 = "
        f"{quantile(flooded, 0.95) / quantile(alone, 0.95):.1f}x; "
        f"before/now poison answer = {9 / quantile(refusals, 0.5):.0f}x "
        f"(9 s before); before/now normal during flood p95 = "
        f"{8.8 / quantile(flooded, 0.95):.0f}x (8.8 s before)"
    )


if __name__ == "__main__":
    main()
