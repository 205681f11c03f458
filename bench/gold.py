"""Gold sets and how the build is scored against them (bench/gold/*: texts + gold.yml).

A gold set is source files an annotator wrote or read, and what a careful reader says
of them: page furniture, facts that must survive, sentences split by page breaks,
article titles, every point with its facet, the places and units each article is about.
The scorers here compare the pipeline's output (the Corpus, and the built site's report)
with that. Text is compared after `norm`: no spaces, one width of punctuation, Simplified.

Sets: dev, dev2 and dev3 (written to develop against, by three different writers), heldout
… heldout12 (each written apart and measured blind once before its misses were read; see
PROVENANCE), seeds (the two default source files).
"""
from __future__ import annotations

import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))

GOLD = Path(__file__).resolve().parent / "gold"
SETS = {
    "dev": (GOLD / "dev" / "texts", GOLD / "dev" / "gold.yml"),
    "dev2": (GOLD / "dev2" / "texts", GOLD / "dev2" / "gold.yml"),
    "dev3": (GOLD / "dev3" / "texts", GOLD / "dev3" / "gold.yml"),
    "heldout": (GOLD / "heldout" / "texts", GOLD / "heldout" / "gold.yml"),
    "heldout2": (GOLD / "heldout2" / "texts", GOLD / "heldout2" / "gold.yml"),
    "heldout3": (GOLD / "heldout3" / "texts", GOLD / "heldout3" / "gold.yml"),
    "heldout4": (GOLD / "heldout4" / "texts", GOLD / "heldout4" / "gold.yml"),
    "heldout5": (GOLD / "heldout5" / "texts", GOLD / "heldout5" / "gold.yml"),
    "heldout6": (GOLD / "heldout6" / "texts", GOLD / "heldout6" / "gold.yml"),
    "heldout7": (GOLD / "heldout7" / "texts", GOLD / "heldout7" / "gold.yml"),
    "heldout8": (GOLD / "heldout8" / "texts", GOLD / "heldout8" / "gold.yml"),
    "heldout9": (GOLD / "heldout9" / "texts", GOLD / "heldout9" / "gold.yml"),
    "heldout10": (GOLD / "heldout10" / "texts", GOLD / "heldout10" / "gold.yml"),
    "heldout11": (GOLD / "heldout11" / "texts", GOLD / "heldout11" / "gold.yml"),
    "heldout12": (GOLD / "heldout12" / "texts", GOLD / "heldout12" / "gold.yml"),
    "heldout13": (GOLD / "heldout13" / "texts", GOLD / "heldout13" / "gold.yml"),
    "seeds": (ROOT / "source_texts", GOLD / "seeds.yml"),
}
FACETS = ("问题", "原因", "对策", "经验", "心得", "背景")
# What each set has been to the code: said under every table the benches write.
PROVENANCE = ("dev, dev2 and dev3 were written to develop against. heldout, heldout2, heldout3, heldout4, heldout5, "
              "heldout6, heldout7, heldout8, heldout9, heldout10, heldout11 and heldout12 were each written apart, by a writer who did not read the pipeline, and "
              "measured blind first (those figures are in the closing notes of their sessions, and for heldout5…heldout12 "
              "in their READMEs); their misses were read afterwards and fixed by class, so none of them is blind any more "
              "(heldout2 and heldout3 since 2026-12-02 for cleaning only, heldout4…heldout7 since 2026-12-02, heldout8, "
              "heldout9 and heldout10 since 2026-12-02 (a second session) for cleaning, titles, article splits and case names, heldout11 "
              "and heldout12 since 2026-12-02 (a third session) for cleaning, titles and article splits). heldout13, "
              "written apart the same way, was measured blind once and read since (2026-12-02, a fourth session) for "
              "formats, cleaning and titles. "
              "The seeds are the default corpus.")

_SPACE = re.compile(r"\s+")
_WIDTH = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "？": "?", "！": "!",
                        "【": "[", "】": "]", "“": '"', "”": '"', "‘": "'", "’": "'", "、": ","})
_REFERENCE = re.compile(r"^\s*[\[［〔]\s*\d{1,3}\s*[\]］〕]\s*\S.{0,200}[\[［]\s*[A-Z](?:/OL)?\s*[\]］]")


def norm(text: str) -> str:
    """What two renderings of one text share: NFKC, no spaces, one punctuation width."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", str(text)).translate(_WIDTH))


@dataclass
class GoldArticle:
    title: str
    alternatives: list[str]
    facts: list[str]
    points: list[tuple[str, str]]           # (facet, text)
    not_points: list[str]
    cases: list[dict]
    not_cases: list[str]


@dataclass
class GoldFile:
    name: str
    furniture: list[str]
    joins: list[str]
    metadata: dict
    articles: list[GoldArticle] = field(default_factory=list)


def load(set_name: str) -> tuple[Path, list[GoldFile]]:
    texts, gold_path = SETS[set_name]
    data = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    files = []
    for entry in data["files"]:
        articles = [GoldArticle(
            title=str(a.get("title", "")), alternatives=[str(x) for x in a.get("alternatives") or []],
            facts=[str(x) for x in a.get("facts") or []],
            points=[(p["facet"], str(p["text"])) for p in a.get("points") or []],
            not_points=[str(x) for x in a.get("not_points") or []],
            cases=list(a.get("cases") or []), not_cases=[str(x) for x in a.get("not_cases") or []])
            for a in entry.get("articles") or []]
        files.append(GoldFile(name=entry["file"], furniture=[str(x) for x in entry.get("furniture") or []],
                              joins=[str(x) for x in entry.get("joins") or []],
                              metadata=dict(entry.get("metadata") or {}), articles=articles))
    return texts, files


def source_name(name: str) -> str:
    """The name a gold file has among the sources: a Word spec (x.docx.yml) becomes x.docx."""
    return name[:-len(".yml")] if name.endswith(".docx.yml") else name


def materialise(set_name: str, out: Path) -> Path:
    """The set's source files in `out`, as an editor would drop them into source_texts/:
    Word specs (*.docx.yml) written as real .docx files with python-docx."""
    texts, _ = load(set_name)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for path in sorted(texts.iterdir()):
        if path.name.endswith(".docx.yml"):
            write_docx(yaml.safe_load(path.read_text(encoding="utf-8")), out / source_name(path.name))
        elif path.is_file():
            shutil.copy(path, out / path.name)
    return out


def write_docx(spec: dict, target: Path) -> None:
    """A .docx from a spec: header and footer text ({page} is the page number field) and
    paragraphs with Word's built-in styles, page breaks where asked."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    section = document.sections[0]
    if spec.get("header"):
        section.header.paragraphs[0].text = spec["header"]
    if spec.get("footer"):
        paragraph = section.footer.paragraphs[0]
        before, _, after = str(spec["footer"]).partition("{page}")
        paragraph.add_run(before)
        if "{page}" in str(spec["footer"]):
            run = paragraph.add_run()
            for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
                if kind:
                    element = OxmlElement("w:fldChar")
                    element.set(qn("w:fldCharType"), kind)
                else:
                    element = OxmlElement("w:instrText")
                    element.text = text
                run._r.append(element)
        paragraph.add_run(after)
    for item in spec.get("paragraphs") or []:
        if item.get("page_break"):
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            continue
        style = item.get("style", "Normal")
        document.add_paragraph(str(item.get("text", "")), style=style)
    document.save(target)


# --------------------------------------------------------------------------- scoring


@dataclass
class Counts:
    found: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, what: str) -> None:
        self.total += 1
        self.found += ok
        if not ok:
            self.misses.append(what)

    @property
    def ratio(self) -> float:
        return self.found / self.total if self.total else 1.0


def match_articles(gold: GoldFile, articles: list) -> list:
    """For each gold article, the system article of that file holding most of its facts
    (or None). Articles are matched in order, each at most once: a later copy of an
    earlier article is matched to the later system article."""
    texts = [(a, norm("".join(p.text for p in a.paragraphs) + a.title)) for a in articles]
    chosen: list = []
    last = -1
    for article in gold.articles:
        facts = [norm(f) for f in article.facts] + [norm(t) for _, t in article.points[:6]]
        best, best_key = None, (0, 0, 0)
        for position, (candidate, text) in enumerate(texts):
            hits = sum(1 for f in facts if f and f in text)
            key = (hits, candidate not in chosen, position > last)
            if hits and key > best_key:
                best, best_key = candidate, key
        chosen.append(best)
        if best is not None:
            last = next(i for i, (a, _) in enumerate(texts) if a is best)
    return chosen


def title_ok(gold: GoldArticle, title: str) -> bool:
    wanted = {norm(gold.title), *(norm(a) for a in gold.alternatives)}
    return norm(title) in wanted


def is_reference(text: str) -> bool:
    return bool(_REFERENCE.match(text)) or bool(re.match(r"^\s*[\[［]\s*(中图分类号|文献标识码|文章编号)", text))


WINDOW = 12


def same_text(gold: str, system: str) -> bool:
    """Whether a system point and a gold point (both `norm`ed) are the same text: one holds
    the other (a gold item cut into sentences, a sentence cut from a longer point), or holds
    twelve characters from either end of the gold text (a run-in heading kept apart)."""
    if not gold or not system:
        return False
    if (gold in system or (len(system) >= 6 and system in gold)
            or gold[:WINDOW] in system or gold[-WINDOW:] in system):
        return True
    # "创新联系方式。建立在外人士…": a run-in heading the build keeps apart as the item's
    # label, and a statement too short for the windows above to miss the full stop.
    head, stop, rest = gold.partition("。")
    return bool(stop) and len(head) <= 16 and len(rest) >= 8 and rest[:WINDOW] in system
