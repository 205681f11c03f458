"""The whole pipeline, stage after stage: source_texts/ + topics.yml → Corpus."""
from __future__ import annotations

import collections
import hashlib
import pickle
from pathlib import Path

import jieba

from .config.taxonomy import load_taxonomy
from .extract.articles import ArticleSplitter, text_key
from .extract.cases import find_cases
from .extract.duplicates import band_keys_of, find_duplicates
from .extract.facets import FacetClassifier
from .extract.identity import assign_anchors, assign_slugs
from .extract.offtopic import find_off_topic
from .extract.sections import PointSplitter
from .extract.topics import TopicAssigner
from .ingest import Ingest, read_document, source_files, source_paths
from . import parallel
from .cache import Cache, digest
from .parallel import can_fork, cores
from .progress import current as progress
from .structure import Article, Corpus, Document, Skipped


def build_corpus(source_dir: Path, taxonomy_path: Path, cache: Path | None = None,
                 opened: list[Cache] | None = None) -> Corpus:
    """`cache`: a folder where each file's prepared articles are kept between builds; the
    Cache used is added to `opened`, for the build's account of damaged entries."""
    taxonomy = load_taxonomy(taxonomy_path)
    memo = SourceMemo(cache, taxonomy_path)
    if opened is not None:
        opened.append(memo.cache)
    prepare = _Preparer(taxonomy)
    documents: list[Document] = []
    skipped: list[Skipped] = []
    articles: list[Article] = []
    coverage_in_order: list[float] = []
    band_keys: dict[bytes, tuple[int, ...]] = {}
    paths = source_paths(source_dir)
    shown = progress()
    shown.begin("读取源文件", total=len(paths))
    outcomes = []
    for outcome in _prepared_files(source_dir, paths, memo, prepare):
        shown.tick()
        outcomes.append(outcome)
    outcomes = _with_glued_copies(outcomes, source_dir, paths, memo, prepare)
    for outcome in outcomes:
        if isinstance(outcome, Skipped):
            skipped.append(outcome)
            continue
        document, per_article, document_band_keys, _ = outcome
        documents.append(document)
        band_keys.update(document_band_keys)
        for article, coverage in per_article:
            articles.append(article)
            coverage_in_order.append(coverage)
    shown.begin("全库分析（重复、案例）")
    assign_slugs(articles, memo=memo.tables["slugs"])
    coverage = {article.slug: value for article, value in zip(articles, coverage_in_order)}
    merges = find_duplicates(articles, known=band_keys, similarities=memo.tables["jaccard"])
    off_topic = find_off_topic(articles, coverage, memo=memo.tables["word_counts"])
    cases = find_cases(articles, memo=memo.tables["names"])
    memo.save()
    return Corpus(documents=documents, articles=articles, skipped=skipped, taxonomy=taxonomy,
                  merges=merges, off_topic=off_topic, cases=cases)


def _prepared_files(source_dir: Path, paths: list, memo: "SourceMemo", prepare: "_Preparer"):
    """(document, its articles with their coverage, its band keys) of each source file in
    order, or its Skipped. A file the memo holds is taken from it; the others are prepared
    on every core when there are enough of them to pay for the processes (the files are
    independent: see _Preparer), each result pickled once, by the process that made it,
    for both the memo and this process."""
    files = source_files(source_dir, paths)
    if cores() < 2 or not can_fork() or len(paths) < PARALLEL_FROM_FILES:
        for name, data in files:
            yield data if isinstance(data, Skipped) else _from_memo_or(memo, name, data, prepare)
        return
    global _PREPARING
    _PREPARING = prepare
    jieba.dt.check_initialized()        # loaded once, before the fork, shared by the workers
    waiting: collections.deque = collections.deque()   # in file order: an outcome, or the key of one being made

    def batches():
        batch: list[tuple[str, bytes]] = []
        for name, data in files:
            held = data if isinstance(data, Skipped) else memo.get(name, data)
            if held is None:
                waiting.append(_source_key(name, data))
                batch.append((name, data))
                if len(batch) == PREPARE_BATCH:
                    yield (batch,)
                    batch = []
            else:
                waiting.append(held)
        if batch:
            yield (batch,)

    try:
        for made in parallel.pool_imap(_prepare_batch, batches(), cores()):
            for outcome in made:
                while not isinstance(waiting[0], bytes):
                    yield waiting.popleft()
                key = waiting.popleft()
                if isinstance(outcome, bytes):
                    memo.put_packed(key, outcome)
                    outcome = pickle.loads(outcome)
                yield outcome
        yield from waiting
    finally:
        _PREPARING = None


PARALLEL_FROM_FILES = 16      # source files to prepare before a second process pays for its start
PREPARE_BATCH = 4             # files a worker prepares per call
_PREPARING: "_Preparer | None" = None        # the workers' preparer, inherited by the fork


def _prepare_batch(batch: list[tuple[str, bytes]]) -> list:
    """In a worker: each file of the batch prepared and pickled, or its Skipped."""
    out = []
    for name, data in batch:
        outcome = _prepare_one(_PREPARING, name, data)
        out.append(outcome if isinstance(outcome, Skipped) else pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    return out


def _prepare_one(prepare: "_Preparer", name: str, data: bytes, known: dict | None = None):
    """(document, its articles with their coverage, its band keys, its articles' openings)."""
    document = read_document(prepare.reader, name, data)
    if isinstance(document, Skipped):
        return document
    per_article = prepare(document, known)
    return (document, per_article, band_keys_of([p for a, _ in per_article for p in a.paragraphs]),
            prepare.splitter.opened)


def _with_glued_copies(outcomes: list, source_dir: Path, paths: list, memo: "SourceMemo",
                       prepare: "_Preparer") -> list:
    """Each file is prepared on its own. A file with two lines that open an article of
    another file (and none of its own) may hold a copy of that article glued to one of its
    own: it is prepared again knowing those openings, so that the copy is an article of its
    own. What that makes is kept in the memo under the file and the openings it was given."""
    opened_by: dict[str, set[int]] = {}
    for number, outcome in enumerate(outcomes):
        if not isinstance(outcome, Skipped):
            for key in outcome[3]:
                opened_by.setdefault(key, set()).add(number)
    result = list(outcomes)
    for number, outcome in enumerate(outcomes):
        if isinstance(outcome, Skipped):
            continue
        document, _, _, own = outcome
        keys = [text_key(text) for _, text in document.paragraphs]
        known = {}
        for at, key in enumerate(keys):
            if key in own or key not in opened_by:
                continue
            others = sorted(opened_by[key] - {number})
            # the line and the one after it as another file's article opens: a salutation
            # ("同志们：") many articles open with is no copy
            for owner in others:
                opening = outcomes[owner][3][key]
                if len(opening) > 1 and keys[at + 1:at + 2] == opening[1:2]:
                    known.setdefault(key, opening)
                    break
        if not known:
            continue
        [(name, data)] = list(source_files(source_dir, [paths[number]]))
        if isinstance(data, Skipped):
            continue
        tag = name + "\0" + digest(repr(sorted(known.items()))).hex()
        again = memo.get(tag, data)
        if again is None:
            again = _prepare_one(prepare, name, data, known)
            if not isinstance(again, Skipped):
                memo.put(tag, data, again)
        result[number] = again
    return result


def _from_memo_or(memo: "SourceMemo", name: str, data: bytes, prepare: "_Preparer"):
    prepared = memo.get(name, data)
    if prepared is None:
        prepared = _prepare_one(prepare, name, data)
        if not isinstance(prepared, Skipped):
            memo.put(name, data, prepared)
    return prepared


class SourceMemo:
    """What the pipeline made of each source file, kept between builds.

    Reading a file (decoding, Traditional→Simplified, boilerplate, line repair) and cutting
    it into articles, paragraphs and classified points depends on nothing but the file, the
    rules and topics.yml. That result is kept per file, keyed by the file's name and bytes,
    in a cache made for this code, these rules and this taxonomy, so a build after one file
    changed prepares only that file again. Entries are pickled the moment they are made,
    before the corpus-wide stages (slugs, duplicates, cases) touch the objects. Beside them
    are the corpus-wide stages' own tables (see TABLES)."""

    NAME = "sources"
    TABLES = ("jaccard", "word_counts", "names", "slugs")

    def __init__(self, folder: Path | None, taxonomy_path: Path) -> None:
        version = digest(taxonomy_path.read_text(encoding="utf-8")) if taxonomy_path.is_file() else b""
        self.cache = Cache(folder, self.NAME, ("entries", *self.TABLES), version)
        self.entries = self.cache.tables["entries"]
        self.tables = {name: self.cache.tables[name] for name in self.TABLES}

    def get(self, name: str, data: bytes):
        key = _source_key(name, data)
        packed = self.entries.get(key)
        if packed is None:
            return None
        try:
            return pickle.loads(packed)
        except Exception:  # noqa: BLE001 - the file verified, so only a change of code gets here
            self.entries.used.pop(key, None)
            return None

    def put(self, name: str, data: bytes, value) -> None:
        if self.cache.folder is not None:
            self.entries.put(_source_key(name, data), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def put_packed(self, key: bytes, packed: bytes) -> None:
        """As put, for a value pickled already, under its _source_key."""
        if self.cache.folder is not None:
            self.entries.put(key, packed)

    def save(self) -> None:
        """Write the entries this build used."""
        self.cache.save()


def _source_key(name: str, data: bytes) -> bytes:
    return hashlib.blake2b(name.encode("utf-8", "surrogateescape") + b"\0" + data, digest_size=16).digest()


class _Preparer:
    """One document → its articles, anchored, cut into points, each point classified and
    given its topics; with each article, the share of its points that found a topic of the
    corpus's subject (Taxonomy.subject: not one of the genre's general topics), or 1.0 when
    the article's own title names one.
    Nothing here looks beyond the document, which is what lets memo.py keep it."""

    def __init__(self, taxonomy) -> None:
        self.reader = Ingest()
        self.splitter = ArticleSplitter()
        self.points = PointSplitter()
        self.facets = FacetClassifier()
        self.topics = TopicAssigner(taxonomy)
        self.subject = taxonomy.subject

    def __call__(self, document: Document, known: dict | None = None) -> list[tuple[Article, float]]:
        prepared = []
        for article in self.splitter.split(document, known):
            assign_anchors(article)
            article.points = self.points.points(article.sections)
            self.facets.classify(article)
            assigned = [not self.subject.isdisjoint(self.topics.assign(point)) for point in article.points]
            if not self.subject.isdisjoint(self.topics.scores(article.title)):
                coverage = 1.0        # its own title names a topic of the subject
            else:
                coverage = sum(assigned) / len(assigned) if assigned else 0.0
            prepared.append((article, coverage))
        return prepared
