"""`actors._close` with its letter-set bound gives what the plain edit-distance table gave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diplomacy_corpus.extract import actors


def _old_close(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 2 or min(len(a), len(b)) < 8:
        return False
    limit = 1 + len(a) // 12
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit + 1:
            return False
        prev = cur
    return prev[-1] <= limit + (1 if sorted(a) == sorted(b) else 0)


_name = st.text(alphabet="abdeilmnorst -", min_size=6, max_size=30)


@settings(max_examples=1500)
@given(_name, _name)
def test_close_equals_plain_table(a: str, b: str) -> None:
    assert actors._close(a, b) == _old_close(a, b)


@settings(max_examples=1500)
@given(_name, st.lists(st.tuples(st.integers(0, 40), st.sampled_from("abdeilmnorst -")), max_size=4))
def test_close_equals_plain_table_on_near_names(a: str, edits: list[tuple[int, str]]) -> None:
    b = list(a)
    for pos, ch in edits:
        if pos % 3 == 0 and b:
            del b[pos % len(b)]
        elif pos % 3 == 1:
            b.insert(pos % (len(b) + 1), ch)
        elif b:
            b[pos % len(b)] = ch
    assert actors._close(a, "".join(b)) == _old_close(a, "".join(b))
