"""Bytes → text: the encodings Chinese work summaries actually arrive in."""
from __future__ import annotations

import codecs

# Signatures of formats that are never text, whatever the file is called.
_BINARY_MAGIC = {
    b"\x89PNG": "PNG 图片",
    b"\xff\xd8\xff": "JPEG 图片",
    b"GIF8": "GIF 图片",
    b"%PDF": "PDF 文件",
    b"PK\x03\x04": "ZIP/Office 压缩文件",
    b"\xd0\xcf\x11\xe0": "旧版 Office 文件",
    b"\x7fELF": "可执行文件",
}

# How much of a file may be undecodable before it counts as not text at all.
_MAX_BAD_FRACTION = 0.01


class UnreadableSource(ValueError):
    """The bytes are not a text we can read; the message says why, in Chinese."""


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raise UnreadableSource for binary or undecodable bytes."""
    if not data.strip():
        raise UnreadableSource("文件为空")
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise UnreadableSource(f"不是文本文件（{kind}）")
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _strict(data, name)
    utf16 = _guess_utf16(data)
    if utf16:
        return _strict(data, utf16)
    if b"\x00" in data:
        raise UnreadableSource("不是文本文件（含有 NUL 字节）")
    for name in ("utf-8", "gb18030"):
        try:
            return _checked(data.decode(name), name), name
        except UnicodeDecodeError:
            continue
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad <= max(1, len(data) * _MAX_BAD_FRACTION):
        return _checked(text, "utf-8"), f"utf-8（{bad} 处无效字节已替换为 \ufffd）"
    raise UnreadableSource("无法识别编码（既不是 UTF-8/UTF-16，也不是 GB18030/GBK）")


def _strict(data: bytes, name: str) -> tuple[str, str]:
    try:
        return _checked(data.decode(name), name), name
    except UnicodeDecodeError as error:
        raise UnreadableSource(f"按 {name} 解码失败：第 {error.start} 字节") from None


def _guess_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: Chinese text with ASCII punctuation leaves NULs on one side."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    # Chinese prose has little ASCII, but its line ends are b"\n\x00" (LE) or b"\x00\n" (BE);
    # one alone may be a stray NUL after a UTF-8 line end.
    units = [sample[i:i + 2] for i in range(0, len(sample), 2)]
    le_ends, be_ends = units.count(b"\n\x00"), units.count(b"\x00\n")
    if (odd > half * 0.2 or le_ends > 1 and not be_ends) and even < half * 0.05:
        return "utf-16-le"
    if (even > half * 0.2 or be_ends > 1 and not le_ends) and odd < half * 0.05:
        return "utf-16-be"
    return None


def _checked(text: str, name: str) -> str:
    """Refuse text that decoded but is mostly control characters (a binary in disguise)."""
    control = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\r\n\t\f")
    if control > max(8, len(text[:20000]) * 0.01):
        raise UnreadableSource(f"不是文本文件（按 {name} 解码后含大量控制字符）")
    return text.replace("\r\n", "\n").replace("\r", "\n")
