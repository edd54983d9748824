"""The JSON Lines reader decodes a line opening with "{" as UTF-8 itself: json.loads would too."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from diplomacy_corpus import inputs
from diplomacy_corpus.decoding import normalize_text


@given(st.binary(max_size=8))
def test_a_line_opening_with_a_brace_is_utf8_to_json(tail: bytes) -> None:
    raw = b"{" + tail
    if raw[1:2] != b"\x00":
        assert json.detect_encoding(raw) == "utf-8"


_LINES = st.binary(max_size=40) | st.text(max_size=20).map(
    lambda t: ('{"text": "' + t + '"}').encode("utf-8", "surrogatepass")
)


@given(_LINES)
def test_same_records_and_errors_as_json_loads(tail: bytes) -> None:
    raw = tail if tail.startswith(b"{") else b"{" + tail
    found = inputs._record_source(raw, "f:1", "f")
    try:
        record = json.loads(raw)
    except UnicodeDecodeError as exc:
        assert str(found).endswith(f"not valid UTF-8: byte 0x{exc.object[exc.start]:02x} at offset {exc.start}")
        return
    except (json.JSONDecodeError, RecursionError) as exc:
        assert str(found).endswith(f"not a JSON object: {exc}")
        return
    if isinstance(record, dict) and isinstance(record.get("text"), str) and record["text"].strip():
        assert found.text == normalize_text(record["text"])
