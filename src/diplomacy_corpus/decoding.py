"""Turning input bytes into clean Unicode text.

Detection, in this order:

1. a byte-order mark: UTF-8 (``utf-8-sig``), UTF-16 or UTF-32, little or big endian;
2. strict UTF-8 (most files: ASCII is UTF-8 too); a UTF-8 file cut in the middle of its
   last character (a truncated file) loses that character, with a warning, and is read;
3. text that is valid UTF-8 but for a few bytes is an error naming the first bad byte
   (corruption, not another encoding);
4. Windows-1258, the legacy Vietnamese code page, when the bytes look like it: its tone
   marks (bytes ``0xCC 0xEC 0xD2 0xDE 0xF2``, combining characters) follow vowels;
5. otherwise the best guess of ``charset-normalizer`` among Windows-1258, Windows-1252,
   UTF-16, Big5 and GB18030; when nothing fits, an
   [`InputError`][diplomacy_corpus.InputError] names the first byte that is not UTF-8.

``--encoding`` (``encoding=`` in the API) skips detection. The result is normalised to
NFC, so text typed on macOS (NFD, combining tone marks) and Windows-1258 text (combining
tone marks too) read the same as composed UTF-8. NUL characters and stray byte-order
marks are dropped; text full of other control characters is refused as binary.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from .errors import InputError

__all__ = ["DEFAULT_MAX_BYTES", "decode_bytes", "detect_encoding", "normalize_text"]

#: Inputs larger than this are refused unless the caller raises the cap (50 MiB).
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than the whitespace ones, plus DEL: text has almost none of them.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# Windows-1258 tone marks (combining grave, hook above, tilde, acute, dot below) right
# after a vowel, and the same bytes anywhere.
_CP1258_VOWELS = rb"aeiouyAEIOUY\xe2\xc2\xea\xca\xf4\xd4\xe3\xc3\xf5\xd5\xfd\xdd"
_CP1258_TONED_RE = re.compile(rb"[" + _CP1258_VOWELS + rb"][\xcc\xec\xd2\xde\xf2]")
_CP1258_TONE_RE = re.compile(rb"[\xcc\xec\xd2\xde\xf2]")
_UTF8_SEQUENCE_RE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_GUESSES = ["cp1258", "cp1252", "utf_16", "big5", "gb18030"]
_SAMPLE = 1 << 16

logger = logging.getLogger("diplomacy_corpus")


def normalize_text(text: str) -> str:
    """NFC-normalise text and drop characters that never belong in an article (NUL, BOM).

    Args:
        text: any text.

    Returns:
        The text in Unicode NFC without NUL characters or byte-order marks.
    """
    if "\ufeff" in text or "\x00" in text:
        text = text.replace("\ufeff", "").replace("\x00", "")
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _first_bad_byte(data: bytes, encoding: str) -> str:
    try:
        data.decode(encoding)
    except UnicodeDecodeError as exc:
        # Some codecs (utf-8-sig) report offsets in what follows the byte-order mark.
        offset = exc.start + len(data) - len(exc.object)
        return f"byte 0x{exc.object[exc.start]:02x} at offset {offset}"
    except LookupError:
        return "unknown encoding"
    return "no bad byte"


def _mostly_utf8(data: bytes) -> bool:
    """Whether most bytes above 0x7F form valid UTF-8 sequences (so a few bad bytes are corruption)."""
    sample = data[:_SAMPLE]
    high = sum(1 for byte in sample if byte > 0x7F)
    if high < 6:
        return False
    valid = sum(len(m) for m in _UTF8_SEQUENCE_RE.findall(sample))
    return valid >= 0.9 * high


def _looks_like_cp1258(data: bytes) -> bool:
    sample = data[:_SAMPLE]
    toned = len(_CP1258_TONED_RE.findall(sample))
    return toned >= 2 and toned >= 0.8 * len(_CP1258_TONE_RE.findall(sample))


def detect_encoding(data: bytes, *, origin: str = "<bytes>") -> str:
    """The codec that reads ``data`` (see the module docs for the order of the checks).

    Args:
        data: the raw bytes of one input.
        origin: the input's name, used in error messages.

    Returns:
        A Python codec name.

    Raises:
        InputError: when no encoding fits, naming ``origin`` and the first bad byte.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            if codec == "utf-32" and data.startswith(codecs.BOM_UTF32_LE):
                try:
                    data.decode(codec)
                except UnicodeDecodeError:  # FF FE 00 00 may be UTF-16 text starting with NUL
                    continue
            return codec
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    else:
        return "utf-8"
    if _mostly_utf8(data):
        raise InputError(f"{origin}: UTF-8 text with an invalid {bad} (corrupt or mixed encodings); "
                         "pass --encoding to read it otherwise")
    if b"\x00" in data[:_SAMPLE]:
        raise InputError(f"{origin}: binary data, not text (NUL bytes; first byte that is not UTF-8: {bad})")
    if _looks_like_cp1258(data):
        try:
            data.decode("cp1258")
        except UnicodeDecodeError:
            pass
        else:
            return "cp1258"
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 20], cp_isolation=_GUESSES).best()
    if best is None:
        raise InputError(f"{origin}: cannot decode: not UTF-8 ({bad}) and no other encoding fits; "
                         "pass --encoding")
    return str(best.encoding)


def _without_cut_character(data: bytes, origin: str) -> bytes:
    """UTF-8 data cut in the middle of its last character (a truncated file), without that character."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            logger.warning("%s: ends in the middle of a UTF-8 character (truncated?); dropped %d byte(s)",
                           origin, len(data) - exc.start)
            return data[: exc.start]
    return data


def decode_bytes(data: bytes, *, origin: str, encoding: str | None = None) -> str:
    """Decode the bytes of one input to NFC text.

    Args:
        data: the raw bytes.
        origin: the input's name, used in error messages.
        encoding: force this codec instead of detecting one.

    Returns:
        The text, NFC-normalised.

    Raises:
        InputError: for empty, binary or undecodable input, naming ``origin`` and the
            first bad byte.
    """
    if not data.strip():
        raise InputError(f"{origin}: empty input")
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"{origin}: unknown encoding {encoding!r} (--encoding)") from None
        codec = encoding
    else:
        data = _without_cut_character(data, origin)
        codec = detect_encoding(data, origin=origin)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        raise InputError(f"{origin}: not valid {codec}: {_first_bad_byte(data, codec)}"
                         + ("" if encoding else "; pass --encoding")) from None
    sample = text[:8192]
    controls = len(_CONTROL_RE.findall(sample))
    if controls > max(2, len(sample) // 100):
        raise InputError(f"{origin}: binary data, not text ({controls} control characters "
                         f"in the first {len(sample)} characters)")
    text = normalize_text(text)
    if not text.strip():
        raise InputError(f"{origin}: empty input (only whitespace after decoding)")
    return text
