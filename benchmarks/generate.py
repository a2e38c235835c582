"""Deterministic synthetic datasets in the library's own JSON format, for benchmarks.

Records are spread over ~200 countries and a vocabulary of 120 focus areas (the bundled
22 plus synthetic ones under them); every record is valid: references resolve and every
quote is found in its source.  The same seed and size always give the same file.

Usage:  python benchmarks/generate.py N OUTPUT.json [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

import agreement_tracker as at
from agreement_tracker.countries import NAMES

COUNTRIES = sorted(NAMES)[:200]
KINDS = ("mou", "treaty", "agreement", "protocol", "letter-of-intent")
MEETING_KINDS = ("bilateral-meeting", "call-on", "talks", "dialogue")


def _vocabulary() -> list[dict[str, Any]]:
    bundled = [
        {"id": a.id, "label": a.label, "synonyms": list(a.synonyms), "parents": list(a.parents)}
        for a in at.load().focus_areas
    ]
    for table in bundled:
        for key in ("synonyms", "parents"):
            if not table[key]:
                del table[key]
    parents = [a["id"] for a in bundled]
    extra = [
        {"id": f"topic-{i:03d}", "label": f"Topic {i:03d}", "parents": [parents[i % len(parents)]]}
        for i in range(120 - len(bundled))
    ]
    return bundled + extra


def _date(rng: random.Random) -> str:
    year = rng.randint(1990, 2025)
    month = rng.randint(1, 12)
    roll = rng.random()
    if roll < 0.1:
        return str(year)
    if roll < 0.3:
        return f"{year:04d}-{month:02d}"
    day = rng.randint(1, 26)
    if roll < 0.35:
        return f"[{year:04d}-{month:02d}-{day:02d}..{year:04d}-{month:02d}-{day + 2:02d}]"
    return f"{year:04d}-{month:02d}-{day:02d}"


def generate(n: int, seed: int = 2025) -> dict[str, Any]:
    """A dataset document with about ``n`` agreements, meetings and delegations."""
    rng = random.Random(seed)
    vocabulary = _vocabulary()
    area_ids = [a["id"] for a in vocabulary]
    n_sources = max(1, n // 100)
    n_people = max(2, n // 20)
    words = ["defence", "cooperation", "agreement", "meeting", "visit", "signed", "talks"]
    sources = []
    for i in range(n_sources):
        text = f"Report {i}. " + " ".join(rng.choice(words) for _ in range(30)) + f" end {i}."
        sources.append({"id": f"s-{i}", "text_file": f"sources/s-{i}.txt", "text": text})

    def cite(fields: list[str]) -> list[dict[str, Any]]:
        source = sources[rng.randrange(n_sources)]
        start = rng.randrange(0, 40)
        return [
            {
                "source": source["id"],
                "quote": source["text"][start : start + 25],
                "supports": fields,
            }
        ]

    people = [
        {
            "id": f"p-{i}",
            "name": f"Person {i}",
            "roles": [
                {"title": "Official", "country": rng.choice(COUNTRIES), "citations": cite([])}
            ],
            "citations": cite(["name"]),
        }
        for i in range(n_people)
    ]
    pairs = [tuple(rng.sample(COUNTRIES, 2)) for _ in range(400)]
    series = [
        {
            "id": f"series-{i}",
            "name": f"Joint Working Group {a}-{b}",
            "short_name": f"JWG{i}",
            "parties": [a, b],
            "citations": cite(["name"]),
        }
        for i, (a, b) in enumerate(pairs)
    ]
    numbers = dict.fromkeys(range(len(pairs)), 0)
    meetings, agreements, delegations = [], [], []
    for i in range(n):
        roll = rng.random()
        pair = rng.randrange(len(pairs))
        a, b = pairs[pair]
        who = rng.sample(range(n_people), 2)
        if roll < 0.4:
            record: dict[str, Any] = {
                "id": f"m-{i}",
                "kind": rng.choice(MEETING_KINDS),
                "title": f"Meeting {i}",
                "date": _date(rng),
                "place": {"country": a},
                "participants": [f"p-{w}" for w in who],
                "focus_areas": rng.sample(area_ids, 2),
                "citations": cite(["kind", "date", "place", "participants"]),
            }
            if rng.random() < 0.5:
                numbers[pair] += 1
                record.update(kind="jwg-session", series=f"series-{pair}", number=numbers[pair])
            meetings.append(record)
        elif roll < 0.75:
            agreements.append(
                {
                    "id": f"a-{i}",
                    "kind": rng.choice(KINDS),
                    "title": f"Agreement {i}",
                    "parties": [a, b],
                    "signed": _date(rng),
                    "place": {"country": b},
                    "signatories": [f"p-{w}" for w in who],
                    "focus_areas": rng.sample(area_ids, 3),
                    "citations": cite(["kind", "parties", "signed", "signatories", "focus_areas"]),
                }
            )
        else:
            delegations.append(
                {
                    "id": f"d-{i}",
                    "title": f"Visit {i}",
                    "leader": f"p-{who[0]}",
                    "members": [f"p-{who[1]}"],
                    "origin": a,
                    "host": b,
                    "dates": _date(rng),
                    "citations": cite(["leader", "origin", "host", "dates"]),
                }
            )
    return {
        "dataset": {"name": f"synthetic {n}", "version": f"seed-{seed}"},
        "source": sources,
        "person": people,
        "focus_area": vocabulary,
        "series": series,
        "meeting": meetings,
        "agreement": agreements,
        "delegation": delegations,
    }


def main(argv: list[str]) -> None:
    """Write a synthetic dataset of the requested size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of agreements, meetings and delegations")
    parser.add_argument("output", type=Path)
    parser.add_argument("--seed", type=int, default=2025)
    args = parser.parse_args(argv)
    doc = generate(args.n, args.seed)
    args.output.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    print(f"wrote {args.output} ({args.output.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(sys.argv[1:])
