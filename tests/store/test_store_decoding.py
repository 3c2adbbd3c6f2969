"""Decoding never stores mojibake: damaged UTF-8 stays UTF-8 (bad bytes replaced and
reported, or refused with the offset), a one-byte encoding is accepted only when the text
then reads as Latin or Cyrillic text, UTF-16 is read with or without a BOM."""

import random
import sqlite3

import pytest

from app.store import ingest_paths
from app.store.errors import ReadError
from app.store.readers import read_bytes


def decode(data: bytes, name: str = "input.txt") -> tuple[str, str]:
    read = read_bytes(data, name)
    return read.text, read.encoding

EN = ("The Minister’s talks in Mïnsk and Kraków – “a new stage” of cooperation. The two "
      "ministers discussed trade, which reached $46.5 billion in 2023, up 5% on 2022. ")
RU = ("Министр иностранных дел России провёл переговоры в Минске с коллегой из Беларуси. "
      "Товарооборот вырос на пять процентов, сообщили в министерстве. ")


def _flipped(text: str, seed: int) -> bytes:
    rng = random.Random(seed)
    data = bytearray(text.encode("utf-8"))
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(data))
        flipped = data[i] ^ (1 << rng.randrange(8))
        if flipped >= 0x20:  # a NUL or other control character makes it "binary"
            data[i] = flipped
    return bytes(data)


@pytest.mark.parametrize("base", [EN * 8, RU * 8, (EN + RU) * 4])
def test_byte_flipped_utf8_is_never_another_encoding(base):
    for seed in range(100):
        data = _flipped(base, seed)
        try:
            text, encoding = decode(data)
        except ReadError as exc:
            assert "byte" in str(exc)
            continue
        assert encoding.startswith("utf-8"), (seed, encoding)
        # mojibake turns each non-ASCII character into two or three
        assert abs(len(text) - len(base.strip())) <= 12, (seed, encoding)
        assert ("\ufffd" in text) == ("replaced" in encoding)


def test_few_bad_bytes_replaced_and_reported():
    data = (EN * 20).encode("utf-8")
    data = data[:100] + b"\xff" + data[100:500] + b"\xc3" + data[500:]
    text, encoding = decode(data)
    assert encoding == "utf-8 (2 bad bytes replaced)"
    assert text.count("\ufffd") == 2
    assert "Mïnsk" in text and "“a new stage”" in text


def test_many_bad_bytes_refused_with_offset():
    data = (EN * 20).encode("utf-8")
    data = data[:777] + b"\xfe\xff" * 60 + data[777:]
    with pytest.raises(ReadError, match=r"first at byte 777"):
        decode(data, "damaged.txt")


def test_latin1_is_not_read_as_cp1250():
    data = ("Talks in Mïnsk with the Minister of Foreign Affairs. The two sides discussed "
            "trade and cooperation in the capital.").encode("latin-1")
    text, encoding = decode(data)
    assert "Mïnsk" in text
    assert encoding == "cp1252"


@pytest.mark.parametrize("enc, text", [
    ("cp1251", RU * 3), ("koi8_r", RU * 3), ("cp866", RU * 3),
    ("cp1252", "Der Außenminister traf in München seinen französischen Amtskollegen. " * 3),
    ("cp1250", "Spotkanie w Łodzi i Gdańsku: minister rozmawiał o współpracy. Źródło: MSZ. " * 3),
    ("cp1250", "Ministr zahraničních věcí České republiky jednal v Praze o spolupráci. " * 3),
])
def test_one_byte_encodings_read_as_their_language(enc, text):
    decoded, encoding = decode(text.encode(enc))
    assert decoded.strip() == text.strip(), encoding


def test_unreadable_bytes_refused():
    rng = random.Random(7)
    data = bytes(rng.randrange(128, 256) for _ in range(4000))
    with pytest.raises(ReadError, match="encoding"):
        decode(data, "noise.txt")


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [EN * 3, RU * 3])
def test_utf16_without_bom(enc, text):
    read = read_bytes(text.encode(enc), "release.txt")
    assert read.text.strip() == text.strip()
    assert read.encoding == enc


def test_damaged_html_declared_utf8_is_not_mojibake():
    page = (f"<html><head><meta charset='utf-8'></head><body><article><h1>Talks</h1><p>{EN}"
            f"</p><p>{RU}</p></article></body></html>").encode()
    page = page.replace(b"cooperation", b"cooper\xffation", 1)
    text, encoding = decode(page, "page.html")
    assert "Mïnsk" in text and "Министр" in text
    assert encoding == "utf-8 (1 bad byte replaced)"


def test_declared_legacy_charset_html():
    page = (f"<html><head><meta http-equiv='Content-Type' content='text/html; "
            f"charset=windows-1251'></head><body><p>{RU * 3}</p></body></html>")
    read = read_bytes(page.encode("cp1251"), "page.html")
    assert "Министр иностранных дел" in read.text
    assert read.encoding == "windows-1251"


def test_encoding_kept_in_the_database(tmp_path):
    path = tmp_path / "damaged.txt"
    data = ("Sergey Lavrov held talks with his counterpart. " + EN * 10).encode("utf-8")
    path.write_bytes(data[:300] + b"\x80" + data[300:])
    (result,) = ingest_paths(tmp_path / "d.db", [path])
    assert result.status == "added", result.message
    assert "utf-8 (1 bad byte replaced)" in result.message
    conn = sqlite3.connect(tmp_path / "d.db")
    assert conn.execute("SELECT encoding FROM documents").fetchone()[0] == \
        "utf-8 (1 bad byte replaced)"
