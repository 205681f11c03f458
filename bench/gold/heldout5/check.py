#!/usr/bin/env python3
"""Self-check for the heldout5 gold set.

    /work/main/.venv/bin/python bench/gold/heldout5/check.py

- every annotated string (title, alternatives, facts, points, not_points, cases, not_cases) is findable in the
  text of its own article, after the README's folding (NFKC, no whitespace, one punctuation width, pinyin
  readings and note marks left out; file 13 is read through its Simplified draft);
- every furniture entry is findable in its file;
- every join is split in the raw text and whole once the furniture lines are dropped;
- facts are >= 15 characters, points >= 12, no point text twice in an article, facets are known;
- the invented place names (Simplified, and their Traditional forms) occur in no other file under bench/gold/
  outside heldout5, nor under source_texts/ or practice_kb/ (a literal search for the names, nothing else is
  read or printed).
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
KINDS = {"市", "区", "县", "乡", "镇", "街道", "社区", "村", "开发区", "集团", "职业院校", "高校学院"}
# the invented names (full forms); their two-character stems are searched as well
INVENTED = ["鹬川市", "鸬湾区", "鹗江区", "鹳岭县", "鹡原县", "鸰溪镇", "鹇洲镇", "鸲埠镇", "鹞台镇", "鹟塘乡", "鸻沙乡",
            "鸨原乡", "鹩坪街道", "鹮湖街道", "鹎港社区", "翎川社区", "鸮岩村", "鸫林村", "鹪岗村", "翠羽村", "鹨山经济开发区",
            "鹈泽能源集团", "鹬川交通职业技术学院", "鹬川理工大学", "鹀门市", "鹨川县", "鹎湾路"]
STEMS = sorted({name[:2] for name in INVENTED})


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
        return raw.decode("gb18030", errors="replace")


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
    if draft.exists():
        return draft.read_text(encoding="utf-8")
    text = decode(path.read_bytes())
    if name.endswith((".html", ".htm")):
        text = html.unescape(re.sub(r"<[^>]+>", "\n", re.sub(r"(?s)<(script|style)\b.*?</\1>", "\n", text)))
    return text


def drop_furniture(text, furniture):
    exact = {norm(f) for f in furniture}
    general = [re.compile(re.sub(r"\d+", r"\\d+", re.escape(norm(f))) + r"\Z") for f in furniture if re.search(r"\d", f)]
    return "\n".join(line for line in text.splitlines()
                     if not (norm(line) and (norm(line) in exact or any(g.match(norm(line)) for g in general))))


def segments(hay, articles):
    """The stretch of the folded text that belongs to each article: from its title to the next article's title."""
    starts, position = [], 0
    for k, article in enumerate(articles):
        places = [hay.find(norm(unmark(t)), position) for t in [article["title"], *(article.get("alternatives") or [])]]
        places = [p for p in places if p >= 0]
        found = min(places) if places else position
        starts.append(0 if k == 0 else found)
        position = found + 1
    ends = starts[1:] + [len(hay)]
    return [hay[s:e] for s, e in zip(starts, ends)]


def check_raw_files(errors):
    """Each file of the set is as its shape says: encoding, BOM, line ends."""
    expect = {"11_在全县统战工作会议上的讲话.txt": "gb18030", "12_翎川社区统战工作汇报.txt": "utf-16"}
    for path in sorted((ROOT / "texts").iterdir()):
        raw = path.read_bytes()
        kind = expect.get(path.name, "utf-8")
        if kind == "utf-16":
            if not raw.startswith(codecs.BOM_UTF16_LE):
                errors.append(f"{path.name}: no UTF-16 LE BOM")
            text = raw.decode("utf-16")
        elif kind == "gb18030":
            try:
                raw.decode("utf-8")
                errors.append(f"{path.name}: decodes as UTF-8, expected GB18030")
            except UnicodeDecodeError:
                pass
            text = raw.decode("gb18030")
        else:
            text = raw.decode("utf-8")
        if path.name.startswith(("04_", "11_", "12_")) and "\r\n" not in text:
            errors.append(f"{path.name}: expected CRLF line ends")


def invented_elsewhere(errors):
    try:
        import opencc
        convert = opencc.OpenCC("s2twp").convert
    except Exception:  # pragma: no cover
        convert = lambda s: s  # noqa: E731
    words = sorted(set(INVENTED) | set(STEMS) | {convert(w) for w in INVENTED + STEMS})
    roots = [REPO / "bench" / "gold", REPO / "source_texts", REPO / "practice_kb"]
    for root in roots:
        if not root.exists():
            continue
        for path in root.rglob("*"):
            if not path.is_file() or ROOT in path.parents or path.stat().st_size > 20_000_000:
                continue
            raw = path.read_bytes()
            texts = {decode(raw)}
            for enc in ("utf-8", "gb18030"):
                try:
                    texts.add(raw.decode(enc))
                except UnicodeDecodeError:
                    pass
            for word in words:
                if any(word in t for t in texts):
                    errors.append(f"invented name {word} also occurs in {path.relative_to(REPO)}")


def main():
    gold = yaml.safe_load((ROOT / "gold.yml").read_text(encoding="utf-8"))
    errors, warnings = [], []
    counts, facets, kinds = Counter(), Counter(), Counter()
    cases = set()
    listed = {e["file"] for e in gold["files"]}
    on_disk = {p.name for p in (ROOT / "texts").iterdir()}
    if listed != on_disk:
        errors.append(f"files in gold.yml and texts/ differ: {sorted(listed ^ on_disk)}")
    check_raw_files(errors)
    for entry in gold["files"]:
        name = entry["file"]
        if not (ROOT / "texts" / name).exists():
            errors.append(f"missing file {name}")
            continue
        text = load_text(name)
        raw_hay = norm(text)
        hay = norm(unmark(text))
        if name.endswith(".md"):
            hay = norm(unmark(re.sub(r"(?m)^#+", "", text)))
        pieces = segments(hay, entry["articles"])

        def need(kind, value, where, minimum=0):
            key = norm(unmark(value))
            if key != norm(value):
                errors.append(f"{name}: {kind} holds pinyin or a note mark: {value!r}")
            if len(key) < minimum:
                errors.append(f"{name}: {kind} too short: {value!r}")
            if key not in where:
                errors.append(f"{name}: {kind} not found in its article: {value!r}")

        counts["files"] += 1
        for line in entry.get("furniture") or []:
            counts["furniture"] += 1
            if norm(line) not in raw_hay:
                errors.append(f"{name}: furniture not found: {line!r}")
        stripped = norm(unmark(drop_furniture(text, entry.get("furniture") or [])))
        for join in entry.get("joins") or []:
            counts["joins"] += 1
            if norm(join) not in stripped:
                errors.append(f"{name}: join not found once furniture is dropped: {join!r}")
            if norm(join) in norm(PINYIN.sub("", text)):  # page-number lines like [1] stay in for this test
                errors.append(f"{name}: join is not split: {join!r}")
        for article, piece in zip(entry["articles"], pieces):
            counts["articles"] += 1
            need("title", article["title"], piece)
            for alternative in article.get("alternatives") or []:
                need("alternative", alternative, piece)
            for fact in article.get("facts") or []:
                need("fact", fact, piece, 15)
                counts["facts"] += 1
            seen = Counter()
            for point in article.get("points") or []:
                if point["facet"] not in FACETS:
                    errors.append(f"{name}: bad facet {point}")
                need("point", point["text"], piece, 12)
                seen[norm(point["text"])] += 1
                facets[point["facet"]] += 1
                counts["points"] += 1
            for text_, n in seen.items():
                if n > 1:
                    errors.append(f"{name}: the same point text twice: {text_}")
            for item in article.get("not_points") or []:
                need("not_point", item, piece)
                counts["not_points"] += 1
            for case in article.get("cases") or []:
                counts["cases"] += 1
                kinds[case["kind"]] += 1
                cases.add(case["name"])
                if case["kind"] not in KINDS:
                    errors.append(f"{name}: unknown case kind {case}")
                if norm(case["name"]) not in piece:
                    errors.append(f"{name}: case name not in its article: {case['name']}")
                if case.get("parent") and norm(case["parent"]) not in piece:
                    errors.append(f"{name}: parent not in its article: {case['parent']}")
                for word in (case["name"], case.get("parent")):
                    if word and norm(word) not in stripped:
                        errors.append(f"{name}: {word} is named only in furniture")
            for item in article.get("not_cases") or []:
                counts["not_cases"] += 1
                if norm(item) not in piece:
                    errors.append(f"{name}: not_case not in its article: {item}")
            if not 8 <= len(article.get("points") or []) <= 30:
                warnings.append(f"{name}: {article['title']}: {len(article['points'])} points")
    for entry in gold["files"]:
        for article in entry["articles"]:
            for item in article.get("not_cases") or []:
                if item in cases:
                    errors.append(f"{entry['file']}: not_case {item} is a gold case elsewhere")
    invented_elsewhere(errors)
    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)
    print("counts:", dict(counts))
    print("points per facet:", dict(facets))
    print("case kinds:", dict(kinds))
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
