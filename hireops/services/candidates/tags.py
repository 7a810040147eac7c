"""Tags on candidates: short labels HR puts on people ("Python", "Rehire", "Spring fair") to find
them again in the tracker. One of each label per person whatever its case; every change is
audited. A tag is HR's text, bounded and shown escaped like everything else.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict

import sqlalchemy as sa
from sqlmodel import Session, select

from hireops.models import Candidate, CandidateTag, User
from hireops.services.platform.audit import record_event

MAX_TAG_LENGTH = 40
MAX_TAGS_PER_CANDIDATE = 20
# Tags added in one go (a bulk action names a few labels, not a list pasted by mistake).
MAX_TAGS_PER_REQUEST = 10
TAGGED = "candidate.tagged"
UNTAGGED = "candidate.untagged"


class InvalidTag(ValueError):
    """A tag that is empty, too long or holds control characters; the message says which."""


def clean_tag(text: str) -> tuple[str, str]:
    """The tag as shown (spaces tidied) and its key (case-folded), or InvalidTag."""
    if not isinstance(text, str):
        raise InvalidTag("A tag is text.")
    # split() without arguments is linear and also drops tabs and line breaks.
    label = " ".join(unicodedata.normalize("NFC", text[:200]).split())
    if not label:
        raise InvalidTag("A tag needs at least one letter or digit.")
    if len(label) > MAX_TAG_LENGTH:
        raise InvalidTag(f"A tag is at most {MAX_TAG_LENGTH} characters.")
    if any(unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn") for char in label):
        raise InvalidTag("A tag holds letters, digits, spaces and punctuation only.")
    return label, label.casefold()[:MAX_TAG_LENGTH]


def parse_tags(text: str) -> list[tuple[str, str]]:
    """Comma-separated tags as typed, cleaned and without repeats; InvalidTag on a bad one."""
    pieces = [piece for piece in text[:2000].split(",") if piece.strip()]
    if len(pieces) > MAX_TAGS_PER_REQUEST:
        raise InvalidTag(f"At most {MAX_TAGS_PER_REQUEST} tags at a time.")
    cleaned: dict[str, str] = {}
    for piece in pieces:
        label, key = clean_tag(piece)
        cleaned.setdefault(key, label)
    return [(label, key) for key, label in cleaned.items()]


def add_tags(*, session: Session, candidate_ids: list[int], text: str,
             actor: User | None) -> int:
    """Put the comma-separated tags of `text` on each candidate (the ones they lack, up to
    MAX_TAGS_PER_CANDIDATE), one audit event per candidate changed; returns how many tags were
    added. Commits."""
    tags = parse_tags(text)
    if not tags:
        raise InvalidTag("Type a tag first.")
    wanted = sorted(set(candidate_ids))
    existing = set(session.exec(select(Candidate.id).where(Candidate.id.in_(wanted))).all())
    held = _keys_of(session, wanted)
    added = 0
    for candidate_id in wanted:
        if candidate_id not in existing:
            continue
        new = [(label, key) for label, key in tags if key not in held[candidate_id]]
        new = new[:max(0, MAX_TAGS_PER_CANDIDATE - len(held[candidate_id]))]
        if not new:
            continue
        session.add_all([CandidateTag(candidate_id=candidate_id, tag=label, tag_key=key)
                         for label, key in new])
        record_event(session=session, action=TAGGED, actor=actor, entity_type="candidate",
                     entity_id=candidate_id, after={"tags": [label for label, _ in new]})
        added += len(new)
    session.commit()
    return added


def remove_tag(*, session: Session, candidate_id: int, tag: str, actor: User | None) -> bool:
    """Take one tag off a candidate, audited; False when they did not have it. Commits."""
    try:
        _, key = clean_tag(tag)
    except InvalidTag:
        return False
    row = session.exec(select(CandidateTag).where(CandidateTag.candidate_id == candidate_id,
                                                  CandidateTag.tag_key == key)).first()
    if row is None:
        return False
    session.delete(row)
    record_event(session=session, action=UNTAGGED, actor=actor, entity_type="candidate",
                 entity_id=candidate_id, before={"tags": [row.tag]})
    session.commit()
    return True


def tags_of(*, session: Session, candidate_ids: list[int]) -> dict[int, list[str]]:
    """Each candidate's tags, alphabetical (candidates without any are left out)."""
    found: dict[int, list[str]] = defaultdict(list)
    if not candidate_ids:
        return found
    rows = session.exec(select(CandidateTag.candidate_id, CandidateTag.tag)
                        .where(CandidateTag.candidate_id.in_(sorted(set(candidate_ids))))).all()
    for candidate_id, tag in sorted(rows, key=lambda row: alphabetical(row[1])):
        found[candidate_id].append(tag)
    return found


def all_tags(*, session: Session) -> list[str]:
    """Every tag in use, one spelling per key, alphabetical (the tracker's filter choices)."""
    rows = session.exec(select(CandidateTag.tag_key, sa.func.min(CandidateTag.tag))
                        .group_by(CandidateTag.tag_key)).all()
    return sorted((label for _, label in rows), key=alphabetical)


def alphabetical(tag: str) -> tuple[str, str]:
    """A sort key that files "École" under e, the same on every database (their collations
    differ)."""
    folded = unicodedata.normalize("NFKD", tag.casefold())
    return "".join(char for char in folded if not unicodedata.combining(char)), tag


def tagged_candidates(tags: list[str]) -> sa.Select:
    """The ids of candidates with any of `tags` (an uncorrelated subquery for filters)."""
    keys = []
    for tag in tags:
        try:
            keys.append(clean_tag(tag)[1])
        except InvalidTag:
            continue
    return select(CandidateTag.candidate_id).where(CandidateTag.tag_key.in_(keys)).correlate(None)


def move_tags(*, session: Session, from_id: int, to_id: int) -> list[str]:
    """Give `to_id` the labels of `from_id` it lacks (a merge: the duplicate's tags must not stay
    on a hidden record); a label both hold, whatever its case, stays as `to_id` wrote it. Returns
    the labels moved. Does not commit: the merge commits once for all it moves."""
    held = _keys_of(session, [to_id])[to_id]
    moved = []
    for row in session.exec(select(CandidateTag).where(CandidateTag.candidate_id == from_id)
                            .order_by(CandidateTag.id)).all():
        if row.tag_key in held:
            session.delete(row)
            continue
        row.candidate_id = to_id
        session.add(row)
        held.add(row.tag_key)
        moved.append(row.tag)
    return moved


def _keys_of(session: Session, candidate_ids: list[int]) -> dict[int, set[str]]:
    held: dict[int, set[str]] = defaultdict(set)
    for candidate_id, key in session.exec(select(CandidateTag.candidate_id, CandidateTag.tag_key)
                                          .where(CandidateTag.candidate_id.in_(candidate_ids))):
        held[candidate_id].add(key)
    return held
