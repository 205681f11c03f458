"""What a build learns, kept between builds for the next one: one class, one rule of validity.

A `Cache` is one file of the cache folder holding named `Table`s (key → value). The file
is a header line — the format, the cache's name, the version it was made for (a
fingerprint of the code and rules, and of what the caller adds), the length and digest
of the rest — then the tables, pickled. The digest is checked before anything is
unpickled: a file that does not verify is damaged, one made for another name or version
is stale; either way it is ignored and its entries are made again. Only the entries a
build used are written back, in one rename, so the file never outgrows the corpus.

Values too large to hold in one file (the theme's output of every page) are kept as
blobs: files of their own named by the digest of their content, so a blob that does
not hash to its name is damaged and is not used. A table then holds the digests.

The cache folder can be deleted at any time; the next build is then a cold one."""
from __future__ import annotations

import hashlib
import logging
import mmap
import os
import pickle
import tempfile
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.practice_kb")

FORMAT = "practice-kb-cache/1"
_PACKAGE = Path(__file__).resolve().parent


def fingerprint(*files: Path) -> bytes:
    """The package's code, rules and trained model, and the given files (topics.yml)."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(_PACKAGE.rglob("*.py")) + sorted(_PACKAGE.rglob("*.yml")) + sorted(_PACKAGE.rglob("*.json")) \
            + list(files):
        digest.update(str(path.relative_to(_PACKAGE) if path.is_relative_to(_PACKAGE) else path.name).encode())
        digest.update(b"\0" + (path.read_bytes() if path.is_file() else b"") + b"\1")
    return digest.digest()


def digest(text: str) -> bytes:
    """The key of a text in a Table."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class Table:
    """A value per key: what a build looked up or added is what the next build finds."""

    def __init__(self, stored: dict | None = None) -> None:
        self._stored = stored or {}
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

    def __contains__(self, key) -> bool:
        return key in self.used or key in self._stored

    def forget_stored(self) -> None:
        """Let go of the entries this build did not use (their memory, not the file)."""
        self._stored = {}


class Cache:
    """Named tables in `<folder>/<name>`; with no folder, tables that live for the build."""

    def __init__(self, folder: Path | None, name: str, tables: tuple[str, ...], version: bytes = b"") -> None:
        self.folder = folder
        self.name = name
        self.version = (fingerprint() + version).hex()
        self.damaged = 0          # files and blobs ignored because they did not verify
        self.state = "none"       # none (no folder) | missing | stale | damaged | valid
        stored = self._read() if folder is not None else {}
        self.tables = {table: Table(stored.get(table)) for table in tables}

    # ----------------------------------------------------------------- the tables' file

    @property
    def path(self) -> Path | None:
        return self.folder / self.name if self.folder is not None else None

    def _header(self, length: int, payload_digest: str) -> bytes:
        # Of one length whatever the payload: written first as a placeholder, then filled in.
        return f"{FORMAT} {self.name} {self.version} {length:020d} {payload_digest}\n".encode("ascii")

    def _read(self) -> dict:
        try:
            with open(self.path, "rb") as handle:
                header = handle.readline(512)
                try:
                    fields = header.decode("ascii").split()
                except UnicodeDecodeError:
                    fields = []
                if len(fields) != 5 or fields[0] != FORMAT:
                    return self._ignored("damaged")
                if fields[1] != self.name:
                    return self._ignored("damaged")       # another cache's file in its place
                if fields[2] != self.version:
                    self.state = "stale"                  # made by other code or rules
                    return {}
                length = int(fields[3]) if fields[3].isdigit() else -1
                size = os.fstat(handle.fileno()).st_size - len(header)
                if length != size or length <= 0:
                    return self._ignored("damaged")
                with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
                    payload = memoryview(mapped)[len(header):]
                    try:
                        if hashlib.blake2b(payload, digest_size=20).hexdigest() != fields[4]:
                            return self._ignored("damaged")
                        stored = pickle.loads(payload)
                    finally:
                        payload.release()
        except FileNotFoundError:
            self.state = "missing"
            return {}
        except Exception:  # noqa: BLE001 - a file that verifies but cannot be read is damaged too
            return self._ignored("damaged")
        if not isinstance(stored, dict):
            return self._ignored("damaged")
        self.state = "valid"
        return stored

    def _ignored(self, state: str) -> dict:
        self.state = state
        self.damaged += 1
        log.warning("缓存文件 %s 已损坏，已忽略（其内容将重新计算）", self.path)
        return {}

    def save(self) -> None:
        """Write the entries this build used, in one rename; a failure to write only costs
        the next build time."""
        if self.folder is None:
            return
        tables = {name: table.used for name, table in self.tables.items()}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{self.name}.", suffix=".tmp")
            try:
                with os.fdopen(handle, "w+b") as out:
                    out.write(self._header(0, "0" * 40))
                    hashed = _Hashing(out)
                    pickler = pickle.Pickler(hashed, protocol=pickle.HIGHEST_PROTOCOL)
                    # No memo of every object written: the tables hold no shared or
                    # self-referring objects, and the memo of a large corpus's tables was
                    # the build's peak of memory.
                    pickler.fast = True
                    pickler.dump(tables)
                    out.seek(0)
                    out.write(self._header(hashed.length, hashed.hexdigest()))
                os.replace(temporary, self.path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            log.warning("缓存未写入（%s）：下次构建会慢一些", error)

    # ----------------------------------------------------------------------- blobs

    @property
    def blob_folder(self) -> Path | None:
        return self.folder / f"{self.name}.blobs" if self.folder is not None else None

    def blob_path(self, key: str) -> Path:
        return self.blob_folder / key[:2] / key

    def put_blob(self, data: bytes) -> str | None:
        """Keep data as a blob; its key (the digest of data), or None where it could not be
        written (which only costs the next build a render)."""
        if self.folder is None:
            return None
        key = hashlib.blake2b(data, digest_size=20).hexdigest()
        path = self.blob_path(key)
        if path.is_file():
            return key
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{key}.{os.getpid()}.tmp")
            temporary.write_bytes(data)
            os.replace(temporary, path)
        except OSError:
            return None
        return key

    def blob(self, key: str) -> bytes | None:
        """The blob's bytes if it is there and hashes to its key; a blob that does not is
        removed and counted as damaged."""
        if self.folder is None:
            return None
        path = self.blob_path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if hashlib.blake2b(data, digest_size=20).hexdigest() != key:
            self.damaged += 1
            log.warning("缓存文件 %s 已损坏，已忽略（其内容将重新计算）", path)
            path.unlink(missing_ok=True)
            return None
        return data

    def prune_blobs(self, keep: set[str]) -> None:
        """Remove the blobs no entry refers to any more (and any left half-written)."""
        if self.blob_folder is None or not self.blob_folder.is_dir():
            return
        for path in self.blob_folder.rglob("*"):
            if path.is_file() and path.name not in keep:
                path.unlink(missing_ok=True)


class _Hashing:
    """A file that also hashes what is written to it, and counts it."""

    def __init__(self, out) -> None:
        self.out = out
        self.hash = hashlib.blake2b(digest_size=20)
        self.length = 0

    def write(self, data) -> int:
        self.hash.update(data)
        self.length += len(data)
        return self.out.write(data)

    def hexdigest(self) -> str:
        return self.hash.hexdigest()

