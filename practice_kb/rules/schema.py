"""What each rule file may hold: its keys, the type of each value, which values are
regular expressions. A rule file that does not fit is refused with its file, line and
problem (as topics.yml is), before any stage runs: an unknown key (a misspelt one would
be silently ignored), a missing one, a value of the wrong type, a pattern that does not
compile, a class name that names no class."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from ..config.errors import ConfigError

FACETS = ("问题", "原因", "对策", "经验", "心得", "背景")


class Spec:
    what = ""

    def check(self, node: yaml.Node, where: "_Where") -> None:
        raise NotImplementedError


@dataclass
class _Where:
    path: str

    def fail(self, node: yaml.Node, problem: str):
        raise ConfigError(self.path, node.start_mark.line + 1, problem)


class _Scalar(Spec):
    def __init__(self, what: str, accept) -> None:
        self.what, self.accept = what, accept

    def check(self, node, where):
        if not isinstance(node, yaml.ScalarNode):
            where.fail(node, f"应当是{self.what}")
        value = yaml.constructor.SafeConstructor().construct_object(node)
        if not self.accept(value):
            where.fail(node, f"应当是{self.what}，而不是 {node.value!r}")


Str = _Scalar("一段文字", lambda v: isinstance(v, str) and v != "")
Int = _Scalar("一个整数", lambda v: isinstance(v, int) and not isinstance(v, bool))
Number = _Scalar("一个数", lambda v: isinstance(v, (int, float)) and not isinstance(v, bool))
Bool = _Scalar("true 或 false", lambda v: isinstance(v, bool))
Facet = _Scalar("六个方面之一（" + "、".join(FACETS) + "）", lambda v: v in FACETS)


class _Regex(Spec):
    what = "一个正则表达式"

    def check(self, node, where):
        Str.check(node, where)
        try:
            re.compile(node.value)
        except re.error as error:
            where.fail(node, f"正则表达式有误：{error}")


Regex = _Regex()


@dataclass
class List(Spec):
    item: Spec
    min_items: int = 0
    what: str = "一个列表"

    def check(self, node, where):
        if not isinstance(node, yaml.SequenceNode):
            where.fail(node, "应当是一个列表")
        if len(node.value) < self.min_items:
            where.fail(node, f"至少应有 {self.min_items} 项")
        for item in node.value:
            self.item.check(item, where)


@dataclass
class Fields(Spec):
    """A mapping of these keys; a key written "?key" may be left out."""
    fields: dict[str, Spec]
    what: str = "一组键值"

    def check(self, node, where):
        if not isinstance(node, yaml.MappingNode):
            where.fail(node, "应当是一组“键: 值”")
        known = {name.lstrip("?"): spec for name, spec in self.fields.items()}
        seen = set()
        for key, value in node.value:
            if key.value not in known:
                where.fail(key, f"未知的键 {key.value!r}（可用的键：{'、'.join(known)}）")
            seen.add(key.value)
            known[key.value].check(value, where)
        missing = [name for name in self.fields if not name.startswith("?") and name not in seen]
        if missing:
            where.fail(node, f"缺少键：{'、'.join(missing)}")


@dataclass
class Map(Spec):
    """A mapping whose keys are the editor's (words, facets), each value of one kind."""
    key: Spec
    value: Spec
    what: str = "一组键值"

    def check(self, node, where):
        if not isinstance(node, yaml.MappingNode):
            where.fail(node, "应当是一组“键: 值”")
        for key, value in node.value:
            self.key.check(key, where)
            self.value.check(value, where)


@dataclass
class FileSchema:
    top: Fields
    # Names one key's entries give (e.g. furniture classes) that other keys must use.
    names: tuple[str, str] | None = None                     # (list key, name field)
    named_by: tuple[str, ...] = field(default_factory=tuple)  # keys whose items must be such names


SUFFIX = Fields({"suffix": Str, "kind": Str})
HEADING = Fields({"style": Str, "pattern": Regex, "?level_from_label": Bool, "?max_length": Int})

SCHEMAS: dict[str, FileSchema] = {
    "boilerplate.yml": FileSchema(Fields({
        "classes": List(Fields({"name": Str, "?strong": Bool, "?max_length": Int,
                                "patterns": List(Regex, 1)}), 1),
        "publishing_classes": List(Str), "list_classes": List(Str), "block_classes": List(Str),
        "?contents_classes": List(Str), "?document_start_classes": List(Str), "?block_not_opened": Regex,
        "?trail_classes": List(Str), "?attachment_classes": List(Str),
        "?chat": Fields({"name": Str, "min_messages": Int, "chatter_max_length": Int}), "?menus": Fields({"name": Str, "min_items": Int}),
        "?learned": Fields({"name": Str, "table_cells": Int, "text_characters": Int, "title_above": Int,
                            "?own_min_length": Int, "?titled_place": Regex, "?sentence_characters": Int, "?title_min_length": Int}),
        "?footnotes": Fields({"name": Str, "after": List(Str), "pattern": Regex}), "?end_classes": List(Str), "?reply_classes": List(Str),
        "?columns": Fields({"name": Str, "pattern": Regex, "?published_pattern": Regex}),
        "list_entry_max_length": Int,
        "page_numbers": Fields({"name": Str, "patterns": List(Regex, 1)}),
        "repeated": Fields({"name": Str, "min_count": Int, "max_length": Int}),
        "names": Fields({"name": Str, "max_length": Int, "within": Int, "?not_from": List(Str)}),
        "sentence": Fields({"min_length": Int, "punctuation": Regex, "min_marks": Int, "?prose_min_length": Int}),
        "metadata": Fields({"?date": List(Str), "?source": List(Str), "?author": List(Str), "?unit": List(Str),
                            "?title": List(Str)}),
        "inline": List(Fields({"name": Str, "pattern": Regex, "?markdown_only": Bool})),
        "markup": List(Regex),
    }), names=("classes", "name"), named_by=("publishing_classes", "list_classes", "block_classes", "contents_classes",
                                                            "document_start_classes", "trail_classes", "end_classes", "reply_classes",
                                                            "attachment_classes")),
    "cases.yml": FileSchema(Fields({
        "admin_suffixes": List(SUFFIX, 1), "stem_length": List(Int, 2),
        "organisation_suffixes": List(SUFFIX), "organisation_stem_length": List(Int, 2),
        "generic_organisation_stem": Regex, "place_opening": Regex,
        "university": Fields({"suffix": Str, "kind": Str, "stem_length": List(Int, 2)}),
        "college": Fields({"suffix": Str, "kind": Str, "stem_length": List(Int, 2), "?name_length": List(Int, 2)}),
        "department": Fields({"suffixes": List(Str, 1), "kind": Str, "stem_length": List(Int, 2)}),
        "name_tags": List(Str), "name_tags_whole_only": List(Str), "not_name_start": List(Str),
        "not_name_inside": List(Str), "?plain_stem_max_frequency": Int, "?rare_max_frequency": Int, "?rare_opening_tags": List(Str), "?not_name_inside_words": List(Str),
        "after_name": Regex, "before_name": Regex, "unit_after": Regex, "unit_before": Regex,
        "stop_words": List(Str), "generic_endings": List(Str), "min_mentions": Int,
        "opening_paragraphs": Int, "unproven_min_texts": Int, "?unproven_rare_min_texts": Int, "glued_place_words": List(Str), "heading_lead": Regex, "spread_sections": Int,
        "?figure": Regex, "clause_split": Regex,
    })),
    "facets.yml": FileSchema(Fields({
        "names": Map(Facet, Str), "heading_order": List(Facet), "heading_cues": Map(Facet, List(Str)),
        "negative_cues": List(Str), "lead_order": List(Facet), "lead_cues": Map(Facet, List(Str)),
        "lead_end": Regex, "article_cues": List(Fields({"facet": Facet, "pattern": Regex})),
        "article_default": Facet, "preface_facet": Facet, "lead_in": Regex, "?formula": Regex, "?formula_max_length": Int,
        "sentence_cues": List(Fields({"facet": Facet, "pattern": Regex, "?unless": Regex, "?strong": Bool,
                                      "in": List(_Scalar("一个方面或空文字（无小节）",
                                                         lambda v: v in FACETS or v == ""))})),
    })),
    "analysis.yml": FileSchema(Fields({
        "synthesis": Fields({"signature_bigrams": Int, "same_point": Number, "answers": Number,
                             "same_article": Number, "answers_shown": Int, "min_articles": Int, "shown": Int,
                             "folded": Int, "topic_bytes": Int, "per_page": Int, "page_bytes": Int,
                             "members_shown": Int, "label_length": Int,
                             "measures": List(Facet, 1), "problems": List(Facet, 1)}),
        "stories": Fields({"parts": Map(Str, List(Facet, 1)), "result": Regex, "result_heading": Regex,
                           "compare_places": Int, "compare_topics": Int}),
    })),
    "pages.yml": FileSchema(Fields({key: Int for key in (
        "topic_excerpts", "case_excerpts", "section_bytes", "more_page", "report_items", "sources_per_page",
        "cases_per_page", "case_list", "topic_cases", "more_list", "list_page", "page_bytes")})),
    "phrases.yml": FileSchema(Fields({"repairs": Map(Str, Str), "keep": List(Str)})),
    "punctuation.yml": FileSchema(Fields({"marks": Map(Str, Str), "parentheses": List(Str)})),
    "search.yml": FileSchema(Fields({
        "compound_min_count": Int, "compound_min_articles": Int, "compound_max_length": Int,
        "stopwords": List(Str), "?synonym_weight": Number, "?synonyms": List(List(Str, 2)),
        "boost": Fields({"page": Number, "title": Number, "heading": Number, "text": Number}),
        "term_index": Fields({"max_terms": Int, "min_paragraphs": Int, "paragraphs_per_term": Int, "min_idf": Number,
                              "exclude_patterns": List(Regex), "exclude_tags": List(Str), "exclude_verb_led": Bool, "exclude": List(Str), "include": List(Str)}),
    })),
    "similarity.yml": FileSchema(Fields({
        "duplicates": Fields({"min_chars": Int, "shingle_size": Int, "near_threshold": Number,
                              "article_fraction": Number, "minhash_bands": Int, "minhash_rows": Int,
                              "minhash_seed": Int}),
        "off_topic": Fields({"signature_words": Int, "signature_fraction": Number, "similarity_fraction": Number,
                             "max_coverage": Number, "min_articles": Int, "stop_words": List(Str)}),
    })),
    "structure.yml": FileSchema(Fields({
        "article_heading": Regex, "article_markers": List(Regex), "article_marker_max_length": Int,
        "byline": Regex, "date_line": Regex, "title_endings": Regex, "compilation_title": Regex,
        "untitled_split_min_length": Int, "collection_title": Regex, "headings": List(HEADING, 1),
        "heading_max_length": Int, "paragraph_openers": List(Regex), "point_markers": List(Regex),
        "sentence_end_marks": Regex, "reference_heading": Regex, "reference_line": Regex,
        "note_line": Regex, "?table_line": Regex, "sentence_end": Regex,
    })),
}


def validate(path: str, name: str, text: str) -> dict:
    """The rule file `name` read, once it is checked to fit its schema; ConfigError
    (file:line: problem) when it does not."""
    where = _Where(path)
    try:
        node = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ConfigError(path, mark.line + 1 if mark else 0,
                          f"YAML 格式错误：{getattr(error, 'problem', error)}") from None
    schema = SCHEMAS.get(name)
    if schema is None:
        raise ConfigError(path, 0, "没有这个规则文件的格式说明（practice_kb/rules/schema.py）")
    if node is None:
        raise ConfigError(path, 0, "规则文件是空的")
    schema.top.check(node, where)
    if schema.names is not None:
        _check_names(schema, node, where)
    return yaml.constructor.SafeConstructor().construct_document(node)


def _check_names(schema: FileSchema, node: yaml.Node, where: _Where) -> None:
    entries = dict((k.value, v) for k, v in node.value)
    list_key, field_name = schema.names
    names = {value.value for item in entries[list_key].value for key, value in item.value if key.value == field_name}
    for key in schema.named_by:
        for item in entries[key].value if key in entries else ():
            if item.value not in names:
                where.fail(item, f"{key} 中的 {item.value!r} 不是 {list_key} 里的名称")
