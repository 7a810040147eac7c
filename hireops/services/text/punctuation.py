"""Punctuation where a value meets the text around it."""

from __future__ import annotations


def text_after(value: str, following: str) -> str:
    """`following` as it is written right after `value`: a full stop that ends both is
    written once ("Demo Co." then ". We would like" reads "Demo Co. We would like")."""
    if value.endswith(".") and following.startswith("."):
        return following[1:]
    return following
