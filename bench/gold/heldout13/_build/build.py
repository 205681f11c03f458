"""Authoring tool for the heldout13 gold set (adapted from heldout12's): src/*.src (inline-marked texts) -> texts/, simplified_drafts/, gold.yml.

A .src file is a YAML head (file, shape, mode, encoding, crlf, metadata, articles[title, alternatives,
cases, not_cases], and for docx: header, footer), a line "----BODY----", then the marked body:

  @@A            on its own line: a new article starts here (the line is dropped)
  §line          a furniture line, listed in the gold (once, even if repeated)
  ¤line          a furniture line not listed again (a repeated running header or page number)
  ⁅…⁆            inline furniture inside a line (listed)
  ⟦F⟧            a point starts here; F is one of 背 问 因 策 经 心.  The gold text is the prefix of the
                 statement: up to the first sentence end after 12 characters, cut at a comma when longer
                 than 30 characters.  ⟦F=…⟧ gives the gold text explicitly (must occur right there).
  «…»            a fact (>= 15 characters)
  ‹…›            a not_point
  ⦃…⦄            a sentence split by a page break (furniture lines in between are dropped in the gold)

Modes: text (default), pdf (text whose body lines are hard-wrapped every `wrap` visible characters, as a PDF
or an OCR scan exported to text; furniture lines and |-separated table rows are not wrapped), html (a §line is listed as its text nodes, one
entry each, without the tags), docx (lines "T|", "ST|", "H1|", "H2|", "H3|", "N|", "LN|" (List Number), "LB|"
(List Bullet), "Q|" (Quote), and "PB" for a page break),
trad (the clean text is written to simplified_drafts/ and converted with OpenCC s2twp for texts/; the build
checks that OpenCC t2s and tw2sp bring the Traditional text back to the draft, and names any word that does not
come back).  A listed furniture entry is written without note marks (a footnote paragraph "①数据来源：…" is
listed as "数据来源：…"); in docx mode a join is written without the style prefixes and "PB" lines it spans.
`encoding` may be utf-8 (default), utf-8-sig (UTF-8 with a BOM, as Excel writes CSV), utf-16 (LE with BOM),
utf-16-be (BE with BOM, Notepad's "Unicode big endian") or gb18030; `crlf: true` writes CRLF.
`srcwrap: N` (html mode) wraps the written source lines after about N characters as Word's "save as web page"
does: outside tags and entities anywhere, inside a tag only at a space (the gold is taken before wrapping).
`encoding: gbk` writes GBK (a Word page declaring charset=gb2312).
Run from anywhere:  /work/main/.venv/bin/python bench/gold/heldout13/_build/build.py
"""
import codecs
import html
import pathlib
import re
import sys

import opencc
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "_build" / "src"
FACET = {"背": "背景", "问": "问题", "因": "原因", "策": "对策", "经": "经验", "心": "心得"}
PINYIN = re.compile(r"[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]")
MARKS = re.compile(r"[①-⑳]|\[\^?\d+\]|\[\^\*\]")
PAIRS = {"⁅": "⁆", "«": "»", "‹": "›", "⦃": "⦄"}
STYLES = {"T": "Title", "ST": "Subtitle", "H1": "Heading 1", "H2": "Heading 2", "H3": "Heading 3", "N": "Normal",
          "LN": "List Number", "LB": "List Bullet", "Q": "Quote"}
ERRORS = []


def unmark(text):
    return MARKS.sub("", PINYIN.sub("", text))


def hard_wrap(body, width):
    """Wrap every body line (not @@A, not furniture) after `width` visible characters; marks are not counted."""
    out = []
    for line in body.split("\n"):
        if not line.strip() or line.startswith(("@@A", "§", "¤")) or "|" in line:  # a table row is not wrapped
            out.append(line)
            continue
        pieces, count, i = [], 0, 0
        visible_total = len(re.sub(r"⟦[^⟧]*⟧|[⁅⁆«»‹›⦃⦄]", "", line))
        seen = 0
        while i < len(line):
            c = line[i]
            if c == "⟦":
                end = line.index("⟧", i)
                pieces.append(line[i:end + 1])
                i = end + 1
                continue
            if c in "⁅⁆«»‹›⦃⦄":
                pieces.append(c)
                i += 1
                continue
            if count >= width and seen < visible_total and c not in "。，、；：）”！？,;:":
                pieces.append("\n")
                count = 0
            pieces.append(c)
            count += 1
            seen += 1
            i += 1
        out.append("".join(pieces))
    return "\n".join(out)


def wrap_source(text, width):
    """Break long source lines as Word's HTML export does (never inside an entity, inside a tag only at a space)."""
    out = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        pieces, count, in_tag, in_entity = [], 0, False, False
        for k, c in enumerate(line):
            if count >= width and not in_entity and ((not in_tag and c not in "<>") or (in_tag and c == " ")):
                pieces.append("\n")
                count = 0
                if c == " ":
                    continue
            pieces.append(c)
            count += 1
            if c == "<":
                in_tag = True
            elif c == ">":
                in_tag = False
            elif c == "&" and not in_tag:
                in_entity = True
            elif c == ";" and in_entity:
                in_entity = False
        out.append("".join(pieces))
    return "\n".join(out)


def prefix(text, joined=False):
    first = text.replace("\n", "") if joined else text.split("\n")[0]
    w = unmark(first.split("<")[0])
    ends = [m.start() for m in re.finditer(r"[。；;！？!?]", w) if m.start() >= 12]
    if ends:
        w = w[:ends[0]]
    if len(w) > 30:
        commas = [k for k, ch in enumerate(w[:40]) if ch in "，,：:" and k >= 12]
        w = w[:commas[0]] if commas else w[:30]
    w = w.rstrip("，、：:“ ")
    return w


def parse(body, joined=False, html_mode=False, docx_mode=False):
    listed, furniture_lines, out = [], set(), []
    for line in body.split("\n"):
        if line.startswith("@@A"):
            out.append("\x01")
            continue
        if line[:1] in ("§", "¤") and line:
            content = line[1:]
            furniture_lines.add(content)
            shown = re.sub(r"^(T|ST|H1|H2|H3|N|LN|LB|Q)\|", "", content).strip()  # a docx paragraph: its text only
            # an HTML line: each text node between tags is one entry
            pieces = [t.strip() for t in re.split(r"<[^>]+>", shown) if t.strip()] if html_mode else [shown]
            pieces = [unmark(p).strip() for p in pieces]  # a footnote's ① is a note mark, not furniture text
            for piece in pieces:
                if line[0] == "§" and piece and piece not in listed:
                    listed.append(piece)
            out.append(content + "\n")
            continue
        out.append(line + "\n")
    marked = "".join(out)
    clean, events, article, i = [], [], -1, 0
    while i < len(marked):
        c = marked[i]
        if c == "⟦":
            end = marked.index("⟧", i)
            spec = marked[i + 1:end]
            events.append(("P", len(clean), spec, max(article, 0)))
            i = end + 1
            continue
        if c == "\x01":
            article += 1
            i += 1
            continue
        if c in PAIRS:
            events.append(("O", len(clean), c, max(article, 0)))
        elif c in PAIRS.values():
            events.append(("C", len(clean), c, max(article, 0)))
        else:
            clean.append(c)
        i += 1
    clean = "".join(clean)
    results = [dict(points=[], facts=[], not_points=[]) for _ in range(max(article + 1, 1))]
    joins, inline, stack = [], [], []
    for kind, pos, x, a in events:
        if kind == "P":
            facet, _, given = x.partition("=")
            here = clean[pos:pos + 240].replace("\n", "") if joined else clean[pos:pos + 240]
            text = given or prefix(here, joined)
            if given and not unmark(here).startswith(given):
                ERRORS.append(f"explicit point text not at its place: {given!r}")
            if len(text) < 12:
                ERRORS.append(f"short point: {text!r}")
            results[a]["points"].append({"facet": FACET[facet], "text": text})
        elif kind == "O":
            stack.append((x, pos, a))
        else:
            opener, start, a0 = stack.pop()
            if PAIRS[opener] != x:
                sys.exit(f"unbalanced {opener}…{x}: {clean[start:pos]!r}")
            segment = clean[start:pos]
            if opener == "⁅":
                inline.append(html.unescape(segment.strip()))
            elif opener == "«":
                fact = unmark(segment).replace("\n", "")
                if len(fact) < 15:
                    ERRORS.append(f"short fact: {fact!r}")
                results[a0]["facts"].append(fact)
            elif opener == "‹":
                results[a0]["not_points"].append(unmark(segment).replace("\n", "").strip())
            else:
                parts = [l for l in segment.split("\n") if l not in furniture_lines]
                if docx_mode:  # a paragraph's style prefix and a page break are not text
                    parts = [re.sub(r"^(T|ST|H1|H2|H3|N|LN|LB|Q)\|", "", l) for l in parts if l.strip() != "PB"]
                joins.append(unmark("".join(parts)).strip())
    if stack:
        sys.exit(f"unclosed marks: {stack}")
    furniture = [html.unescape(f) for f in listed]
    for f in inline:  # an inline fragment repeated in the text (（掌声）) is listed once
        if f not in furniture:
            furniture.append(f)
    return clean, furniture, joins, results


def main():
    convert = opencc.OpenCC("s2twp")
    files = []
    for src in sorted(SRC.glob("*.src")):
        head, body = src.read_text(encoding="utf-8").split("----BODY----\n", 1)
        # the shape line is free prose: quote it for YAML
        head = re.sub(r"(?m)^shape: (.*)$", lambda m: "shape: '" + m.group(1).replace("'", "''") + "'", head)
        meta = yaml.safe_load(head)
        name, mode = meta["file"], meta.get("mode", "text")
        if mode == "pdf":
            body = hard_wrap(body, meta.get("wrap", 36))
        clean, furniture, joins, results = parse(body, joined=(mode == "pdf"), html_mode=(mode == "html"),
                                                docx_mode=(mode == "docx"))
        target = ROOT / "texts" / name
        if len(meta["articles"]) != len(results):
            sys.exit(f"{name}: {len(meta['articles'])} articles in the head, {len(results)} in the body")
        if mode == "docx":
            paragraphs = []
            for line in clean.split("\n"):
                if not line.strip():
                    continue
                if line.strip() == "PB":
                    paragraphs.append({"page_break": True})
                    continue
                style, text = line.split("|", 1)
                paragraphs.append({"style": STYLES[style], "text": text})
            spec = {"header": meta["header"], "footer": meta["footer"], "paragraphs": paragraphs}
            target.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False, width=10000), encoding="utf-8")
            furniture = [meta["header"], meta["footer"].replace("{page}", "2")] + furniture
        else:
            text = clean
            if mode == "trad":
                stem = name.rsplit(".", 1)[0]
                (ROOT / "simplified_drafts" / f"{stem}.zh-Hans.txt").write_text(text, encoding="utf-8")
                text = convert.convert(text)
                for config in ("t2s", "tw2sp"):
                    back = opencc.OpenCC(config).convert(text)
                    if back != clean:
                        import difflib
                        matcher = difflib.SequenceMatcher(None, clean, back, autojunk=False)
                        for op, a0, a1, b0, b1 in matcher.get_opcodes():
                            if op != "equal":
                                ERRORS.append(f"{name}: {config} does not restore {clean[max(a0-4,0):a1+4]!r} "
                                              f"(gives {back[max(b0-4,0):b1+4]!r})")
            if meta.get("srcwrap"):
                text = wrap_source(text, int(meta["srcwrap"]))
            if meta.get("crlf"):
                text = text.replace("\n", "\r\n")
            encoding = meta.get("encoding", "utf-8")
            if encoding == "utf-16":
                target.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
            elif encoding == "utf-16-be":
                target.write_bytes(codecs.BOM_UTF16_BE + text.encode("utf-16-be"))
            else:
                target.write_bytes(text.encode(encoding))
        articles = []
        for head_article, found in zip(meta["articles"], results):
            entry = {"title": head_article["title"]}
            if head_article.get("alternatives"):
                entry["alternatives"] = head_article["alternatives"]
            entry.update(facts=found["facts"], points=found["points"], not_points=found["not_points"],
                         cases=head_article.get("cases") or [], not_cases=head_article.get("not_cases") or [])
            articles.append(entry)
        entry = {"file": name, "shape": meta["shape"], "furniture": furniture}
        if meta.get("metadata"):
            entry["metadata"] = meta["metadata"]
        entry["joins"] = joins
        entry["articles"] = articles
        files.append(entry)
        print(f"{name}: {len(clean)} chars, points per article {[len(r['points']) for r in results]}")
    (ROOT / "gold.yml").write_text(yaml.safe_dump({"files": files}, allow_unicode=True, sort_keys=False, width=10000),
                                   encoding="utf-8")
    if ERRORS:
        print("\n".join(ERRORS))
        sys.exit(1)


main()
