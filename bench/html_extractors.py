#!/usr/bin/env python3
"""Which main-content extractor reads saved web pages best: trafilatura or jusText.

On the saved pages (.html) of the gold sets (bench/gold.py), each extractor's text is
scored against the page's gold annotations: the share of the article's facts it keeps
whole, and the share of the page's furniture lines it lets through. jusText has no
Chinese stop-word list; it is run with none (its length and link-density rules alone)
and with the most frequent words of jieba's dictionary as the list.

    .venv/bin/python bench/html_extractors.py [--sets dev,dev2]  → bench/results/html_extractors.md
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from gold import SETS, load, norm

RESULTS = Path(__file__).resolve().parent / "results"


def trafilatura_text(html: str) -> str:
    import trafilatura
    return trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True,
                               deduplicate=False) or ""


def justext_text(html: str, stoplist: frozenset) -> str:
    import justext
    paragraphs = justext.justext(html.encode("utf-8"), stoplist, stopwords_low=0.0 if not stoplist else 0.02,
                                 stopwords_high=0.0 if not stoplist else 0.04, length_low=10, length_high=40)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def jieba_stoplist(size: int = 300) -> frozenset:
    import jieba
    path = os.path.join(os.path.dirname(jieba.__file__), "dict.txt")
    words = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word, frequency, *_ = line.split()
            words.append((int(frequency), word))
    return frozenset(w for _, w in sorted(words, reverse=True)[:size])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="dev,dev2")
    args = parser.parse_args()
    stoplist = jieba_stoplist()
    extractors = {
        "trafilatura": trafilatura_text,
        "jusText (no stop words)": lambda html: justext_text(html, frozenset()),
        "jusText (jieba's 300 commonest words)": lambda html: justext_text(html, stoplist),
    }
    scores = {name: {"facts": [0, 0], "furniture": [0, 0]} for name in extractors}
    pages = 0
    for set_name in args.sets.split(","):
        if set_name not in SETS or not SETS[set_name][1].is_file():
            continue
        texts, files = load(set_name)
        for gold in files:
            if not gold.name.endswith((".html", ".htm")):
                continue
            pages += 1
            raw = (texts / gold.name).read_bytes().decode("utf-8", errors="replace")
            facts = [norm(f) for a in gold.articles for f in a.facts]
            furniture = [norm(f) for f in gold.furniture if len(norm(f)) >= 4]
            for name, extract in extractors.items():
                text = norm(extract(raw))
                scores[name]["facts"][0] += sum(1 for f in facts if f in text)
                scores[name]["facts"][1] += len(facts)
                scores[name]["furniture"][0] += sum(1 for f in furniture if f in text)
                scores[name]["furniture"][1] += len(furniture)
    lines = ["# Main-content extraction from saved web pages: trafilatura vs jusText", "",
             f"Produced by `bench/html_extractors.py` on {pages} saved pages of the gold sets ({args.sets}).", "",
             "| Extractor | facts kept | furniture lines let through |", "|---|---:|---:|"]
    for name, score in scores.items():
        (kept, facts), (through, furniture) = score["facts"], score["furniture"]
        lines.append(f"| {name} | {kept}/{facts} ({kept / max(facts, 1):.0%}) | "
                     f"{through}/{furniture} ({through / max(furniture, 1):.0%}) |")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "html_extractors.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
