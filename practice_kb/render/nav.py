"""The tab a page outside the navigation belongs to: a topic's page is under 专题, a case
under 案例, the second page of 问题清单 under 问题清单. Only the pages named in mkdocs.yml
are in the navigation (so that it stays small however large the corpus), so the theme
would mark no tab on the others."""
from __future__ import annotations

import re


def tab_page(name: str, nav_pages: list):
    """The navigation page a generated page `name` ("topics/x.md", "problems-2.md") sits
    under, or None."""
    first = re.sub(r"-\d+$", "", name.split("/", 1)[0].removesuffix(".md"))
    wanted = (f"{first}/index.md", f"{first}.md")
    return next((page for page in nav_pages if page.file.src_uri in wanted), None)
