#!/usr/bin/env python3
"""Self-check for the heldout2 gold set: every annotated string must be findable in its source text."""
import re, sys, html, codecs, pathlib, unicodedata
from collections import Counter
import yaml

ROOT = pathlib.Path(__file__).resolve().parent
_SPACE = re.compile(r"\s+")
_WIDTH = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "？": "?", "！": "!", "【": "[", "】": "]", "“": '"', "”": '"', "‘": "'", "’": "'", "、": ","})
def norm(text): return _SPACE.sub("", unicodedata.normalize("NFKC", str(text)).translate(_WIDTH))

PINYIN = re.compile(r"[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")
MARKS = re.compile(r"[①-⑳]|\[\^?\d+\]|\[\^\*\]")
def unmark(s): return MARKS.sub("", PINYIN.sub("", s))
FACETS = {"问题", "原因", "对策", "经验", "心得", "背景"}

def decode(raw):
    if raw.startswith(codecs.BOM_UTF16_LE) or raw.startswith(codecs.BOM_UTF16_BE):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030")

def load_text(name):
    path = ROOT / "texts" / name
    if name.endswith(".docx.yml"):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        paras = spec["paragraphs"]
        pages = 1 + sum(1 for p in paras if p.get("page_break"))
        lines = [spec["header"]] + [p["text"] for p in paras if "text" in p]
        lines += [spec["footer"].replace("{page}", str(i)) for i in range(1, pages + 1)]
        return "\n".join(lines)
    stem = name.rsplit(".", 1)[0]
    draft = ROOT / "simplified_drafts" / f"{stem}.zh-Hans.txt"
    if draft.exists():  # Traditional file: annotations refer to the Simplified draft
        path.read_bytes()  # the Traditional file must exist too
        text = draft.read_text(encoding="utf-8")
    else:
        text = decode(path.read_bytes())
    if name.endswith((".html", ".htm")):
        text = html.unescape(re.sub(r"<[^>]+>", "\n", text))
    return text

def drop_furniture(text, furniture):
    exact = {norm(f) for f in furniture}
    gen = []
    for f in furniture:
        nf = norm(f)
        if re.search(r"\d", nf):
            gen.append(re.compile(re.sub(r"\d+", r"\\d+", re.escape(nf)) + r"\Z"))
    keep = []
    for line in text.splitlines():
        nl = norm(line)
        if nl and (nl in exact or any(g.match(nl) for g in gen)):
            continue
        keep.append(line)
    return "\n".join(keep)

def main():
    gold = yaml.safe_load((ROOT / "gold.yml").read_text(encoding="utf-8"))
    errors, warn = [], []
    c = Counter(); facets = Counter()
    for f in gold["files"]:
        name = f["file"]
        if not (ROOT / "texts" / name).exists():
            errors.append(f"missing file {name}"); continue
        text = load_text(name)
        N = norm(unmark(text))
        # for titles: Markdown heading marks between a title and its subtitle line do not count
        NT = norm(unmark(re.sub(r"(?m)^#+", "", text))) if name.endswith(".md") else N
        def need(kind, s, minlen=0, hay=None):
            ns = norm(unmark(s))
            if ns != norm(s):
                errors.append(f"{name}: {kind} contains pinyin/footnote mark: {s!r}")
            if len(ns) < minlen:
                errors.append(f"{name}: {kind} too short: {s!r}")
            if ns not in (hay or N):
                errors.append(f"{name}: {kind} not found: {s!r}")
        c["files"] += 1
        for x in f.get("furniture", []): need("furniture", x); c["furniture"] += 1
        if f.get("joins"):
            N2 = norm(unmark(drop_furniture(text, f.get("furniture", []))))
            for j in f["joins"]:
                c["joins"] += 1
                if norm(j) not in N2: errors.append(f"{name}: join not found: {j!r}")
                if norm(j) in N: errors.append(f"{name}: join is not actually split: {j!r}")
        for a in f["articles"]:
            c["articles"] += 1
            need("title", a["title"], hay=NT)
            for t in a.get("alternatives", []) or []: need("alternative", t, hay=NT)
            for x in a.get("facts", []): need("fact", x, 15); c["facts"] += 1
            for p in a.get("points", []):
                if p["facet"] not in FACETS: errors.append(f"{name}: bad facet {p}")
                need("point", p["text"], 12); facets[p["facet"]] += 1; c["points"] += 1
            for x in a.get("not_points", []): need("not_point", x); c["not_points"] += 1
            for cs in a.get("cases", []):
                c["cases"] += 1
                if norm(cs["name"]) not in N: warn.append(f"{name}: case name not in text: {cs['name']}")
                if cs.get("parent") and norm(cs["parent"]) not in N: warn.append(f"{name}: parent not in text: {cs['parent']}")
            for x in a.get("not_cases", []):
                c["not_cases"] += 1
                if norm(x) not in N: warn.append(f"{name}: not_case not in text: {x}")
            if not 10 <= len(a.get("points", [])) <= 25: warn.append(f"{name}: {a['title']}: {len(a['points'])} points")
    for w in warn: print("WARN", w)
    for e in errors: print("ERROR", e)
    print("counts:", dict(c))
    print("points per facet:", dict(facets))
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
