"""jieba's cuts, once per text, remembered between builds.

Cutting Chinese is most of a build's work, and every stage that needs words asks for the
same cut of the same paragraph. The cuts are kept by the text's hash in one file under
the cache folder (see plugin option `cache`), so a rebuild after one source changed cuts
only that source's text again. Only the cuts used by a build are written back, so the
file never outgrows the corpus. Without a cache folder the memo lives for the build.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from pathlib import Path

import jieba
import jieba.posseg as posseg

jieba.setLogLevel(logging.WARNING)

VERSION = 1          # bump when what is stored changes meaning (another jieba, other options)
FILE = "jieba-cuts.pickle"


class Cuts:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._stored: dict[tuple[str, bytes], tuple] = {}
        self._used: dict[tuple[str, bytes], tuple] = {}
        if folder is not None:
            self._stored = _load(folder / FILE)

    def words(self, text: str) -> tuple[str, ...]:
        """jieba.lcut (accurate mode, HMM on): what the off-topic and vocabulary stages count."""
        return self._get("w", text, lambda: tuple(jieba.lcut(text)))

    def tagged(self, text: str) -> tuple[tuple[str, str], ...]:
        """jieba.posseg: (word, part-of-speech tag) pairs, for recognising names."""
        return self._get("t", text, lambda: tuple((p.word, p.flag) for p in posseg.cut(text)))

    def _get(self, kind: str, text: str, cut):
        key = (kind, hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest())
        value = self._used.get(key)
        if value is None:
            value = self._stored.get(key)
            if value is None:
                value = cut()
            self._used[key] = value
        return value

    def save(self) -> None:
        """Write the cuts this build used; a failure to write only costs the next build time."""
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                pickle.dump((VERSION, jieba.__version__, self._used), out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.folder / FILE)
        except OSError as error:
            logging.getLogger("mkdocs.plugins.practice_kb").warning("缓存未写入（%s）：下次构建会慢一些", error)


def _load(path: Path) -> dict:
    try:
        with open(path, "rb") as handle:
            version, jieba_version, stored = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        return {}
    return stored if version == VERSION and jieba_version == jieba.__version__ else {}


# The memo the stages use; the plugin swaps in one backed by the cache folder per build.
_current = Cuts()


def current() -> Cuts:
    return _current


def use(cuts: Cuts) -> Cuts:
    global _current
    _current = cuts
    return cuts
