"""Turning input bytes into clean Unicode text.

Detection order: a byte-order mark (UTF-8, UTF-16, UTF-32); strict UTF-8; then the
best guess of ``charset-normalizer`` among encodings Vietnamese text is found in
(Windows-1258 and the like). The result is normalised to NFC, so text typed on macOS
(NFD, combining tone marks) and legacy Windows-1258 text (combining tone marks too)
read the same as composed UTF-8.
"""

from __future__ import annotations

import codecs
import unicodedata

from .errors import InputError

__all__ = ["DEFAULT_MAX_BYTES", "decode_bytes", "normalize_text"]

#: Inputs larger than this are refused unless the caller raises the cap (50 MiB).
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f", "\v"}


def normalize_text(text: str) -> str:
    """NFC-normalise text and drop characters that never belong in an article (NUL, BOM)."""
    text = text.replace("\ufeff", "").replace("\x00", "")
    return unicodedata.normalize("NFC", text)


def _first_bad_byte(data: bytes, encoding: str) -> str:
    try:
        data.decode(encoding)
    except UnicodeDecodeError as exc:
        return f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    except LookupError:
        return "unknown encoding"
    return "no bad byte"


def decode_bytes(data: bytes, *, origin: str, encoding: str | None = None) -> str:
    """Decode the bytes of one input to NFC text.

    Args:
        data: the raw bytes.
        origin: the input's name, used in error messages.
        encoding: force this codec instead of detecting one.

    Raises:
        InputError: for empty, binary or undecodable input, naming ``origin`` and the
            first bad byte.
    """
    if not data.strip():
        raise InputError(f"{origin}: empty input")
    if encoding:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise InputError(f"{origin}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError:
            raise InputError(
                f"{origin}: not valid {encoding}: {_first_bad_byte(data, encoding)}") from None
        return normalize_text(text)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return normalize_text(data.decode(codec))
            except UnicodeDecodeError:
                raise InputError(f"{origin}: not valid {codec} after its byte-order mark: "
                                 f"{_first_bad_byte(data, codec)}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _guess(data, origin)
    sample = text[:8192]
    if sample and sum(ch in _CONTROL for ch in sample) > max(2, len(sample) // 100):
        raise InputError(f"{origin}: binary data, not text (control characters in the first {len(sample)} characters)")
    return normalize_text(text)


def _guess(data: bytes, origin: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{origin}: binary data, not text (NUL bytes)")
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 20], cp_isolation=["cp1258", "cp1252", "latin_1", "utf_16", "big5", "gb18030"]).best()
    if best is None:
        raise InputError(f"{origin}: cannot decode: not UTF-8 ({_first_bad_byte(data, 'utf-8')}) "
                         "and no other encoding fits; pass --encoding")
    try:
        return data.decode(best.encoding)
    except UnicodeDecodeError:
        raise InputError(f"{origin}: cannot decode as {best.encoding}: "
                         f"{_first_bad_byte(data, best.encoding)}; pass --encoding") from None
