"""What the pipeline made of each source file, kept between builds.

Reading a file (decoding, Traditional→Simplified, boilerplate, line repair) and cutting
it into articles, paragraphs and classified points depends on nothing but the file, the
rules and topics.yml. That result is kept per file, keyed by the file's name and bytes
and by a fingerprint of the code, the rules and the taxonomy, so a build after one file
changed prepares only that file again. Entries are stored pickled the moment they are
made, before the corpus-wide stages (slugs, duplicates, cases) touch the objects.
Only the entries a build used are written back; a damaged file is ignored.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from pathlib import Path

FILE = "sources.pickle"
TABLES = ("jaccard", "word_counts", "names", "slugs")
_PACKAGE = Path(__file__).resolve().parent


def fingerprint(*files: Path) -> bytes:
    """The package's code and rules, and the given files (topics.yml)."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(_PACKAGE.rglob("*.py")) + sorted(_PACKAGE.rglob("*.yml")) + list(files):
        digest.update(str(path.relative_to(_PACKAGE) if path.is_relative_to(_PACKAGE) else path.name).encode())
        digest.update(b"\0" + (path.read_bytes() if path.is_file() else b"") + b"\1")
    return digest.digest()


class Table:
    """A value per key, kept between builds: what a build looked up or added is what the
    next build finds (the Jaccard of two paragraphs, a jieba cut, a prepared source)."""

    def __init__(self, stored: dict) -> None:
        self._stored = stored
        self.used: dict = {}

    def get(self, key):
        value = self.used.get(key)
        if value is None:
            value = self._stored.get(key)
            if value is not None:
                self.used[key] = value
        return value

    def put(self, key, value) -> None:
        self.used[key] = value


def digest(text: str) -> bytes:
    """The key of a text in a Table."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def read_pickle(path: Path):
    """What write_pickle wrote, or None for a missing, damaged or foreign file."""
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - a cache that cannot be read is started again
        return None


def write_pickle(path: Path, value) -> None:
    """Replace path with value pickled, in one rename; a failure to write only costs the
    next build time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
            # No memo of every object written: the tables hold no shared or self-referring
            # objects, and the memo of a large corpus's tables was the build's peak of memory.
            pickler.fast = True
            pickler.dump(value)
        os.replace(temporary, path)
    except OSError as error:
        logging.getLogger("mkdocs.plugins.practice_kb").warning("缓存未写入（%s）：下次构建会慢一些", error)


class TableFile:
    """Named Tables kept in one file of the cache folder, for a stage after build_corpus
    (the search vocabulary); its version is the fingerprint of the code and the rules."""

    def __init__(self, folder: Path | None, name: str, tables: tuple[str, ...]) -> None:
        self.path = folder / name if folder is not None else None
        self.version = fingerprint()
        stored = read_pickle(self.path) if self.path is not None else None
        if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == self.version
                and isinstance(stored[1], dict)):
            stored = (self.version, {})
        self.tables = {table: Table(stored[1].get(table, {})) for table in tables}

    def save(self) -> None:
        """Write the entries this build used."""
        if self.path is not None:
            write_pickle(self.path, (self.version, {name: table.used for name, table in self.tables.items()}))


class SourceMemo:
    def __init__(self, folder: Path | None, version: bytes) -> None:
        self.folder = folder
        self.version = version
        stored = read_pickle(folder / FILE) if folder is not None else None
        if not (isinstance(stored, tuple) and len(stored) == 3 and stored[0] == version
                and isinstance(stored[1], dict) and isinstance(stored[2], dict)):
            stored = (version, {}, {})
        self.entries = Table(stored[1])                # source key → prepared articles, pickled
        self.tables = {name: Table(stored[2].get(name, {})) for name in TABLES}

    def get(self, name: str, data: bytes):
        key = _key(name, data)
        packed = self.entries.get(key)
        if packed is None:
            return None
        try:
            return pickle.loads(packed)
        except Exception:  # noqa: BLE001 - a damaged entry is prepared again
            self.entries.used.pop(key, None)
            return None

    def put(self, name: str, data: bytes, value) -> None:
        if self.folder is not None:
            self.entries.put(_key(name, data), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def save(self) -> None:
        """Write the entries this build used."""
        if self.folder is not None:
            tables = {name: table.used for name, table in self.tables.items()}
            write_pickle(self.folder / FILE, (self.version, self.entries.used, tables))


def _key(name: str, data: bytes) -> bytes:
    return hashlib.blake2b(name.encode("utf-8", "surrogateescape") + b"\0" + data, digest_size=16).digest()
