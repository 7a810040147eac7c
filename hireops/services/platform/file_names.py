"""File names that came from strangers (mail headers, API uploads), made safe to hand on."""

from __future__ import annotations

# Characters a file name may not hold on some system it is saved on: separators, a drive or
# stream colon, and Windows' reserved characters.
UNSAFE_IN_FILE_NAMES = frozenset('/\\:*?"<>|')


def safe_file_name(name: str, fallback: str = "file") -> str:
    """`name` as one plain file name: "../../x", "/etc/x" or "C:\\x" would let a tool write
    outside its folder, and control or direction-changing characters (a line break in a
    header, a name that reads backwards) would disguise it, so each of those becomes "_"."""
    plain = "".join(character if character.isprintable() and character not in
                    UNSAFE_IN_FILE_NAMES else "_" for character in name)
    # Windows drops a trailing dot or space, which would make two names the same.
    return plain.rstrip(". ") or fallback
