"""End to end on a small corpus written here, about places that are not in the default
corpus (青石县, 云溪镇, 南山大学化学学院 — all invented), with a taxonomy of our own:
three files in three forms (UTF-8, GB18030, Traditional characters with Taiwan
phrasing), page furniture, a paragraph cut by a page break and a paragraph repeated in
two articles. Everything is checked from the built HTML and report.json."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

TOPICS = """\
topics:
  - slug: renshi-zhongshi
    title: 认识与重视
    description: 党委对统战工作的认识和重视。
    keywords: [重视, 认识, 议事日程, 摆上]
  - slug: kaohe-jizhi
    title: 考核机制
    description: 目标考核与督查通报。
    keywords: [考核, 督查, 通报, 目标管理]
  - slug: jingfei-touru
    title: 经费投入
    description: 工作经费、补贴和设备。
    keywords: [经费, 补贴, 设备, 预算]
  - slug: duiwu-peiyang
    title: 队伍培养
    description: 统战干部和联络员队伍。
    keywords: [统战干部, 联络员, 培训, 兼职, 队伍]
  - slug: xinxi-wangluo
    title: 信息网络
    description: 联系党外人士的信息网络与平台。
    keywords: [网络, 信息, 平台, 联系]
"""

# In two articles of two files: shown in full once, and once as a pointer to it.
SHARED = ("统战工作是党的一项重要工作，基层是统战工作的落脚点，只有把基层基础打牢，"
          "统一战线的各项方针政策才能真正落到实处。")

COPYRIGHT = "2024-05-01 版权声明 我要投稿"
PREV_NEXT = "上一篇：青石县民政工作总结 下一篇：青石县农业工作总结"

QINGSHI = f"""青石县统战工作总结(精选2篇)
{COPYRIGHT}
青石县统战工作总结 篇1
近年来，青石县委统战部坚持把基层统战工作摆在重要位置，全县共配备专兼职统战干部23人，在12个乡镇建立了统战工作站。
{SHARED}
一、存在的问题
（一）认识不到位
一是部分乡镇党委对统战工作重视不够，没有把统战工作列入议事日程；二是少数干部认为统战工作是软任务，考核时流于形式。
（二）经费和队伍保障不足
一是全县统战工作经费每年仅8万元，办公设备陈旧；二是村级联络员多为兼职，没有固定补贴，队伍不稳定。
二、原因分析
（一）考核缺乏刚性
统战工作在乡镇目标考核中所占分值很低，督查通报制度没有建立，导致一些乡镇对统战工作重视不够。
（二）投入机制不健全
县级财政没有把统战工作经费列入年度预算，统战干部培训经费更是无从谈起。
三、对策建议
（一）健全考核机制
一是把统战工作纳入乡镇目标考核，分值提高到5分；二是建立统战工作督查通报制度，每季度通报一次。
（二）加大经费投入
一是将统战工作经费列入县级财政预算，每年不少于20万元；二是为村级联络员发放每月200元补贴。
（三）加强队伍培养
一是每年举办统战干部培训班2期；二是选派35名统战干部到先进地区挂职学习。
{PREV_NEXT}
"""

# The first half of a paragraph, then a page break (a blank line), then the rest.
CUT_BEFORE = "云溪镇党委把统战工作纳入全镇党建工作总体布局，每季度召开一次统战工作联席会议，听取"
CUT_AFTER = "民主党派成员和新的社会阶层人士的意见，协调解决他们在生产经营中遇到的困难。"

YUNXI = f"""云溪镇统战工作汇报(精选2篇)
云溪镇统战工作汇报 篇1
云溪镇党委高度重视统战工作，把统战工作摆上重要议事日程，全镇共有统战联络员18名。
{SHARED}
一、存在的问题
（一）信息网络不健全
一是镇村两级统战信息网络没有形成；二是与外出经商人员联系不够紧密，信息渠道不畅通。
二、原因分析
（一）平台建设滞后
镇里没有建立统一的联系服务平台，统战干部对党外人士的情况掌握不全，工作处于被动应付状态。
三、对策建议
（一）完善信息网络
{CUT_BEFORE}

{CUT_AFTER}
一是建立镇、村两级统战信息网络；二是搭建线上联系平台，及时发布政策信息。
云溪镇统战工作汇报 篇2
今年以来，云溪镇统战干部认真学习统战理论，镇党委组织全镇统战干部参加培训3次，共计60余人次。
一、存在的问题
（一）统战干部队伍力量薄弱
一是全镇只有1名统战委员，而且身兼数职；二是村级联络员年龄偏大，培训不足。
二、对策建议
（一）充实统战干部队伍
一是为镇统战办配备2名专职干事；二是每年组织村级联络员集中培训1次。
"""

# Traditional characters and Taiwan phrasing: 物件 (对象), 網路 (网络), 支援 (支持), 資訊 (信息).
NANSHAN = """南山大學化學學院統戰工作心得(精選1篇)
南山大學化學學院統戰工作心得 篇1
南山大學化學學院黨委高度重視統戰工作，學院現有黨外教師54人，統戰物件分佈在各個系所。
一、存在的問題
（一）聯繫網路不夠健全
一是學院與黨外教師的聯繫網路還不夠健全；二是為黨外教師提供的資訊服務不夠及時。
二、原因分析
（一）支援力度不夠
學院對統戰工作的經費支援不足，統戰幹部多為兼職，培訓機會很少。
三、對策建議
（一）建立資訊平台
一是建立黨外教師資訊庫，定期更新聯繫網路；二是加大對統戰物件參政議政的支援力度。
"""

SOURCES = {
    "a_qingshi.txt": QINGSHI,                      # UTF-8
    "b_yunxi.txt": YUNXI.encode("gb18030"),         # GB18030
    "c_nanshan.txt": NANSHAN,                      # UTF-8, Traditional
}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


class Site:
    """The built site: its folder, report.json, and parsed content areas by page path."""

    def __init__(self, path: Path, parse) -> None:
        self.path = path
        self.report = json.loads((path / "report.json").read_text(encoding="utf-8"))
        self._parse = parse
        self._content: dict[str, object] = {}

    def content(self, name: str):
        if name not in self._content:
            file = self.path / name
            assert file.is_file(), f"{name} was not built"
            node = self._parse(file).find("article", "md-content__inner")
            assert node is not None, f"{name} has no content area"
            self._content[name] = node
        return self._content[name]

    def pages(self) -> list[str]:
        return sorted(p.relative_to(self.path).as_posix() for p in self.path.rglob("*.html"))

    def articles(self, source: str) -> list[dict]:
        return [a for a in self.report["articles"] if a["source"] == source]

    def document(self, source: str) -> dict:
        return next(d for d in self.report["documents"] if d["source"] == source)

    def paragraphs(self, slug: str) -> list:
        """The anchored text paragraphs (<p id=p-…>) of an article's source page."""
        return [n for n in self.content(f"sources/{slug}.html").iter("p")
                if (n.attrs.get("id") or "").startswith("p-")]


def target_of(page: str, href: str) -> tuple[str, str]:
    """(page path relative to the site, fragment) of a link found on `page`."""
    parts = urlsplit(href)
    path = (Path(page).parent / unquote(parts.path)).as_posix() if parts.path else page
    stack: list[str] = []
    for part in path.split("/"):
        if part == "..":
            stack.pop()
        elif part not in ("", "."):
            stack.append(part)
    return "/".join(stack), unquote(parts.fragment)


def text_of(node) -> str:
    """A paragraph's text without its ¶ permalink."""
    return "".join(c if isinstance(c, str) else ("" if "kb-pilcrow" in c.classes() else c.text())
                   for c in node.children)


def by_id(content, anchor: str):
    return next((n for n in content.iter() if n.attrs.get("id") == anchor), None)


@pytest.fixture(scope="module")
def site(build_site, html_tree, tmp_path_factory) -> Site:
    topics = tmp_path_factory.mktemp("unseen-topics") / "topics.yml"
    topics.write_text(TOPICS, encoding="utf-8")
    built = build_site(SOURCES, {"practice_kb": {"topics": str(topics)}})
    return Site(built, html_tree)


# --------------------------------------------------------------------------- reading


def test_each_file_is_read_in_its_own_encoding_into_its_articles(site):
    report = site.report
    assert report["skipped"] == []
    assert sorted(report["topics"]) == sorted(re.findall(r"slug: (\S+)", TOPICS)), "our taxonomy was not used"
    qingshi, yunxi, nanshan = (site.document(name) for name in SOURCES)
    assert qingshi["encoding"].startswith("utf-8") and not qingshi["traditional"]
    assert yunxi["encoding"] == "gb18030" and not yunxi["traditional"]
    assert nanshan["traditional"]
    assert [len(site.articles(name)) for name in SOURCES] == [1, 2, 1]
    assert [a["label"] for a in site.articles("b_yunxi.txt")] == ["篇1", "篇2"]
    assert report["off_topic"] == [], "every article here is on the corpus's subject"


# --------------------------------------------------------------------------- cases


@pytest.mark.parametrize("name, figures", [
    ("青石县", ["23人", "12个", "8万元", "20万元", "35名"]),
    ("云溪镇", ["18名", "60余人次"]),
])
def test_a_place_has_a_case_page_with_the_figures_we_wrote(site, name, figures):
    case = next((c for c in site.report["cases"] if c["name"] == name), None)
    assert case is not None, f"no case {name}: {[c['name'] for c in site.report['cases']]}"
    page = f"cases/{case['slug']}.html"
    content = site.content(page)
    assert content.find("h1").text().strip() == name
    cases_index = [a.attrs.get("href") for a in site.content("cases/index.html").iter("a")]
    assert f"{case['slug']}.html" in cases_index, f"cases/index.html does not link {page}"
    # each number marked in the sentence that says what it counts, linked to its paragraph
    lines = [li for ul in content.iter("ul") if "kb-figures" in (ul.attrs.get("class") or "") for li in ul.iter("li")]
    marked = [(strong.text().strip(), li) for li in lines for strong in li.iter("strong")]
    for value in figures:
        assert any(value in clause for clause, _ in marked), f"{page} does not mark {value}: {[c for c, _ in marked]}"
    for clause, li in marked:
        target, anchor = target_of(page, li.find("a").attrs["href"])
        paragraph = by_id(site.content(target), anchor)
        assert paragraph is not None and clause in text_of(paragraph), \
            f"{page}: {clause!r} is not in the paragraph it links to"
    sources = {target_of(page, a.attrs.get("href", ""))[0] for a in content.iter("a")}
    for article in case["articles"]:
        assert f"sources/{article}.html" in sources, f"{page} does not link its article {article}"


# --------------------------------------------------------------------------- lists


PROBLEMS = ["部分乡镇党委对统战工作重视不够", "全县统战工作经费每年仅8万元", "镇村两级统战信息网络没有形成",
            "全镇只有1名统战委员", "学院与党外教师的联系网络还不够健全"]
COUNTERMEASURES = ["把统战工作纳入乡镇目标考核", "将统战工作经费列入县级财政预算", "每年举办统战干部培训班2期",
                   "建立镇、村两级统战信息网络", "为镇统战办配备2名专职干事"]


@pytest.mark.parametrize("name, expected", [("problems.html", PROBLEMS), ("countermeasures.html", COUNTERMEASURES)])
def test_our_points_are_on_the_lists_and_cite_their_paragraphs(site, name, expected):
    content = site.content(name)
    text = squash(content.text())
    for point in expected:
        assert squash(point) in text, f"{name} does not list {point!r}"
    for li in content.iter("li"):
        cites = [s for s in li.find_all("span", "kb-cite") if s.text().strip().startswith("出处")]
        if not cites:
            continue
        link = cites[0].find("a")
        target, anchor = target_of(name, link.attrs["href"])
        assert target.startswith("sources/"), link.attrs["href"]
        paragraph = by_id(site.content(target), anchor)
        assert paragraph is not None, f"{name}: {link.attrs['href']} lands nowhere"


def test_each_problem_section_links_to_the_same_topic_on_the_countermeasures_list(site):
    problems = site.content("problems.html")
    counter_ids = {n.attrs.get("id") for n in site.content("countermeasures.html").iter() if n.attrs.get("id")}
    problem_ids = {n.attrs.get("id") for n in problems.iter() if n.attrs.get("id")}
    slugs = set(site.report["topics"])
    sections: dict[str, list] = {}
    current = None
    for child in problems.children:
        if isinstance(child, str):
            continue
        if child.tag == "h2":
            current = sections.setdefault(child.attrs.get("id", ""), [])
        if current is not None:
            current.append(child)
    assert sections and set(sections) <= slugs, f"problems.html sections: {sorted(sections)}"
    failures = []
    for slug, nodes in sections.items():
        hrefs = [a.attrs.get("href", "") for node in nodes for a in node.iter("a")]
        if f"countermeasures.html#{slug}" not in hrefs:
            failures.append(f"problems.html#{slug} does not link countermeasures.html#{slug} (links: {hrefs[:4]})")
        elif slug not in counter_ids:
            failures.append(f"problems.html#{slug} links countermeasures.html#{slug}, which has no such id")
    for a in site.content("countermeasures.html").iter("a"):
        target, anchor = target_of("countermeasures.html", a.attrs.get("href", ""))
        if target == "problems.html" and anchor and anchor not in problem_ids:
            failures.append(f"countermeasures.html links problems.html#{anchor}, which has no such id")
    assert not failures, "\n".join(failures)


# --------------------------------------------------------------------------- repeated paragraph


def test_a_repeated_paragraph_is_shown_once_in_full_and_once_as_a_pointer(site):
    full, pointers = [], []
    for article in site.report["articles"]:
        for node in site.paragraphs(article["slug"]):
            if "kb-copy" in node.classes():
                pointers.append((article["slug"], node))
            elif squash(SHARED) in squash(text_of(node)):
                full.append((article["slug"], node))
    assert len(full) == 1, f"the repeated paragraph is shown in full {len(full)} times"
    (original, shown), = full
    assert original == site.articles("a_qingshi.txt")[0]["slug"], "the first occurrence is the original"
    assert len(pointers) == 1, f"{len(pointers)} pointers: {[text_of(n) for _, n in pointers]}"
    (copy, pointer), = pointers
    assert copy == site.articles("b_yunxi.txt")[0]["slug"]
    assert "相同" in text_of(pointer) and squash(SHARED)[:10] not in squash(text_of(pointer))
    links = [a.attrs.get("href") for a in pointer.iter("a") if "kb-pilcrow" not in a.classes()]
    assert f"{original}.html#{shown.attrs['id']}" in links, f"the pointer links {links}"
    merges = [d for d in site.report["duplicates"] if d["kind"] == "paragraph"]
    assert [(d["copy"].split("#")[0], d["original"]) for d in merges] == \
        [(copy, f"{original}#{shown.attrs['id']}")]
    assert not [d for d in site.report["duplicates"] if d["kind"] == "article"], \
        "one shared paragraph does not make an article a copy"


# --------------------------------------------------------------------------- furniture


def test_page_furniture_is_listed_as_removed_and_shown_nowhere(site):
    removed = {(r["rule"], r["text"]) for r in site.document("a_qingshi.txt")["removed"]}
    assert ("版权与投稿", COPYRIGHT) in removed, removed
    assert ("上一篇/下一篇", PREV_NEXT) in removed, removed
    furniture = ["版权声明", "我要投稿", "上一篇", "下一篇", "青石县民政工作总结", "青石县农业工作总结"]
    for name in site.pages():
        if name == "report.html":      # the report lists what was removed
            continue
        text = site.content(name).text()
        shown = [word for word in furniture if word in text]
        assert not shown, f"{name} shows page furniture: {shown}"
    from practice_kb.search.shards import unscript
    index = "\n".join(unscript(p.read_text(encoding="utf-8"))[1] for p in (site.path / "search" / "text").rglob("*.js"))
    assert "统战" in index and not [word for word in furniture if word in index], "the search index holds page furniture"
    report_text = site.content("report.html").text()
    assert "版权声明" in report_text and "上一篇" in report_text, "report.html does not list the removals"


# --------------------------------------------------------------------------- Traditional


def test_traditional_text_reads_as_mainland_simplified(site):
    (article,) = site.articles("c_nanshan.txt")
    content = site.content(f"sources/{article['slug']}.html")
    text = " ".join(text_of(p) for p in site.paragraphs(article["slug"])) + content.text()
    for word in ("对象", "网络", "支持", "信息", "南山大学化学学院", "党外教师"):
        assert word in text, f"the page does not read {word}"
    for word in ("物件", "网路", "支援", "资讯", "網路", "資訊", "學院", "統戰", "黨外"):
        assert word not in text, f"the page still reads {word}"
    repairs = {(r["before"], r["after"]) for r in site.document("c_nanshan.txt")["repairs"] if r["kind"] == "phrase"}
    assert {("物件", "对象"), ("网路", "网络"), ("支援", "支持"), ("资讯", "信息")} <= repairs, repairs
    assert any(c["name"] == "南山大学化学学院" for c in site.report["cases"]), \
        f"no case for the college: {[c['name'] for c in site.report['cases']]}"


# --------------------------------------------------------------------------- page break


def test_a_paragraph_cut_by_a_page_break_is_rejoined(site):
    (article, _) = site.articles("b_yunxi.txt")
    texts = [squash(text_of(p)) for p in site.paragraphs(article["slug"])]
    whole = squash(CUT_BEFORE + CUT_AFTER)
    assert whole in texts, "the cut paragraph is not one paragraph on the page"
    assert squash(CUT_AFTER) not in texts and squash(CUT_BEFORE) not in texts
    joins = [r for r in site.document("b_yunxi.txt")["repairs"] if r["kind"] == "join"]
    assert len(joins) == 1 and CUT_BEFORE.endswith(joins[0]["before"]) and CUT_AFTER.startswith(joins[0]["after"])
