#!/usr/bin/env python3
"""Corpus generator for the scale benchmark: N articles that look like the seed corpus.

Reads the seed files (default: source_texts/) with the project's own ingest and article
splitter, then writes files that look like them: a collection title ("…(精选N篇)"), page
furniture taken from the seeds, several articles per file under "… 篇N" headings, the
seeds' numbered section headings, and paragraphs rebuilt from the seeds' sentences —
kept, recombined clause by clause, replaced, dropped, reordered, with a few characters
swapped, inserted or deleted and figures changed. Place names found in the seeds are
replaced by invented ones (syllables from bench/places.yml); some files are converted to
Traditional with OpenCC (s2tw), some saved as GB18030, some articles repeated.

For timing, not for quality: the text reads like the seeds, word for word, but does not
make sense as a whole. The same seed and arguments give the same files.

    .venv/bin/python bench/corpus.py --articles 1000 --out /tmp/corpus1000 [--seed 7]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PLACES = Path(__file__).resolve().parent / "places.yml"
MANIFEST = "_manifest.json"          # not .txt/.md: the build never reads it
# The ingest stage reads a line over 40 characters with no closing punctuation (and one
# over 20 without punctuation at all) as a sentence cut by a page break, and joins the
# next line to it: keep "<title> 篇N" lines and the title lines after "<collection> 篇N"
# short enough to stay lines of their own.
TITLE_MAX = 34
TITLE_LINE_MAX = 20

_SENTENCE = re.compile(r"[^。！？；!?;]+[。！？；!?;]*")
_CLAUSE = re.compile(r"[，,]")
_END = re.compile(r"[。！？；!?;]+$")
_ENDS = re.compile(r"[。！？!?；;：:…”’」』）)\].．]$")   # a line ending otherwise reads as cut by a page break
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NUMBER = re.compile(r"\d+")
_COLLECTION = re.compile(r"\s*(?:[(（][^()（）]*篇[)）]|\d{1,3}\s*篇)\s*$")
_PUNCT = re.compile(r"[。！？；，,;:：!?、]")
# Removed text that is not a whole furniture line of its own.
_NOT_FURNITURE = {"重复标题", "标题连写", "空括号"}


# --------------------------------------------------------------------------- seeds

@dataclass
class SeedArticle:
    title: str
    collection: str                                  # its file's collection title, without "(精选N篇)"
    paragraphs: list[tuple[str, str, str]]           # (kind "heading"/"text", label, text)


@dataclass
class Seeds:
    articles: list[SeedArticle] = field(default_factory=list)
    collections: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    clauses: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)     # place name as written → kind key
    stems: dict[str, str] = field(default_factory=dict)     # stem → its place name
    head_furniture: list[str] = field(default_factory=list)
    tail_furniture: list[str] = field(default_factory=list)


def read_seeds(directory: Path, suffixes: dict[str, list[str]]) -> Seeds:
    """The seed articles as the project reads them (Simplified, cleaned, split), the places
    they name (found by the project's case recogniser, not listed anywhere) and the page
    furniture the ingest stage removed."""
    from practice_kb.extract.articles import ArticleSplitter
    from practice_kb.extract.names import NameRecogniser
    from practice_kb.ingest import ingest

    documents, _ = ingest(directory)
    if not documents:
        raise SystemExit(f"no readable seed files in {directory}")
    splitter, finder = ArticleSplitter(), NameRecogniser()
    by_suffix = sorted(((s, kind) for kind, ss in suffixes.items() for s in ss), key=lambda x: -len(x[0]))
    seeds = Seeds()
    for document in documents:
        collection = _COLLECTION.sub("", document.title).strip() or "工作总结"
        if collection not in seeds.collections:
            seeds.collections.append(collection)
        articles = splitter.split(document)
        first_line = min((p.line for a in articles for p in a.paragraphs), default=0)
        for removed in document.removed:
            if removed.rule in _NOT_FURNITURE or len(removed.text) < 4:
                continue
            target = seeds.head_furniture if removed.line < first_line else seeds.tail_furniture
            if removed.text not in target:
                target.append(removed.text)
        for article in articles:
            paragraphs = [(p.kind, p.label if p.kind == "heading" else "", p.text) for p in article.paragraphs]
            if not any(kind == "text" for kind, _, _ in paragraphs):
                continue
            seeds.articles.append(SeedArticle(article.title, collection, paragraphs))
            for text in [article.title] + [t for _, _, t in paragraphs]:
                for name in finder.recognise(text):
                    kind = next((k for s, k in by_suffix if name.name.endswith(s)), None)
                    if kind is None:
                        continue                       # a department: left as it is
                    seeds.names.setdefault(name.name, kind)
                    if kind not in ("university", "college") and len(name.stem) >= 2:
                        seeds.stems.setdefault(name.stem, name.name)
            for kind, _, text in paragraphs:
                if kind != "text":
                    continue
                for sentence in _SENTENCE.findall(text):
                    if len(_HAN.findall(sentence)) >= 6:
                        seeds.sentences.append(sentence)
                        seeds.clauses += [c for c in _CLAUSE.split(_END.sub("", sentence))
                                          if len(_HAN.findall(c)) >= 3]
    if not seeds.articles or not seeds.sentences:
        raise SystemExit(f"the seed files in {directory} hold no articles with text")
    return seeds


# --------------------------------------------------------------------------- places

class Places:
    """Invented place names by kind, never one of the seeds' names."""

    def __init__(self, data: dict, articles: int, rng: random.Random, taken: set[str]):
        syllables = data["syllables"]
        self.suffixes: dict[str, list[str]] = data["suffixes"]
        self.pool: dict[str, list[tuple[str, str]]] = {}
        used_stems = set(taken)
        for kind in self.suffixes:
            count = max(int(data.get("minimum", 3)),
                        round(data["per_hundred_articles"].get(kind, 5) * articles / 100))
            names: list[tuple[str, str]] = []
            attempts = 0
            while len(names) < count and attempts < count * 50:
                attempts += 1
                stem = rng.choice(syllables["first"]) + rng.choice(syllables["second"])
                if rng.random() < syllables.get("three_share", 0.2):
                    stem += rng.choice(syllables["second"])
                if stem in used_stems or stem[0] == stem[1]:
                    continue
                used_stems.add(stem)
                names.append((stem, rng.choice(self.suffixes[kind])))
            self.pool[kind] = names

    def pick(self, kind: str, rng: random.Random) -> tuple[str, str]:
        return rng.choice(self.pool[kind])


# --------------------------------------------------------------------------- generator

@dataclass
class Article:
    title: str
    collection: str
    paragraphs: list[tuple[str, str, str]]
    copy_of: int | None = None


class Generator:
    def __init__(self, seeds: Seeds, data: dict, articles: int, seed: int):
        self.seeds = seeds
        self.data = data
        self.rng = random.Random(seed)
        taken = set(seeds.stems) | {name for name in seeds.names}
        self.places = Places(data, articles, self.rng, taken)
        names = sorted(set(seeds.names) | set(seeds.stems), key=lambda n: (-len(n), n))
        self.seed_names = re.compile("|".join(map(re.escape, names))) if names else None

    # ------------------------------------------------------------ one article

    def article(self) -> Article:
        rng = self.rng
        template = rng.choice(self.seeds.articles)
        mapping: dict[str, str] = {}
        paragraphs: list[tuple[str, str, str]] = []
        run: list[tuple[str, str, str]] = []

        def flush() -> None:
            if len(run) > 1 and rng.random() < 0.5:
                rng.shuffle(run)
            paragraphs.extend(run)
            run.clear()

        for kind, label, text in template.paragraphs:
            if kind == "heading":
                flush()
                paragraphs.append((kind, label, text))
            else:
                run.append((kind, "", self.paragraph(text)))
        flush()
        if rng.random() < self.data.get("intro_share", 0.6):
            index = next(i for i, p in enumerate(paragraphs) if p[0] == "text")
            kind, label, text = paragraphs[index]
            paragraphs[index] = (kind, label, self.intro() + text)
        paragraphs = [(kind, label, self.rename(text, mapping)) for kind, label, text in paragraphs]
        return Article(self.rename(self.title(template.title), mapping), template.collection, paragraphs)

    def paragraph(self, text: str) -> str:
        rng, pool = self.rng, self.seeds.sentences
        out: list[str] = []
        for sentence in _SENTENCE.findall(text):
            roll = rng.random()
            if roll < 0.45:
                out.append(sentence)
            elif roll < 0.75:
                out.append(self.recombine(sentence))
            elif roll < 0.9:
                out.append(rng.choice(pool))
        if rng.random() < 0.3 or not out:
            out.insert(rng.randint(0, len(out)), rng.choice(pool))
        if len(out) > 2 and rng.random() < 0.5:
            i = rng.randrange(len(out) - 1)
            out[i], out[i + 1] = out[i + 1], out[i]
        text = _NUMBER.sub(self.figure, "".join(out))
        for _ in range(rng.randint(1, 3)):     # never a verbatim copy of a seed paragraph
            text = self.perturb(text)
        return text if _ENDS.search(text) else text + "。"

    def recombine(self, sentence: str) -> str:
        """The sentence with one or two of its clauses swapped for clauses of other sentences."""
        end = _END.search(sentence)
        comma = _CLAUSE.search(sentence)
        clauses = _CLAUSE.split(_END.sub("", sentence))
        for _ in range(self.rng.randint(1, 2)):
            clauses[self.rng.randrange(len(clauses))] = self.rng.choice(self.seeds.clauses)
        return (comma.group() if comma else "，").join(c for c in clauses if c) + (end.group() if end else "。")

    def perturb(self, text: str) -> str:
        """Swap two neighbouring Han characters, delete one, or repeat one elsewhere."""
        rng = self.rng
        positions = [m.start() for m in _HAN.finditer(text)]
        if len(positions) < 4:
            return text
        i = rng.choice(positions[:-1])
        op = rng.randrange(3)
        if op == 0 and _HAN.match(text, i + 1):
            return text[:i] + text[i + 1] + text[i] + text[i + 2:]
        if op == 1:
            return text[:i] + text[i + 1:]
        return text[:i] + text[rng.choice(positions)] + text[i:]

    def figure(self, match: re.Match) -> str:
        digits = match.group()
        if self.rng.random() < 0.5:
            return digits
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return str(self.rng.randint(2010, 2024))
        low = 10 ** (len(digits) - 1) if len(digits) > 1 else 1
        return str(self.rng.randint(low, 10 ** len(digits) - 1))

    def intro(self) -> str:
        rng, data = self.rng, self.data
        values = {kind: "".join(self.places.pick(kind, rng)) for kind in self.places.pool}
        return rng.choice(data["intros"]).format(direction=rng.choice(data["directions"]),
                                                 n=rng.randint(5, 30), m=rng.randint(10, 120), **values)

    def title(self, title: str) -> str:
        """A place or a year before the title, a tail after it; never longer than
        TITLE_MAX (a longer "… 篇N" line reads as a sentence cut by a page break)."""
        rng, variants = self.rng, self.data["title_variants"]
        varied = title
        if rng.random() < variants["place_share"]:
            varied = "".join(self.places.pick(rng.choice(["county", "town", "district"]), rng)) + varied
        elif rng.random() < variants["year_share"]:
            varied = f"{rng.choice(variants['years'])}年{varied}"
        if rng.random() < variants["tail_share"] and not _PUNCT.search(varied[-2:]):
            varied += rng.choice(variants["tails"])
        return varied if len(varied) <= TITLE_MAX else title

    def rename(self, text: str, mapping: dict[str, str]) -> str:
        """Every seed place name (or its stem) → an invented one, the same within an article."""
        if self.seed_names is None:
            return text

        def new(match: re.Match) -> str:
            old = match.group()
            full = self.seeds.stems.get(old, old)
            if full not in mapping:
                stem, suffix = self.places.pick(self.seeds.names[full], self.rng)
                mapping[full] = stem + suffix
                mapping["stem:" + full] = stem
            return mapping[full] if old == full else mapping["stem:" + full]
        return self.seed_names.sub(new, text)

    # ------------------------------------------------------------ the corpus

    def corpus(self, total: int, per_file: tuple[int, int], duplicate_share: float) -> list[list[Article]]:
        rng = self.rng
        written: list[Article] = []
        files: list[list[Article]] = []
        while len(written) < total:
            count = min(rng.randint(*per_file), total - len(written))
            group: list[Article] = []
            for _ in range(count):
                if written and rng.random() < duplicate_share:
                    index = rng.randrange(len(written))
                    original = written[index]
                    paragraphs = [(k, l, self.perturb(t) if k == "text" and rng.random() < 0.1 else t)
                                  for k, l, t in original.paragraphs]
                    article = Article(original.title, original.collection, paragraphs, copy_of=index)
                else:
                    article = self.article()
                group.append(article)
                written.append(article)
            files.append(group)
        return files

    def render(self, group: list[Article]) -> str:
        """One file: furniture, collection title, then every article under its 篇N heading."""
        rng = self.rng
        collection = group[0].collection
        if rng.random() < 0.3:
            collection = "".join(self.places.pick("county", rng)) + collection
        style = rng.choice(["(精选{n}篇)", "（精选{n}篇）", "(通用{n}篇)", "{n}篇"])
        lines: list[str] = []
        if self.seeds.head_furniture and rng.random() < 0.7:
            lines.append(rng.choice(self.seeds.head_furniture))
        if rng.random() < 0.5:
            lines += [collection, rng.choice(self.seeds.head_furniture) if self.seeds.head_furniture else ""]
        lines.append(collection + style.format(n=len(group)))
        for number, article in enumerate(group, 1):
            title_like = len(article.title) <= TITLE_LINE_MAX and not _PUNCT.search(article.title)
            if title_like and rng.random() < 0.5:
                lines += [f"{collection} 篇{number}", article.title]
            else:
                lines.append(f"{article.title} 篇{number}")
            lines += [label + text for _, label, text in article.paragraphs]
        if self.seeds.tail_furniture and rng.random() < 0.5:
            lines.append(rng.choice(self.seeds.tail_furniture))
        return "\n\n".join(line for line in lines if line) + "\n"


def generate(articles: int, out: Path, seed: int = 1, sources: Path = ROOT / "source_texts",
             places: Path = PLACES, per_file: tuple[int, int] = (5, 10), traditional_share: float = 0.2,
             gb18030_share: float = 0.1, duplicate_share: float = 0.05, force: bool = False) -> dict:
    """Write the corpus into out/ and return its manifest (also written to out/_manifest.json)."""
    import opencc

    data = yaml.safe_load(places.read_text(encoding="utf-8"))
    seeds = read_seeds(sources, data["suffixes"])
    if out.exists() and any(out.iterdir()):
        if not force:
            raise SystemExit(f"{out} is not empty (use --force to replace what is in it)")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    generator = Generator(seeds, data, articles, seed)
    converter = opencc.OpenCC("s2tw")
    files = []
    for number, group in enumerate(generator.corpus(articles, per_file, duplicate_share)):
        text = generator.render(group)
        traditional = generator.rng.random() < traditional_share
        if traditional:
            text = converter.convert(text)
        encoding = "gb18030" if generator.rng.random() < gb18030_share else "utf-8"
        name = f"{number:05d}_{generator.rng.getrandbits(64):016x}.txt"
        (out / name).write_bytes(text.encode(encoding))
        files.append({"name": name, "articles": len(group), "traditional": traditional,
                      "encoding": encoding, "duplicates": sum(a.copy_of is not None for a in group),
                      "bytes": (out / name).stat().st_size})
    manifest = {"articles": articles, "seed": seed, "files": files,
                "bytes": sum(f["bytes"] for f in files),
                "duplicates": sum(f["duplicates"] for f in files),
                "traditional_files": sum(f["traditional"] for f in files),
                "seed_articles": len(seeds.articles), "seed_place_names": len(seeds.names),
                "invented_places": sum(len(v) for v in generator.places.pool.values())}
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def edit_one(corpus: Path, seed: int = 1) -> tuple[str, str, str]:
    """Change one paragraph of one Simplified UTF-8 file, as an editor would: returns
    (file name, the paragraph before, after)."""
    rng = random.Random(seed)
    manifest = json.loads((corpus / MANIFEST).read_text(encoding="utf-8"))
    candidates = [f["name"] for f in manifest["files"] if not f["traditional"] and f["encoding"] == "utf-8"]
    name = rng.choice(candidates or [f["name"] for f in manifest["files"]])
    path = corpus / name
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    long = [i for i, line in enumerate(lines) if len(line) >= 60 and _END.search(line)]
    index = rng.choice(long)
    before = lines[index]
    sentences = _SENTENCE.findall(before)
    after = "".join(sentences[1:] + sentences[:1]) if len(sentences) > 1 else before[1:] + before[0]
    after = "经过复核，" + after
    lines[index] = after
    path.write_text("\n".join(lines), encoding="utf-8")
    return name, before, after


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, required=True, help="how many articles (e.g. 100, 1000, 10000)")
    parser.add_argument("--out", required=True, help="folder to write the .txt files into")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sources", default=str(ROOT / "source_texts"), help="the seed corpus")
    parser.add_argument("--places", default=str(PLACES))
    parser.add_argument("--per-file", default="5,10", help="articles per file, min,max")
    parser.add_argument("--traditional", type=float, default=0.2, help="share of files in Traditional")
    parser.add_argument("--gb18030", type=float, default=0.1, help="share of files saved as GB18030")
    parser.add_argument("--duplicates", type=float, default=0.05, help="share of articles that repeat one")
    parser.add_argument("--force", action="store_true", help="replace what --out holds")
    args = parser.parse_args()
    low, high = (int(x) for x in args.per_file.split(","))
    manifest = generate(args.articles, Path(args.out), args.seed, Path(args.sources), Path(args.places),
                        (low, high), args.traditional, args.gb18030, args.duplicates, args.force)
    print(f"{manifest['articles']} articles in {len(manifest['files'])} files, "
          f"{manifest['bytes'] / 1024 / 1024:.1f} MB, {manifest['traditional_files']} files Traditional, "
          f"{manifest['duplicates']} repeated articles → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
