"""The signature block: authority ("KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"), position, name.

The block follows the recipients list ("Nơi nhận: ... - Lưu: VT, ...") or, in a Word table, sits
in the cell beside it. The authority line starts with one of the signing prefixes of Decree
30/2020 (KT., TM., TL., TUQ., Q.); the position is the upper-case line under it; the name is the
last line that reads like a person's name (capitalised words, no digits).
"""

from __future__ import annotations

import itertools
import re

from binhdang.plans.extraction.document import Block
from binhdang.plans.extraction.records import Signer
from binhdang.plans.extraction.text import fold, is_upper_text

AUTHORITY_RE = re.compile(r"^(?:KT|TM|TL|TUQ|Q)\s*\.\s*\S", re.IGNORECASE)
# Upper-case positions that may follow the authority on the same line ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH").
POSITION_START = ("phó", "chủ tịch", "giám đốc", "trưởng", "chánh", "bí thư")
NOTES = ("đã ký", "ký", "ký tên", "ký, ghi rõ họ tên", "ký và ghi rõ họ tên", "đóng dấu")


def signer(blocks: list[Block]) -> Signer | None:
    """The signer from the closing blocks (or the last blocks of a document with no closing)."""
    candidates = [
        b for b in blocks if b.kind != "bullet" and not b.body.lower().startswith(("nơi nhận", "lưu"))
    ]
    candidates = [b for b in candidates if fold(b.body.strip("()[] .")) not in {fold(n) for n in NOTES}]
    authority_at = next((i for i, b in enumerate(candidates) if AUTHORITY_RE.match(b.body)), None)
    start = authority_at if authority_at is not None else _first_upper(candidates)
    if start is None:
        return None
    authority: str | None = None
    position: str | None = None
    used = [candidates[start]]
    first = candidates[start].body.strip()
    rest = candidates[start + 1 :]
    if authority_at is not None:
        authority, position = _split_authority(first)
        while position is None and rest and AUTHORITY_RE.match(rest[0].body):
            more, position = _split_authority(rest[0].body.strip())
            authority = f"{authority} {more}"
            used.append(rest[0])
            rest = rest[1:]
    else:
        position = first
    if position is None and rest and is_upper_text(rest[0].body) and not _is_name(rest[0].body):
        position = rest[0].body.strip()
        used.append(rest[0])
        rest = rest[1:]
    names = [b for b in rest if _is_name(b.body)]
    if not names:
        return None
    name_block = names[-1]
    used.append(name_block)
    consecutive = all(b.index + 1 == c.index for b, c in itertools.pairwise(used))
    source = " ".join(b.text for b in used) if consecutive else name_block.text
    return {"authority": authority, "position": position, "name": name_block.body.strip(), "source": source}


def _first_upper(blocks: list[Block]) -> int | None:
    for i, block in enumerate(blocks):
        if is_upper_text(block.body) and not _is_name(block.body):
            return i
    return None


def _split_authority(line: str) -> tuple[str, str | None]:
    """ "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" -> ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"); a lone authority keeps None."""
    words = line.split()
    for i in range(2, len(words)):
        tail = " ".join(words[i:])
        if any(fold(tail).startswith(fold(p)) for p in POSITION_START):
            return " ".join(words[:i]), tail
    return line, None


def _is_name(text: str) -> bool:
    """A person's name: 2-6 words, each capitalised, no digits or punctuation."""
    text = text.strip()
    words = text.split()
    if not 2 <= len(words) <= 6 or re.search(r"[\d.,:;/()]", text):
        return False
    if is_upper_text(text) and any(fold(text).startswith(fold(p)) for p in POSITION_START):
        return False
    return all(w[0].isupper() for w in words)
