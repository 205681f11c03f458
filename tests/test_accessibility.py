"""axe-core on every page kind of the seed site, at desktop and phone width, in headless
chromium from file://: a serious or critical violation is a bug."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
BLOCKING = ("serious", "critical")


def page_kinds(site):
    """One page of each kind the build makes, as paths under the site."""
    def first(folder: str, holding: str = ""):
        pages = sorted(p for p in (site / folder).glob("*.html") if p.name != "index.html")
        assert pages, f"no pages in {folder}/"
        return next((p for p in pages if holding in p.read_text(encoding="utf-8")), pages[0])
    return {
        "首页": site / "index.html", "专题": first("topics"), "专题目录": site / "topics" / "index.html",
        # the analysis' own elements: 要点 with their answers and folds, a case's comparison
        "专题（要点）": first("topics", 'class="kb-answers"'), "案例（对比）": first("cases", 'id="compare"'),
        "案例": first("cases"), "原文": first("sources"), "问题清单": site / "problems.html",
        "对策清单": site / "countermeasures.html", "索引": site / "terms.html",
        "课程": site / "courses" / "index.html", "构建报告": site / "report.html",
    }


# Finite CSS transitions and animations still running (Material fades the tabs in and out,
# 0.25 s a link): axe must read the colours a reader sees, not a frame of a fade.
_SETTLED = """() => document.getAnimations().every(
    a => a.playState !== "running" || a.effect.getComputedTiming().iterations === Infinity)"""


def blocking(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe
    page.wait_for_function(_SETTLED, timeout=10_000)
    results = Axe().run(page).response
    return [f"{v['impact']} {v['id']} ×{len(v['nodes'])}: {v['nodes'][0]['target']} — "
            f"{' '.join(v['nodes'][0].get('failureSummary', '').split())[:200]}"
            for v in results["violations"] if v["impact"] in BLOCKING]


@pytest.mark.parametrize("device", VIEWPORTS)
def test_every_page_kind_has_no_serious_accessibility_violation(page, seed_site, device):
    page.set_viewport_size(VIEWPORTS[device])
    found = {}
    for kind, path in page_kinds(seed_site[0]).items():
        assert path.is_file(), path
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        problems = blocking(page)
        if problems:
            found[kind] = problems
    assert not found, "\n".join(f"{kind}: {p}" for kind, problems in found.items() for p in problems)


@pytest.mark.parametrize("device", VIEWPORTS)
def test_the_open_search_with_results_has_no_serious_accessibility_violation(page, seed_site, device):
    page.set_viewport_size(VIEWPORTS[device])
    page.goto((seed_site[0] / "index.html").as_uri())
    page.wait_for_load_state("load")
    from tests.test_search_browser import search
    search(page, "统战")
    page.wait_for_timeout(600)            # the results fade in: judge their colours, not the fade
    assert blocking(page) == []
