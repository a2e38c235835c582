"""Writing an export's files: whole or not at all, with the usual permissions.

>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> replace_file(target, b"one")
>>> target.read_bytes()
b'one'
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

__all__ = ["replace_file", "temporary_beside"]


def temporary_beside(path: Path) -> Path:
    """A new, unused name for a temporary file in ``path``'s folder (nothing is created).

    >>> import pathlib
    >>> name = temporary_beside(pathlib.Path("out/t.db")).name
    >>> name.startswith(".t.db.") and name.endswith(".tmp")
    True
    """
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(6)}.tmp")


def replace_file(path: Path, data: bytes) -> None:
    r"""Write ``data`` to ``path`` through a temporary file beside it, then rename it.

    A reader never sees half a file, and a failed export leaves the old file in place.
    The file is created as ``open`` creates files, so the user's umask decides who may
    read it.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "x.csv"
    >>> replace_file(target, b"a\n"); replace_file(target, b"b\n")
    >>> target.read_bytes()
    b'b\n'
    """
    temporary = temporary_beside(path)
    try:
        with temporary.open("xb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
