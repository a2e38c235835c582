"""How well ``at.draft`` turns articles into the records a curator would write.

Leave-one-out on the bundled data: for each of the five sources, the source's article is
drafted against a tracker without that source (its records, and the citations, claims,
roles and references that only it gives), with the publication date the curated source
records, and every proposal is accepted as drafted.  The result is compared with what the
curated dataset says on that source's authority.  The same is done for the articles of
our own writing under ``tests/articles/`` (other countries, other series) against their
hand-written expectations.  Then review effort and drafting speed.

Usage:  python benchmarks/draft_eval.py [--speed]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import attrs

import agreement_tracker as at
from agreement_tracker.drafting.building import ITEM_FIELDS
from agreement_tracker.drafting.rules import dates_in, normalise

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "articles"
DATA = ROOT / "agreement_tracker" / "data"
RECORD_KINDS = ("meeting", "agreement", "delegation", "event")
#: Kinds the curated data holds that count as records to find, and the drafted kind each
#: is compared with (the rules draft statements as events of kind "statement").
GOLD_KINDS = (*((kind, f"{kind}s") for kind in RECORD_KINDS), ("event", "statements"))
#: Fields the comparison does not score; each one a source supports is one action to add.
UNSCORED = (
    "outcomes",
    "summary",
    "purpose",
    "description",
    "details",
    "people",
    "organisations",
    "engagements",
)
#: Field groups reported, each with the record fields it covers.
GROUPS: dict[str, tuple[str, ...]] = {
    "dates": ("date", "signed", "dates"),
    "places": ("place",),
    "ordinals": ("number",),
    "co-chairs/signatories": ("co_chairs", "signatories"),
    "participants": ("participants",),
    "focus areas": ("focus_areas",),
    "parties/leader/host": ("parties", "leader", "origin", "host"),
    "event countries": ("countries",),
    "meeting links": ("meeting", "meeting_timing"),
}
_REFS = (
    "focus_areas",
    "participants",
    "co_chairs",
    "signatories",
    "organisations",
    "people",
    "parents",
    "members",
    "about",
    "used_in",
)


def plain(value: Any) -> Any:
    """A field value in the form proposals use."""
    if isinstance(value, at.PartialDate | at.DateRange | at.DateBetween):
        return value.isoformat()
    if isinstance(value, at.Place):
        return {
            k: v
            for k, v in (("city", value.city), ("region", value.region), ("country", value.country))
            if v
        }
    if hasattr(value, "value") and not isinstance(value, str | int):
        return value.value
    if isinstance(value, tuple):
        return [plain(v) for v in value]
    return value


# ------------------------------------------------------------------ leave one out


def _cites(record: Any, source: str) -> bool:
    return source in _sources_of(record)


def _sources_of(record: Any) -> set[str]:
    found = {c.source for c in record.citations} | {c.citation.source for c in record.claims}
    for role in getattr(record, "roles", ()):
        found |= {c.source for c in role.citations}
    for stop in getattr(record, "engagements", ()):
        found |= {c.source for c in stop.citations}
    return found


def without(tracker: at.Tracker, source: str, *, vocabulary: bool = False) -> at.Tracker:
    """The tracker without ``source`` and everything only it supports.

    With ``vocabulary``, focus-area terms stay (without that source's citations): a
    vocabulary is curated apart from any one article.
    """
    removed = {source}
    kept: list[Any] = []
    for record in tracker.all_records():
        if record.id == source:
            continue
        if vocabulary and isinstance(record, at.FocusArea):
            kept.append(record)
            continue
        sources = _sources_of(record)
        own = {c.source for c in record.citations}
        if (sources and sources <= {source}) or (own and own <= {source}):
            removed.add(record.id)
            continue
        kept.append(record)
    out = []
    for record in kept:
        changes: dict[str, Any] = {
            "citations": tuple(c for c in record.citations if c.source != source),
            "claims": tuple(c for c in record.claims if c.citation.source != source),
        }
        if hasattr(record, "roles"):
            changes["roles"] = tuple(
                attrs.evolve(r, citations=tuple(c for c in r.citations if c.source != source))
                for r in record.roles
                if not r.citations or {c.source for c in r.citations} - {source}
            )
        if hasattr(record, "engagements"):
            changes["engagements"] = tuple(
                e
                for e in record.engagements
                if {c.source for c in e.citations} - {source} and e.meeting not in removed
            )
        for name in ("links", "involved", "quantities", "unnamed", "actions"):
            if hasattr(record, name):
                changes[name] = tuple(
                    v
                    for v in getattr(record, name)
                    if {c.source for c in v.citations} - {source}
                    and getattr(v, "target", None) not in removed
                )
        for name in _REFS:
            if hasattr(record, name):
                changes[name] = tuple(i for i in getattr(record, name) if i not in removed)
        for name in ("meeting", "agency", "publisher", "series", "occasion"):
            if getattr(record, name, None) in removed:
                changes[name] = None
                if name == "meeting":
                    changes["meeting_timing"] = None
        disputed = {c.field for c in changes["claims"]}
        changes["inferred"] = tuple(
            i for i in record.inferred if i.field not in {c.field for c in record.claims} - disputed
        )
        out.append(attrs.evolve(record, **changes))
    return at.Tracker(out)


#: A statement's fields under the names a drafted event gives them; fields events lack.
_AS_EVENT = {"organisation": "organisations", "speaker": "people", "words": "description"}
_NOT_IN_EVENTS = {"unnamed", "speech", "occasion", "about", "links"}


def _field(record: Any, name: str) -> Any:
    """A record's field, a statement's read as a drafted event's (see ``_AS_EVENT``)."""
    if isinstance(record, at.Statement) and name in ("organisations", "people"):
        held = record.organisation if name == "organisations" else record.speaker
        return [held] if held else []
    if isinstance(record, at.Statement) and name == "description":
        return " ".join(record.words)
    return getattr(record, name, None)


def curated_gold(tracker: at.Tracker, source: str) -> dict[str, Any]:
    """What the curated dataset holds on ``source``'s authority."""
    people = {p.id for p in tracker.people if _cites(p, source)}
    organisations = {o.id for o in tracker.organisations if _cites(o, source)}
    for person in tracker.people:  # the organisation of a role this source shows
        for role in person.roles:
            if role.organisation and any(c.source == source for c in role.citations):
                organisations.add(role.organisation)
    agency = tracker.source(source).agency
    if agency:
        organisations.add(agency)
    records = []
    vocabulary = tracker.focus_areas
    for kind, attribute in GOLD_KINDS:
        for record in getattr(tracker, attribute):
            if not _cites(record, source):
                continue
            supported: set[str] = set()
            quotes: list[str] = []
            for c in record.citations:
                if c.source == source:
                    supported |= set(c.supports)
                    if "focus_areas" in c.supports:
                        quotes.append(c.quote)
            claimed: dict[str, list[Any]] = {}
            for claim in record.claims:
                if claim.citation.source == source:
                    supported.add(claim.field)
                    claimed.setdefault(claim.field, []).append(claim.value)
            fields: dict[str, Any] = {}
            if isinstance(record, at.Statement):  # what a drafted event can hold of it
                supported = {_AS_EVENT.get(n, n) for n in supported} - _NOT_IN_EVENTS
            for name in supported:
                if name in ("kind", "status", "outcomes", "summary", "purpose", "series"):
                    continue
                value = plain(_field(record, name))
                if name == "focus_areas":
                    value = [a for a in value if _named_in(vocabulary, a, quotes)]
                options = [value] if value not in (None, []) else []
                options += claimed.get(name, [])
                if options:
                    fields[name] = options if name not in ITEM_FIELDS else options[0]
            for name in ("participants", "co_chairs", "signatories"):
                if name in fields:
                    people |= set(fields[name])
            if "leader" in fields:
                people |= {str(v) for v in fields["leader"]}
            extra = sum(1 for name in supported if name in UNSCORED)
            records.append(
                {
                    "kind": kind,
                    "id": record.id,
                    "fields": fields,
                    "extra": extra,
                    "all_focus_areas": list(getattr(record, "focus_areas", ())),
                }
            )
    names = {
        n.casefold(): r.id
        for r in (*tracker.people, *tracker.organisations)
        for n in (r.name, *r.aliases)
    }
    return {"people": people, "organisations": organisations, "records": records, "names": names}


def _named_in(vocabulary: Any, area: str, quotes: list[str]) -> bool:
    term = vocabulary.get(area)
    if term is None:
        return False
    text = " ".join(quotes).lower()
    return any(
        re.search(
            r"(?<!\w)"
            + r"[\s-]*".join(re.escape(t) for t in re.findall(r"[a-z0-9&]+", n.lower()))
            + r"(?!\w)",
            text,
        )
        for n in term.names
    )


def article_gold(path: Path) -> dict[str, Any]:
    """The hand-written expectations for one of our own articles."""
    doc = tomllib.loads(path.read_text("utf-8"))
    records = []
    for table in doc.get("record", []):
        fields = {k: (v if k in ITEM_FIELDS else [v]) for k, v in table.items() if k != "kind"}
        records.append({"kind": table["kind"], "id": table.get("id", ""), "fields": fields})
    return {
        "people": set(doc.get("people", ())),
        "organisations": set(doc.get("organisations", ())),
        "records": records,
        "published": doc.get("published"),
    }


# ------------------------------------------------------------------ comparing


def drafted_records(d: Any) -> list[dict[str, Any]]:
    """The draft's meetings, agreements and visits, as field tables (all accepted)."""
    tables: dict[tuple[str, str], dict[str, Any]] = {}
    for p in d.proposals:
        if p.kind not in RECORD_KINDS or p.value is None:
            continue
        fields = tables.setdefault((p.kind, p.target), {})
        if p.field in ITEM_FIELDS:
            fields.setdefault(p.field, []).append(p.value)
        else:
            fields.setdefault(p.field, p.value)
    return [{"kind": k, "id": i, "fields": f} for (k, i), f in tables.items()]


def _key_match(gold: dict[str, Any], drafted: dict[str, Any]) -> int:
    g, f = gold["fields"], drafted["fields"]
    score = 0
    if gold["id"] and gold["id"] == drafted["id"]:
        score += 10
    elif gold["id"] and (
        gold["id"].startswith(drafted["id"] + "-") or drafted["id"].startswith(gold["id"] + "-")
    ):
        score += 3  # "operation-sindoor" and "operation-sindoor-2025"
    for name in ("number", "leader", "host", "parties", "signed", "date", "dates"):
        if (
            name in g
            and name in f
            and (f[name] in g[name] or sorted(map(str, f[name])) == sorted(map(str, g[name][0])))
        ):
            score += 2
    for name in ("participants", "co_chairs", "signatories"):
        if name in g and name in f and set(f[name]) & set(g[name]):
            score += 1
    return score


def align(
    gold: list[dict[str, Any]], drafted: list[dict[str, Any]]
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Pair each expected record with the drafted one that fits it best."""
    pairs = []
    free = list(drafted)
    by_id = {d["id"]: d for d in drafted}
    rest = []
    for record in gold:  # the same id first: a record the draft cites
        same = by_id.get(record["id"])
        if same is not None and same["kind"] == record["kind"] and same in free:
            free.remove(same)
            pairs.append((record, same))
        else:
            rest.append(record)
    for record in rest:
        options = [(d, _key_match(record, d)) for d in free if d["kind"] == record["kind"]]
        options = [o for o in options if o[1] > 0]
        if options:
            best = max(options, key=lambda o: o[1])[0]
            free.remove(best)
            pairs.append((record, best))
    return pairs


def _date_ok(value: str, options: list[Any]) -> tuple[bool, bool]:
    """(exactly right, consistent): consistent means equal or a coarser date containing it."""
    exact = value in options
    new = at.parse_when(value)
    consistent = exact or any(
        new.earliest <= at.parse_when(o).earliest and at.parse_when(o).latest <= new.latest
        for o in options
        if isinstance(o, str)
    )
    return exact, consistent


class Score:
    """Counts for recall (found / expected) and precision (right / proposed)."""

    def __init__(self) -> None:
        self.expected = self.found = self.proposed = self.right = 0

    def add(self, expected: int, found: int, proposed: int, right: int) -> None:
        """Count one comparison."""
        self.expected += expected
        self.found += found
        self.proposed += proposed
        self.right += right

    def recall(self) -> float | None:
        """Found over expected (None when nothing was expected)."""
        return self.found / self.expected if self.expected else None

    def precision(self) -> float | None:
        """Right over proposed (None when nothing was proposed)."""
        return self.right / self.proposed if self.proposed else None


def compare(d: Any, gold: dict[str, Any], scores: dict[str, Score]) -> dict[str, int]:
    """Add the draft's scores against ``gold``; return its effort counts."""
    links: dict[str, set[str]] = {"person": set(), "organisation": set()}
    names = gold.get("names", {})
    for p in d.proposals:
        if p.action == "link" and p.kind in links:
            target = p.target
            if d.tracker.get(target) is None:  # a new record: the curator's id may differ
                drafted = next(
                    (str(q.value) for q in d.proposals if q.target == target and q.field == "name"),
                    "",
                )
                target = names.get(drafted.casefold(), target)
            links[p.kind].add(target)
    wrong = 0
    missing = 0
    for kind, name in (("person", "people"), ("organisation", "organisations")):
        expected, got = gold[name], links[kind]
        scores[f"{kind} links"].add(
            len(expected), len(expected & got), len(got), len(expected & got)
        )
        wrong += len(got - expected)
        missing += len(expected - got)
    drafted = drafted_records(d)
    pairs = align(gold["records"], drafted)
    scores["record kinds"].add(len(gold["records"]), len(pairs), len(drafted), len(pairs))
    paired = {id(x) for _, x in pairs}
    for record in drafted:
        if id(record) not in paired:
            wrong += 1  # one reject for a record the curated data does not have
    missing += len(gold["records"]) - len(pairs)
    missing += sum(record.get("extra", 0) for record in gold["records"])
    for g, f in pairs:
        for group, names in GROUPS.items():
            for name in names:
                options = g["fields"].get(name)
                value = f["fields"].get(name)
                if name in ITEM_FIELDS:
                    expected = set(options or ())
                    got = set(value or ())
                    if options is None and name != "focus_areas":
                        got = set()  # the curated record says nothing on this source's word
                    allowed = expected | set(g.get(f"all_{name}", ()))
                    scores[group].add(
                        len(expected), len(expected & got), len(got), len(allowed & got)
                    )
                    wrong += len(got - allowed)
                    missing += len(expected - got)
                    continue
                if options is None:
                    continue
                if value is None:
                    scores[group].add(1, 0, 0, 0)
                    missing += 1
                    continue
                if group == "dates":
                    exact, consistent = _date_ok(value, options)
                    scores[group].add(1, int(exact), 1, int(consistent))
                    scores["dates (exact)"].add(1, int(exact), 1, int(exact))
                    wrong += 0 if exact else 1
                    continue
                ok = value in options or (
                    isinstance(value, list)
                    and sorted(value) in [sorted(o) for o in options if isinstance(o, list)]
                )
                scores[group].add(1, int(ok), 1, int(ok))
                wrong += 0 if ok else 1
    return {"wrong": wrong, "missing": missing}


def evidence_rank(quote: str, dateline: Any) -> int:
    """The precision the quote itself gives: 2 day, 1 month, 0 year, -1 none."""
    ranks = [-1]
    for mention in dates_in(quote, dateline):
        if mention.value is None:
            continue
        first = mention.value.start if isinstance(mention.value, at.DateRange) else mention.value
        ranks.append({"year": 0, "month": 1, "day": 2}[first.precision.value])
    if re.search(r"date \d{4}-\d{2}-\d{2}", quote):
        ranks.append(2)
    return max(ranks)


def checks(d: Any) -> tuple[int, int, int]:
    """(proposals, quotes not verbatim, dates more precise than their quote)."""
    text = normalise(d.text)
    bad_quotes = sum(1 for p in d.proposals if normalise(p.quote) not in text or not p.quote)
    too_precise = 0
    for p in d.proposals:
        if p.field in ("date", "signed", "dates", "published") and p.value is not None:
            value = at.parse_when(p.value)
            first = value.start if isinstance(value, at.DateRange) else value
            rank = {"year": 0, "month": 1, "day": 2}[first.precision.value]
            given = at.PartialDate.parse(d.published) if d.published else None
            dateline = given if p.field == "published" else _dateline(d)
            if rank > evidence_rank(p.quote, dateline):
                too_precise += 1
    return len(d.proposals), bad_quotes, too_precise


def _dateline(d: Any) -> Any:
    for p in d.proposals:
        if p.kind == "source" and p.field == "published" and p.value:
            return at.PartialDate.parse(p.value) if "/" not in p.value else None
    return at.PartialDate.parse(d.published) if d.published else None


def toml_lines(source: str) -> int:
    """Lines of the bundled TOML files that record what ``source`` says.

    A record only this source supports counts whole; in others, each table naming the
    source (a citation, a claim) counts its lines.
    """
    total = 0
    for path in sorted(DATA.glob("*.toml")):
        blocks = re.split(r"\n(?=\s*\[\[)", path.read_text("utf-8"))
        records: list[list[str]] = []
        for block in blocks:
            header = block.lstrip().split("\n", 1)[0].strip()
            if re.fullmatch(r"\[\[\w+\]\]", header):
                records.append([block])
            elif records:
                records[-1].append(block)
        for record in records:
            naming = [b for b in record if f'source = "{source}"' in b]
            if not naming:
                continue
            lines = lambda blocks: sum(1 for b in blocks for x in b.splitlines() if x.strip())  # noqa: E731
            if len(naming) == sum(1 for b in record if 'source = "' in b):
                total += lines(record)
            else:
                total += lines(naming)
    return total


# ------------------------------------------------------------------ running


def run() -> dict[str, Any]:
    """Every figure of the evaluation, as a dictionary."""
    full = at.load()
    results: dict[str, Any] = {}
    for label, cases in (
        ("seed", _seed_cases(full)),
        ("seed-vocabulary", _seed_cases(full, vocabulary=True)),
        ("own", _own_cases(full)),
    ):
        scores: dict[str, Score] = {
            name: Score()
            for name in (
                "person links",
                "organisation links",
                "record kinds",
                *GROUPS,
                "dates (exact)",
            )
        }
        totals = Counter()
        per_case = {}
        for name, d, gold, lines in cases:
            effort = compare(d.accept_all(), gold, scores)
            count, bad, precise = checks(d)
            actions = 1 + effort["wrong"] + effort["missing"]
            totals.update(
                proposals=count, bad_quotes=bad, too_precise=precise, actions=actions, lines=lines
            )
            per_case[name] = {"actions": actions, "lines": lines, "proposals": count}
        results[label] = {"scores": scores, "totals": dict(totals), "cases": per_case}
    return results


def _draft_published(published: Any) -> str | None:
    """What a curator gives ``draft`` as a source's date: one day, month or year.

    A date known only as one of several days is given as the month (or year) that holds
    them all, as a curator who knows no more would type it.
    """
    if published is None or isinstance(published, at.PartialDate):
        return None if published is None else str(published.isoformat())
    first, last = published.earliest, published.latest
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year}-{first.month:02d}"
    return str(first.year) if first.year == last.year else None


def _seed_cases(
    full: at.Tracker, *, vocabulary: bool = False
) -> list[tuple[str, Any, dict[str, Any], int]]:
    cases = []
    for source in full.sources:
        smaller = without(full, source.id, vocabulary=vocabulary)
        d = at.draft(source.text, tracker=smaller, published=_draft_published(source.published))
        cases.append((source.id, d, curated_gold(full, source.id), toml_lines(source.id)))
    return cases


def _own_cases(full: at.Tracker) -> list[tuple[str, Any, dict[str, Any], int]]:
    cases = []
    for path in sorted(ARTICLES.glob("*.txt")):
        gold = article_gold(path.with_suffix(".toml"))
        d = at.draft(path.read_text("utf-8"), tracker=full, published=gold.get("published"))
        cases.append((path.stem, d, gold, 0))
    return cases


def speed(size: int = 10_000) -> tuple[int, float]:
    """Seconds to draft a 3,000-character article against a ``size``-record tracker."""
    import json
    import tempfile

    sys.path.insert(0, str(Path(__file__).parent))
    import generate  # type: ignore[import-not-found]

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "synthetic.json"
        target.write_text(json.dumps(generate.generate(size)), "utf-8")
        tracker = at.Tracker.from_path(target)
    text = (ARTICLES / "canberra-tokyo-2026-03-12.txt").read_text("utf-8")
    text = (text + "\n" + (ARTICLES / "warsaw-london-2026-05-20.txt").read_text("utf-8"))[:3000]
    records = sum(1 for _ in tracker.all_records())
    at.draft(text, tracker=tracker, published="2026-05-20")  # warm up imports
    start = time.perf_counter()
    at.draft(text, tracker=tracker, published="2026-05-20")
    return records, time.perf_counter() - start


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.0f} %"


def report(results: dict[str, Any]) -> str:
    """The figures as plain-text tables."""
    lines = []
    for label, title in (
        ("seed", "Leave-one-out on the five bundled sources"),
        ("seed-vocabulary", "Leave-one-out, the focus-area vocabulary kept"),
        ("own", "Our own articles (tests/articles)"),
    ):
        part = results[label]
        lines.append(title)
        lines.append(
            f"{'field':<24}{'recall':>8}{'precision':>11}   found/expected  right/proposed"
        )
        for name, score in part["scores"].items():
            lines.append(
                f"{name:<24}{_pct(score.recall()):>8}{_pct(score.precision()):>11}   "
                f"{score.found:>5}/{score.expected:<9} {score.right:>5}/{score.proposed}"
            )
        totals = part["totals"]
        lines.append(
            f"proposals {totals['proposals']}, quotes not verbatim {totals['bad_quotes']}, "
            f"dates more precise than their quote {totals['too_precise']}"
        )
        if label.startswith("seed"):
            lines.append(
                f"review actions {totals['actions']} for {totals['lines']} TOML lines "
                f"({totals['actions'] / totals['lines']:.2f} of the lines); per source: "
                + ", ".join(f"{k} {v['actions']}/{v['lines']}" for k, v in part["cases"].items())
            )
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    """Print the evaluation (and, with --speed, the timing)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", action="store_true", help="also time a draft at 10,000 records")
    args = parser.parse_args(argv)
    print(report(run()))
    if args.speed:
        records, seconds = speed()
        print(f"speed: a 3,000-character article against {records:,} records: {seconds:.3f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
