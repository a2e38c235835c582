"""Writing an export's files: whole or not at all.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> replace_file(target, b"one")
>>> target.read_bytes()
b'one'
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["replace_file"]


def replace_file(path: Path, data: bytes) -> None:
    r"""Write ``data`` to ``path`` through a temporary file beside it, then rename it.

    A reader never sees half a file, and a failed export leaves the old file in place.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "x.csv"
    >>> replace_file(target, b"a\n"); replace_file(target, b"b\n")
    >>> target.read_bytes()
    b'b\n'
    """
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
