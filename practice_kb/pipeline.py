"""The whole pipeline, stage after stage: source_texts/ + topics.yml → Corpus."""
from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from .config.taxonomy import load_taxonomy
from .extract.articles import ArticleSplitter
from .extract.cases import find_cases
from .extract.duplicates import band_keys_of, find_duplicates
from .extract.facets import FacetClassifier
from .extract.identity import assign_anchors, assign_slugs
from .extract.offtopic import find_off_topic
from .extract.sections import PointSplitter
from .extract.topics import TopicAssigner
from .ingest import Ingest, read_document, source_files, source_paths
from .cache import Cache, digest
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
    for name, data in source_files(source_dir, paths):
        shown.tick()
        if isinstance(data, Skipped):
            skipped.append(data)
            continue
        prepared = memo.get(name, data)
        if prepared is None:
            document = read_document(prepare.reader, name, data)
            if isinstance(document, Skipped):
                skipped.append(document)
                continue
            per_article = prepare(document)
            prepared = (document, per_article, band_keys_of([p for a, _ in per_article for p in a.paragraphs]))
            memo.put(name, data, prepared)
        document, per_article, document_band_keys = prepared
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

    def __call__(self, document: Document) -> list[tuple[Article, float]]:
        prepared = []
        for article in self.splitter.split(document):
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
