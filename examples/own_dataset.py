"""Load a dataset from your own file, query it, check it and save it in another format.

Run:  python examples/own_dataset.py [PATH]   (default: examples/data/india_france.toml)
"""

import sys
import tempfile
from pathlib import Path

import agreement_tracker as at

path = (
    Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "data" / "india_france.toml"
)

problems = at.validate(path)
if problems:
    print(f"{len(problems)} problem(s) in {path}:")
    for problem in problems:
        print("  " + problem)
    sys.exit(1)

mine = at.Tracker.from_path(path)
print(mine)
print()
print(mine.tables.series("DD"))
print()
print(mine.agreements_about("space").table(columns=["id", "kind", "meeting", "focus_areas"]))
print()

# Combine it with the bundled India–Israel data: the same person appears in both, so say
# which record wins.
both = at.load().merge(mine, on_conflict="keep")
print(both.involving("Rajesh Kumar Singh").table(columns=["date", "kind", "title"]))
print()

# Save as one JSON file and read it back: nothing is lost.
with tempfile.TemporaryDirectory() as folder:
    saved = mine.save(Path(folder) / "india_france.json", format="json")
    print("round trip equal:", at.Tracker.from_path(saved) == mine)
