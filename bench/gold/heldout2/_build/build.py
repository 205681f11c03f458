"""Authoring tool: turns marked-up sources in src/ into texts/ + gold.yml.
Markup: @@A (new article line), § listed furniture line, ¤ unlisted furniture line,
⁅..⁆ inline furniture, ⟦F⟧ point start (F in 背问因策经心), «..» fact, ‹..› not_point, ⦃..⦄ join."""
import re, sys, codecs, pathlib, yaml
import opencc
ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "_build" / "src"
FACET = {"背": "背景", "问": "问题", "因": "原因", "策": "对策", "经": "经验", "心": "心得"}
PINYIN = re.compile(r"[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")
MARKS = re.compile(r"[①-⑳]|\[\^?\d+\]|\[\^\*\]")
def strip(s): return MARKS.sub("", PINYIN.sub("", s))
ERR = []
MARKERS = "⁅⁆«»‹›⦃⦄\x01"

def parse(body):
    lines = body.split("\n")
    furn_listed, furn_lines, out = [], set(), []
    for ln in lines:
        if ln.startswith("@@A"):
            out.append("\x01"); continue
        if ln[:1] and ln[:1] in "§¤":
            content = ln[1:]
            furn_lines.add(content)
            if ln[0] == "§" and content.strip() not in furn_listed:
                furn_listed.append(content.strip())
            out.append(content + "\n"); continue
        out.append(ln + "\n")
    marked = "".join(out)
    # remove point markers, record positions
    clean, events, i = [], [], 0
    art = -1
    pos = 0
    pts = []
    while i < len(marked):
        c = marked[i]
        if c == "⟦":
            f = marked[i + 1]; assert marked[i + 2] == "⟧", marked[i:i+10]
            events.append(("P", pos, f, art)); i += 3; continue
        if c == "\x01":
            art += 1; i += 1; continue
        if c in "⁅«‹⦃":
            events.append(("O", pos, c, art)); i += 1; continue
        if c in "⁆»›⦄":
            events.append(("C", pos, c, art)); i += 1; continue
        clean.append(c); pos += 1; i += 1
    clean = "".join(clean)
    nart = art + 1
    res = [dict(points=[], facts=[], not_points=[]) for _ in range(max(nart, 1))]
    joins, inline_furn = [], []
    stack = []
    for ev in events:
        kind, p, x, a = ev
        a = max(a, 0)
        if kind == "P":
            w = clean[p:p + 200].split("\n")[0].split("<")[0]
            w = strip(w)
            ends = [m.start() for m in re.finditer(r"[。；;！？!?]", w) if m.start() >= 12]
            if ends: w = w[:ends[0]]
            if len(w) > 30:
                cm = [k for k, ch in enumerate(w[:40]) if ch in "，,：:" and k >= 12]
                w = w[:cm[0]] if cm else w[:30].rstrip("0123456789.%")
            w = w.rstrip("，、：:")
            if len(w) < 12: ERR.append(f"short point: {w!r}")
            res[a]["points"].append({"facet": FACET[x], "text": w})
        elif kind == "O":
            stack.append((x, p, a))
        else:
            o, p0, a0 = stack.pop()
            assert {"⁅": "⁆", "«": "»", "‹": "›", "⦃": "⦄"}[o] == x, (o, x, clean[p0:p])
            seg = clean[p0:p]
            if o == "⁅": inline_furn.append(seg.strip())
            elif o == "«":
                s = strip(seg)
                if len(s) < 15: ERR.append(f"short fact {s!r}")
                res[a0]["facts"].append(s)
            elif o == "‹": res[a0]["not_points"].append(strip(seg).strip())
            else:
                parts = [l for l in seg.split("\n") if l not in furn_lines]
                joins.append(strip("".join(parts)).strip())
    assert not stack
    import html as _h
    furniture = furn_listed + [_h.unescape(f) for f in inline_furn if f not in furn_listed]
    return clean, furniture, joins, res

def main():
    files = []
    cc = opencc.OpenCC("s2twp")
    for src in sorted(SRC.glob("*.src")):
        head, body = src.read_text(encoding="utf-8").split("----BODY----\n", 1)
        meta = yaml.safe_load(head)
        clean, furniture, joins, res = parse(body)
        name = meta["file"]
        mode = meta.get("mode", "text")
        out = ROOT / "texts" / name
        if mode == "docx":
            paras = []
            for ln in clean.split("\n"):
                if not ln.strip(): continue
                if ln.strip() == "PB": paras.append({"page_break": True}); continue
                st, txt = ln.split("|", 1)
                paras.append({"style": {"T": "Title", "H1": "Heading 1", "H2": "Heading 2", "N": "Normal"}[st], "text": txt})
            doc = {"header": meta["header"], "footer": meta["footer"], "paragraphs": paras}
            out.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10000), encoding="utf-8")
            furniture = [meta["header"], meta["footer"].replace("{page}", "2")] + furniture
        else:
            text = clean
            if mode == "trad":
                stem = name.rsplit(".", 1)[0]
                (ROOT / "simplified_drafts" / f"{stem}.zh-Hans.txt").write_text(text, encoding="utf-8")
                text = cc.convert(text)
            if meta.get("crlf"): text = text.replace("\n", "\r\n")
            enc = meta.get("encoding", "utf-8")
            if enc == "utf-16":
                out.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
            else:
                out.write_bytes(text.encode(enc))
        arts = []
        for a, r in zip(meta["articles"], res):
            d = {"title": a["title"]}
            if a.get("alternatives"): d["alternatives"] = a["alternatives"]
            d["facts"] = r["facts"]; d["points"] = r["points"]; d["not_points"] = r["not_points"]
            d["cases"] = a.get("cases") or []
            d["not_cases"] = a.get("not_cases") or []
            arts.append(d)
        if len(meta["articles"]) != len(res): sys.exit(f"{name}: article count mismatch {len(meta['articles'])} vs {len(res)}")
        e = {"file": name, "shape": meta["shape"], "furniture": furniture}
        if meta.get("metadata"): e["metadata"] = meta["metadata"]
        e["joins"] = joins
        e["articles"] = arts
        files.append(e)
        print(name, len(clean), "chars", [len(r["points"]) for r in res], "points")
    (ROOT / "gold.yml").write_text(yaml.safe_dump({"files": files}, allow_unicode=True, sort_keys=False, width=10000), encoding="utf-8")
main()
if ERR: print("\n".join(ERR)); sys.exit(1)
