"""The bundled dataset's JSON snapshot: the same records, read without parsing TOML.

The curated dataset lives in ``data/*.toml`` (with comments and hand-chosen layout) and
``data/sources/*.txt``.  Parsing TOML is most of what loading it costs, so the package
also ships ``data/snapshot.json``, written by :meth:`Tracker.save` from a validated load
of those files, and ``data/snapshot.sums``, the CRC-32 of every file it was made from
(both written by ``tasks.py snapshot``).

:func:`agreement_tracker.load` reads the snapshot only when every listed file is
unchanged and no data file was added or removed; the JSON goes through the same reader,
validators and cross-record checks as any dataset.  Otherwise (an edited data file, a
damaged snapshot) it reads the TOML files, so errors point at the curated files.  The
test suite checks that the committed snapshot is current; regenerate it with::

    python3 tasks.py snapshot

>>> from pathlib import Path
>>> import agreement_tracker
>>> folder = Path(agreement_tracker.__file__).parent / "data"
>>> fresh(folder) == folder / SNAPSHOT
True
"""

from __future__ import annotations

import zlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["SNAPSHOT", "SUMS", "fresh", "sums"]

SNAPSHOT = "snapshot.json"
SUMS = "snapshot.sums"


def _inputs(folder: Path) -> list[str]:
    """The files a snapshot is made from, as sorted paths relative to ``folder``."""
    names = [p.name for p in folder.glob("*.toml")]
    names += [f"sources/{p.name}" for p in folder.joinpath("sources").glob("*.txt")]
    return sorted(names)


def sums(folder: Path) -> str:
    """One line per input file: its CRC-32 (eight hex digits), two spaces, its path.

    >>> from pathlib import Path
    >>> import agreement_tracker
    >>> line = sums(Path(agreement_tracker.__file__).parent / "data").splitlines()[1]
    >>> len(line[:8]), line[8:]
    (8, '  dataset.toml')
    """
    return "".join(
        f"{zlib.crc32(folder.joinpath(*name.split('/')).read_bytes()):08x}  {name}\n"
        for name in _inputs(folder)
    )


def fresh(folder: Path | Traversable) -> Path | None:
    """The snapshot in ``folder`` if it was made from exactly the files there now, else None.

    >>> from pathlib import Path
    >>> fresh(Path("no/such/folder")) is None
    True
    """
    if not isinstance(folder, Path):
        return None  # a zip import: read the TOML files
    try:
        # Line ends as written on any system (or converted by a checkout) count alike.
        listed = folder.joinpath(SUMS).read_bytes().decode("utf-8").replace("\r\n", "\n")
        current = sums(folder)
    except (OSError, UnicodeDecodeError):
        return None
    snapshot = folder.joinpath(SNAPSHOT)
    return snapshot if listed == current and snapshot.is_file() else None
