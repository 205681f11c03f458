#!/usr/bin/env python3
"""Self-check for the heldout11 gold set: every annotated string is findable in its own source text,
joins are really split by furniture, and the invented names occur nowhere else in the repository's corpora.

    /work/main/.venv/bin/python bench/gold/heldout11/check.py
"""
import codecs
import html
import pathlib
import re
import sys
import unicodedata
from collections import Counter

import yaml

ROOT = pathlib.Path(__file__).resolve().parent
REPO = ROOT.parent.parent.parent
_SPACE = re.compile(r"\s+")
_WIDTH = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "？": "?", "！": "!", "【": "[", "】": "]",
                        "“": '"', "”": '"', "‘": "'", "’": "'", "、": ","})
PINYIN = re.compile(r"[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")
MARKS = re.compile(r"[①-⑳]|\[\^?\d+\]|\[\^\*\]")
FACETS = {"问题", "原因", "对策", "经验", "心得", "背景"}
INVENTED = ["辂州", "轾城", "辔湖", "辋溪", "辏阳", "轸山", "辋港", "辇桥", "轺园", "轫塘", "轭口", "辘山", "轱溪", "轳坪", "辎田", "辁湾", "轷田", "辒坝", "辚林", "轪岗", "辏湖", "辂巷", "辚拓", "辊书", "轲听", "轵科", "轹识网", "辌云文档", "辔页", "辎政通", "轶博"]
# file 12 is in Traditional characters: look for those spellings too
try:
    import opencc
    _T = opencc.OpenCC("s2twp")
    INVENTED += sorted({_T.convert(w) for w in INVENTED} - set(INVENTED))
except Exception:  # opencc missing: the Simplified names are still checked
    pass
SYNTHETIC_TITLE = re.compile(r"^(?P<collection>.+) 篇(?P<n>\d+)$")


def norm(text):
    return _SPACE.sub("", unicodedata.normalize("NFKC", str(text)).translate(_WIDTH))


def unmark(text):
    return MARKS.sub("", PINYIN.sub("", text))


def decode(raw):
    if raw.startswith(codecs.BOM_UTF16_LE) or raw.startswith(codecs.BOM_UTF16_BE):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def load_text(name):
    path = ROOT / "texts" / name
    if name.endswith(".docx.yml"):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        paragraphs = spec["paragraphs"]
        pages = 1 + sum(1 for p in paragraphs if p.get("page_break"))
        lines = [spec["header"]] + [p["text"] for p in paragraphs if "text" in p]
        lines += [spec["footer"].replace("{page}", str(i)) for i in range(1, pages + 1)]
        return "\n".join(lines)
    draft = ROOT / "simplified_drafts" / f"{name.rsplit('.', 1)[0]}.zh-Hans.txt"
    raw = path.read_bytes()
    if draft.exists():
        return draft.read_text(encoding="utf-8")
    text = decode(raw)
    if name.endswith((".html", ".htm")):
        text = html.unescape(re.sub(r"<[^>]+>", "\n", text))
    return text


def drop_furniture(text, furniture):
    exact = {norm(f) for f in furniture}
    general = [re.compile(re.sub(r"\d+", r"\\d+", re.escape(norm(f))) + r"\Z") for f in furniture if re.search(r"\d", f)]
    # a footnote paragraph "①数据来源：…" is listed without its note mark
    return "\n".join(line for line in text.splitlines()
                     if not (norm(unmark(line)) and (norm(unmark(line)) in exact
                                                     or any(g.match(norm(unmark(line))) for g in general))))


def main():
    gold = yaml.safe_load((ROOT / "gold.yml").read_text(encoding="utf-8"))
    errors, warnings = [], []
    counts, facets = Counter(), Counter()
    cases = set()
    for entry in gold["files"]:
        name = entry["file"]
        if not (ROOT / "texts" / name).exists():
            errors.append(f"missing file {name}")
            continue
        text = load_text(name)
        hay = norm(unmark(text))
        title_hay = norm(unmark(re.sub(r"(?m)^#+", "", text))) if name.endswith(".md") else hay

        def need(kind, value, minimum=0, where=None):
            key = norm(unmark(value))
            if key != norm(value):
                errors.append(f"{name}: {kind} holds pinyin or a note mark: {value!r}")
            if len(key) < minimum:
                errors.append(f"{name}: {kind} too short: {value!r}")
            if key not in (where or hay):
                errors.append(f"{name}: {kind} not found: {value!r}")

        counts["files"] += 1
        for line in entry.get("furniture") or []:
            need("furniture", line)
            counts["furniture"] += 1
        stripped = norm(unmark(drop_furniture(text, entry.get("furniture") or [])))
        for join in entry.get("joins") or []:
            counts["joins"] += 1
            if norm(join) not in stripped:
                errors.append(f"{name}: join not found once furniture is dropped: {join!r}")
            if norm(join) in hay:
                errors.append(f"{name}: join is not split: {join!r}")
        for article in entry["articles"]:
            counts["articles"] += 1
            synthetic = SYNTHETIC_TITLE.match(article["title"])
            if synthetic:
                # an untitled article of a collection: "<collection name without its count> 篇N"; the
                # collection's name must be in the text, and the 篇 marker line must be an alternative
                need("title (collection part)", synthetic["collection"], where=title_hay)
                if not article.get("alternatives"):
                    errors.append(f"{name}: synthetic title without the marker line as an alternative")
            else:
                need("title", article["title"], where=title_hay)
            for alternative in article.get("alternatives") or []:
                need("alternative", alternative, where=title_hay)
            for fact in article.get("facts") or []:
                need("fact", fact, 15)
                counts["facts"] += 1
            seen = Counter()
            for point in article.get("points") or []:
                if point["facet"] not in FACETS:
                    errors.append(f"{name}: bad facet {point}")
                need("point", point["text"], 12)
                seen[norm(point["text"])] += 1
                facets[point["facet"]] += 1
                counts["points"] += 1
            for text_, n in seen.items():
                if n > 1:
                    errors.append(f"{name}: the same point text twice: {text_}")
            for item in article.get("not_points") or []:
                need("not_point", item)
                counts["not_points"] += 1
            for case in article.get("cases") or []:
                counts["cases"] += 1
                cases.add(case["name"])
                if norm(case["name"]) not in hay:
                    warnings.append(f"{name}: case name not in text: {case['name']}")
                if case.get("parent") and norm(case["parent"]) not in hay:
                    warnings.append(f"{name}: parent not in text: {case['parent']}")
            for item in article.get("not_cases") or []:
                counts["not_cases"] += 1
                if norm(item) not in hay:
                    warnings.append(f"{name}: not_case not in text: {item}")
            if not 8 <= len(article.get("points") or []) <= 30:
                warnings.append(f"{name}: {article['title']}: {len(article['points'])} points")
    for entry in gold["files"]:
        for article in entry["articles"]:
            for item in article.get("not_cases") or []:
                if item in cases:
                    warnings.append(f"{entry['file']}: not_case {item} is a gold case elsewhere")
    # the invented names must not occur in the other corpora of the repository
    # a literal search for the names in every other gold set, the seeds and the pipeline's package
    others = [p for p in (REPO / "bench" / "gold").rglob("*") if p.is_file() and ROOT not in p.parents]
    others += [p for p in (REPO / "source_texts").rglob("*") if p.is_file()]
    others += [p for p in (REPO / "practice_kb").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    for path in others:
        try:
            raw = path.read_bytes()
            body = decode(raw)
        except Exception:
            continue
        for word in INVENTED:
            if word in body:
                errors.append(f"invented name {word} also occurs in {path.relative_to(REPO)}")
    counts["name_files_searched"] = len(others)
    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)
    print("counts:", dict(counts))
    print("points per facet:", dict(facets))
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
