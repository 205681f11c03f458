"""The plugin's options in mkdocs.yml, with defaults."""
from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class KnowledgeBaseConfig(Config):
    # Raw source files, relative to mkdocs.yml.
    sources = c.Type(str, default="source_texts")
    # The editor's taxonomy of topics, relative to mkdocs.yml.
    topics = c.Type(str, default="topics.yml")
    # Where generated Markdown is written (ignored by git, excluded from docs scanning).
    generated = c.Type(str, default="docs/generated")
    # Trainers' courses (courses/<name>.yml), relative to mkdocs.yml; no folder, no course pages.
    courses = c.Type(str, default="courses")
    # Where jieba's cuts are kept between builds (relative to mkdocs.yml); "" keeps none.
    cache = c.Type(str, default=".cache/practice_kb")
    # Every address the site has published (committed beside mkdocs.yml): each one no
    # longer published leads on to where its content is now. "" keeps no history.
    addresses = c.Type(str, default="addresses.json")
    # The site's search box, with our index of paragraphs (Material's search plugin is not
    # needed and not loaded; see compat.py).
    search = c.Type(bool, default=True)
