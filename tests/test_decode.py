"""practice_kb.ingest.decode: bytes in the encodings Chinese summaries arrive in → text."""
from __future__ import annotations

import codecs
import random

import pytest

from practice_kb.ingest.decode import UnreadableSource, decode

# A small summary of a fictional township, with Chinese punctuation, a digit and line ends.
TEXT = (
    "青石镇2023年乡村治理工作总结\n"
    "一、基本情况\n"
    "今年以来，青石镇党委坚持问题导向，扎实推进网格化管理。\n"
    "全镇共划分网格四十个，化解矛盾纠纷一百余件。\n"
)


def test_utf8_file_is_decoded():
    assert decode(TEXT.encode("utf-8")) == (TEXT, "utf-8")


def test_utf8_file_with_bom_is_decoded_without_the_bom():
    text, encoding = decode(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert text == TEXT
    assert not text.startswith("\ufeff")
    assert encoding == "utf-8-sig"


def test_utf16_le_file_with_bom_is_decoded():
    text, encoding = decode(codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"))
    assert text == TEXT
    assert encoding.startswith("utf-16")


def test_utf16_be_file_with_bom_is_decoded():
    text, encoding = decode(codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"))
    assert text == TEXT
    assert encoding.startswith("utf-16")


def test_utf16_le_file_without_bom_is_decoded():
    assert decode(TEXT.encode("utf-16-le")) == (TEXT, "utf-16-le")


def test_utf16_le_file_without_bom_and_almost_no_ascii_is_decoded():
    # Chinese prose with full-width punctuation: the only ASCII is the line ends.
    prose = "云溪县扎实开展人居环境整治，村容村貌明显改善，群众满意度不断提升。\n" * 3
    assert decode(prose.encode("utf-16-le")) == (prose, "utf-16-le")


def test_utf16_be_file_without_bom_is_decoded():
    assert decode(TEXT.encode("utf-16-be")) == (TEXT, "utf-16-be")


def test_gb18030_file_is_decoded():
    text = TEXT + "镕𠀀\n"   # 镕 is outside GB2312, 𠀀 needs GB18030's four-byte form
    assert decode(text.encode("gb18030")) == (text, "gb18030")


def test_gbk_file_is_decoded():
    assert decode(TEXT.encode("gbk")) == (TEXT, "gb18030")


def test_crlf_line_ends_become_lf():
    text, _ = decode(TEXT.replace("\n", "\r\n").encode("utf-8"))
    assert text == TEXT
    assert "\r" not in text


def test_crlf_line_ends_become_lf_in_utf16():
    text, _ = decode(codecs.BOM_UTF16_LE + TEXT.replace("\n", "\r\n").encode("utf-16-le"))
    assert text == TEXT


def test_empty_file_is_unreadable():
    with pytest.raises(UnreadableSource):
        decode(b"")


def test_whitespace_only_file_is_unreadable():
    with pytest.raises(UnreadableSource):
        decode(b" \r\n\t \n  \n")


def test_png_image_is_unreadable_and_named_as_such():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    with pytest.raises(UnreadableSource, match="PNG"):
        decode(png)


def test_random_bytes_with_nuls_are_unreadable():
    rng = random.Random(7)
    noise = bytes(rng.randrange(256) for _ in range(2000)) + b"\x00\x00\x00\x00"
    with pytest.raises(UnreadableSource):
        decode(noise)


def test_bytes_in_no_known_encoding_are_unreadable():
    # No NULs, not UTF-8, and 0xFF is never part of a GB18030 character.
    rng = random.Random(11)
    noise = bytes(rng.choice(b"\xff\xfe\x80\xc0\xe9") for _ in range(600))
    assert b"\x00" not in noise and b"\xff" in noise
    with pytest.raises(UnreadableSource):
        decode(noise)


def test_utf8_file_with_one_invalid_byte_is_decoded_with_a_replacement_character():
    good = TEXT.encode("utf-8")
    cut = len("青石镇2023年乡村治理工作总结\n一、基本".encode("utf-8"))
    text, encoding = decode(good[:cut] + b"\xff" + good[cut:])
    assert text == TEXT[:TEXT.index("情况")] + "\ufffd" + TEXT[TEXT.index("情况"):]
    assert encoding != "utf-8"
    assert encoding.startswith("utf-8")
    assert "1" in encoding and "\ufffd" in encoding


def test_utf8_file_with_a_stray_nul_after_a_line_end_is_not_read_as_utf16():
    data = "a青石镇今年开展了三项工作。\n".encode("utf-8") + b"\x00"
    assert len(data) % 2 == 0 and data.index(b"\n\x00") % 2 == 0
    with pytest.raises(UnreadableSource, match="NUL"):
        decode(data)


def test_utf8_file_padded_with_nuls_is_unreadable():
    with pytest.raises(UnreadableSource):
        decode(TEXT.encode("utf-8") + b"\x00" * 64)
