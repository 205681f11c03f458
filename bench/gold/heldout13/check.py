#!/usr/bin/env python3
"""Self-check for the heldout13 gold set (adapted from heldout12's): every annotated string is findable in its own source text as
bench/gold.py's norm() compares them, joins are really split by furniture (or, in a Word spec, by a page break),
the Word specs load and become .docx files, gold.py's loader reads gold.yml, and the invented names occur nowhere
else in the repository's corpora (reported by file name only).

    /work/main/.venv/bin/python bench/gold/heldout13/check.py
"""
import codecs
import html
import json
import pathlib
import re
import sys
import tempfile
from collections import Counter

import yaml

ROOT = pathlib.Path(__file__).resolve().parent
REPO = ROOT.parent.parent.parent
import importlib.util  # noqa: E402

sys.dont_write_bytecode = True  # leave no cache next to bench/gold.py

# bench/gold.py itself, loaded from its file (not through the bench package): its norm, loader and write_docx
_spec = importlib.util.spec_from_file_location("gold_format", REPO / "bench" / "gold.py")
GOLD = importlib.util.module_from_spec(_spec)
sys.modules["gold_format"] = GOLD  # dataclasses look their module up there
_spec.loader.exec_module(GOLD)

norm = GOLD.norm
PINYIN = re.compile(r"[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")
MARKS = re.compile(r"[①-⑳]|\[\^?\d+\]|\[\^\*\]")
AUTHOR_MARKS = re.compile(r"[⟦⟧«»‹›⦃⦄⁅⁆§¤]|@@A")
FACETS = {"问题", "原因", "对策", "经验", "心得", "背景"}
PB = "⟨分页⟩"  # stands for a Word page break when a join of a .docx spec is checked
INVENTED = ["椤州", "楸城", "榧湖", "桤溪", "樗山", "椴阳", "栎江", "楝港", "榉园", "槠桥", "柃塘", "橼溪", "檫山", "椆田",
            "楮岗", "榀湾", "棂田", "樨林", "椹坝", "桕湾", "楦溪", "槭湖", "榈巷", "枥园", "樾通", "樵言", "楗坊"]
# file 03 is in Traditional characters: look for those spellings too
try:
    import opencc
    _T = opencc.OpenCC("s2twp")
    INVENTED += sorted({_T.convert(w) for w in INVENTED} - set(INVENTED))
except Exception:  # opencc missing: the Simplified names are still checked
    opencc = None


def unmark(text):
    return MARKS.sub("", PINYIN.sub("", text))


def decode(raw):
    if raw.startswith(codecs.BOM_UTF16_LE) or raw.startswith(codecs.BOM_UTF16_BE):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def load_text(name, page_marks=False):
    path = ROOT / "texts" / name
    if name.endswith(".docx.yml"):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        paragraphs = spec["paragraphs"]
        pages = 1 + sum(1 for p in paragraphs if p.get("page_break"))
        body = [(PB if page_marks else "") if p.get("page_break") else p["text"] for p in paragraphs]
        lines = [spec["header"]] + body
        lines += [spec["footer"].replace("{page}", str(i)) for i in range(1, pages + 1)]
        return "\n".join(lines)
    draft = ROOT / "simplified_drafts" / f"{name.rsplit('.', 1)[0]}.zh-Hans.txt"
    if draft.exists():
        return draft.read_text(encoding="utf-8")
    text = decode(path.read_bytes())
    if name.endswith((".html", ".htm")):
        text = html.unescape(re.sub(r"<[^>]+>", "\n", text))
    return text


def drop_furniture(text, furniture):
    exact = {norm(f) for f in furniture}
    general = [re.compile(re.sub(r"\d+", r"\\d+", re.escape(norm(f))) + r"\Z") for f in furniture if re.search(r"\d", f)]
    return "\n".join(line for line in text.splitlines()
                     if not (norm(unmark(line)) and (norm(unmark(line)) in exact
                                                     or any(g.match(norm(unmark(line))) for g in general))))


def check_sources(errors):
    """The raw files: encodings as the README says, no authoring marks left, the Traditional file restored by
    OpenCC to its draft, every Word spec loadable and writable as a .docx by gold.write_docx."""
    for path in sorted((ROOT / "texts").iterdir()):
        raw = path.read_bytes()
        text = decode(raw)
        if AUTHOR_MARKS.search(text):
            errors.append(f"{path.name}: an authoring mark is left in the text")
        if path.name.endswith(".json"):
            try:
                json.loads(text)
            except ValueError as exc:
                errors.append(f"{path.name}: not valid JSON: {exc}")
        if path.name.endswith(".docx.yml"):
            try:
                spec = yaml.safe_load(text)
                assert isinstance(spec, dict) and spec.get("paragraphs"), "no paragraphs"
                for item in spec["paragraphs"]:
                    assert item.get("page_break") or ("text" in item and "style" in item), f"bad paragraph {item}"
                with tempfile.TemporaryDirectory() as tmp:
                    target = pathlib.Path(tmp) / GOLD.source_name(path.name)
                    GOLD.write_docx(spec, target)
                    import docx
                    document = docx.Document(str(target))
                    written = [p.text for p in document.paragraphs if p.text.strip()]
                    wanted = [p["text"] for p in spec["paragraphs"] if "text" in p and str(p["text"]).strip()]
                    if written != wanted:
                        errors.append(f"{path.name}: the written .docx does not hold the spec's paragraphs")
            except Exception as exc:  # a spec that does not load is an error, not a crash
                errors.append(f"{path.name}: Word spec does not load: {exc}")
        draft = ROOT / "simplified_drafts" / f"{path.name.rsplit('.', 1)[0]}.zh-Hans.txt"
        if draft.exists() and opencc is not None:
            simplified = draft.read_text(encoding="utf-8")
            for config in ("t2s", "tw2sp"):
                if opencc.OpenCC(config).convert(text) != simplified:
                    errors.append(f"{path.name}: OpenCC {config} does not give back the Simplified draft")
            if opencc.OpenCC("s2twp").convert(simplified) != text:
                errors.append(f"{path.name}: the Traditional text is not s2twp of its draft")


def check_loader(errors, gold):
    """gold.py's own loader reads the file (the set is registered in memory only, gold.py is not changed)."""
    GOLD.SETS.setdefault("heldout13", (ROOT / "texts", ROOT / "gold.yml"))
    texts, files = GOLD.load("heldout13")
    if len(files) != len(gold["files"]):
        errors.append("gold.py's loader sees another number of files")
    for entry in files:
        if not (texts / entry.name).exists():
            errors.append(f"gold.py's loader names a missing file {entry.name}")
        for article in entry.articles:
            for facet, _ in article.points:
                if facet not in GOLD.FACETS:
                    errors.append(f"{entry.name}: facet {facet} unknown to gold.py")
    return files


def main():
    gold = yaml.safe_load((ROOT / "gold.yml").read_text(encoding="utf-8"))
    errors, warnings = [], []
    counts, facets = Counter(), Counter()
    cases = set()
    check_sources(errors)
    check_loader(errors, gold)
    for entry in gold["files"]:
        name = entry["file"]
        if not (ROOT / "texts" / name).exists():
            errors.append(f"missing file {name}")
            continue
        text = load_text(name)
        hay = norm(unmark(text))
        title_hay = hay

        def need(kind, value, minimum=0, where=None):
            key = norm(unmark(value))
            if key != norm(value):
                errors.append(f"{name}: {kind} holds pinyin or a note mark: {value!r}")
            if len(key) < minimum:
                errors.append(f"{name}: {kind} too short: {value!r}")
            if not key or key not in (where or hay):
                errors.append(f"{name}: {kind} not found: {value!r}")

        counts["files"] += 1
        for line in entry.get("furniture") or []:
            need("furniture", line)
            counts["furniture"] += 1
        furniture = entry.get("furniture") or []
        stripped = norm(unmark(drop_furniture(text, furniture)))
        split_hay = norm(unmark(load_text(name, page_marks=True))) if name.endswith(".docx.yml") else hay
        for join in entry.get("joins") or []:
            counts["joins"] += 1
            if norm(join) not in stripped:
                errors.append(f"{name}: join not found once furniture is dropped: {join!r}")
            if norm(join) in split_hay:
                errors.append(f"{name}: join is not split: {join!r}")
        for article in entry["articles"]:
            counts["articles"] += 1
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
                if any(norm(point["text"]) in norm(f) for f in furniture):
                    errors.append(f"{name}: point inside a furniture line: {point['text']!r}")
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
                    errors.append(f"{name}: case name not in text: {case['name']}")
                if case.get("parent") and norm(case["parent"]) not in stripped:
                    errors.append(f"{name}: parent not in the text outside furniture: {case['parent']}")
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
                    errors.append(f"{entry['file']}: not_case {item} is a gold case elsewhere")
    # the invented names must not occur in the other corpora of the repository:
    # a literal search in every other gold set, the seeds, the pipeline's package and bench/places.yml; file names only
    others = [p for p in (REPO / "bench" / "gold").rglob("*") if p.is_file() and ROOT not in p.parents]
    others += [p for p in (REPO / "source_texts").rglob("*") if p.is_file()]
    others += [p for p in (REPO / "practice_kb").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    others += [REPO / "bench" / "places.yml"]
    for path in others:
        try:
            body = decode(path.read_bytes())
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
