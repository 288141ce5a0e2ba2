"""Bytes to text: BOMs, UTF-16/32, UTF-8, Latin-1/cp1252, and binary detection."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.decoding import (
    binary_kind,
    decode_bytes,
    decode_utf8_or_cp1252,
    detect_encoding,
    looks_like_text,
)

TEXT = "GENEVA (AFP) - « Nous voulons la paix », a déclaré le ministre.\r\nLine two — “quoted”.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + TEXT.encode(), "utf-8"),
        (
            TEXT.encode("utf-16"),
            "utf-16-le" if TEXT.encode("utf-16")[:2] == codecs.BOM_UTF16_LE else "utf-16-be",
        ),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le"),
        (TEXT.encode("utf-8"), "utf-8"),
    ],
)
def test_every_unicode_form_decodes_to_the_same_text(data: bytes, encoding: str) -> None:
    assert detect_encoding(data) == encoding
    assert decode_bytes(data) == TEXT


def test_latin1_file_reads_correctly() -> None:
    text = "MÜNCHEN (dpa) - Der Außenminister sagte: « ça va »."
    assert decode_bytes(text.encode("latin-1")) == text


def test_cp1252_quotes_and_dashes_read_correctly() -> None:
    text = "PARIS (AFP) – “We will talk,” the minister said — twice…"
    assert decode_bytes(text.encode("cp1252")) == text


def test_one_stray_cp1252_byte_in_utf8_keeps_the_utf8_right() -> None:
    data = "Zürich “ok”".encode() + b" \x93bad\x94"
    assert decode_utf8_or_cp1252(data) == "Zürich “ok” “bad”"


def test_bytes_undefined_in_cp1252_fall_back_to_latin1() -> None:
    assert decode_utf8_or_cp1252(b"a\x81b") == "a\x81b"


def test_crlf_is_kept() -> None:
    assert decode_bytes(b"a\r\nb") == "a\r\nb"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
        (b"PK\x03\x04" + bytes(100), "ZIP archive (also .docx/.xlsx)"),
        (b"%PDF-1.7\n", "PDF document"),
        (bytes(range(256)) * 4, "binary file"),
    ],
)
def test_binary_files_are_named(data: bytes, kind: str) -> None:
    assert binary_kind(data) == kind


def test_utf16_text_is_not_binary_despite_nul_bytes() -> None:
    assert binary_kind(TEXT.encode("utf-16-le")) is None


def test_text_check_rejects_decoded_garbage() -> None:
    assert not looks_like_text("\x01\x02\x03abc\x04\x05")
    assert looks_like_text("Plain text with\ttabs\r\nand 中文 and emoji 🙂")


@given(st.binary(max_size=2000))
def test_decoding_never_raises(data: bytes) -> None:
    text = decode_bytes(data)
    assert text is None or isinstance(text, str)
    binary_kind(data)


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=300))
def test_utf8_text_round_trips(text: str) -> None:
    assert decode_utf8_or_cp1252(text.encode("utf-8")) == text
