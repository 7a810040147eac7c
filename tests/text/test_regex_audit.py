"""Every regular expression in the services, checked for the shape that backtracks
exponentially: a repeated group that itself repeats, whose iterations can trade characters
(one may end with a character the next may start with, or one may be empty). Then a text
that almost matches can be split into iterations in exponentially many ways, as the old name
rule `[A-Z][a-z]*(?:['-]?[A-Z]?[a-z]+)*` did ("Engineering Development Programming." took
minutes).

Patterns are gathered from every services module (compiled at module level, also inside
tuples, dicts and `QuickRegex`) and from the string literals written straight into `re` calls.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import hireops.services
from hireops.services.text.skills import QuickRegex

try:  # the parser moved in Python 3.11
    from re import _constants as sre
    from re import _parser as sre_parser
except ImportError:  # pragma: no cover
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse as sre_parser  # type: ignore[no-redef]

# Characters tried against each character class: ASCII, Latin-1 and Latin Extended, and a few
# of the scripts and punctuation resumes carry.
SAMPLE = [chr(c) for c in [*range(0x09, 0x0E), *range(0x20, 0x250), 0x2019, 0x2013, 0x2014,
                           0x2022, 0x0410, 0x0430, 0x03A9, 0x3042, 0x4E00]]
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT)
CATEGORIES = {
    sre.CATEGORY_DIGIT: str.isdigit, sre.CATEGORY_NOT_DIGIT: lambda c: not c.isdigit(),
    sre.CATEGORY_SPACE: str.isspace, sre.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    sre.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    sre.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
}


def _class_chars(op, av, flags: int) -> set[str] | None:
    """The sample characters one single-character item matches; None for other items."""
    if op is sre.LITERAL:
        chars = {chr(av)}
    elif op is sre.NOT_LITERAL:
        chars = {c for c in SAMPLE if c != chr(av)}
    elif op is sre.ANY:
        chars = {c for c in SAMPLE if c != "\n" or flags & re.DOTALL}
    elif op is sre.IN:
        chars, negate = set(), False
        for kind, value in av:
            if kind is sre.NEGATE:
                negate = True
            elif kind is sre.LITERAL:
                chars.add(chr(value))
            elif kind is sre.RANGE:
                chars |= {c for c in SAMPLE if value[0] <= ord(c) <= value[1]}
            elif kind is sre.CATEGORY:
                chars |= {c for c in SAMPLE if CATEGORIES[value](c)}
            else:  # an item this check does not read: assume it matches anything
                chars |= set(SAMPLE)
        chars = set(SAMPLE) - chars if negate else chars
    else:
        return None
    if flags & re.IGNORECASE:
        chars |= {c.swapcase() for c in chars if len(c.swapcase()) == 1}
    return chars


def _nullable(items) -> bool:
    return all(_item_nullable(op, av) for op, av in items)


def _item_nullable(op, av) -> bool:
    if op in REPEATS:
        return av[0] == 0 or _nullable(av[2])
    if op is sre.SUBPATTERN:
        return _nullable(av[3])
    if op is sre.BRANCH:
        return any(_nullable(branch) for branch in av[1])
    return op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT, sre.GROUPREF)


def _edge(items, flags: int, last: bool) -> set[str]:
    """The characters a match of `items` may start with (or end with, when `last`)."""
    found: set[str] = set()
    for op, av in reversed(list(items)) if last else items:
        found |= _item_edge(op, av, flags, last)
        if not _item_nullable(op, av):
            break
    return found


def _item_edge(op, av, flags: int, last: bool) -> set[str]:
    chars = _class_chars(op, av, flags)
    if chars is not None:
        return chars
    if op in REPEATS:
        return _edge(av[2], flags, last)
    if op is sre.SUBPATTERN:
        return _edge(av[3], (flags | av[1]) & ~av[2], last)
    if op is sre.BRANCH:
        return set().union(*(_edge(branch, flags, last) for branch in av[1]))
    return set()


def _repeats(items) -> bool:
    for op, av in items:
        if op in REPEATS and (av[1] > 1 or _repeats(av[2])):
            return True
        if op is sre.SUBPATTERN and _repeats(av[3]):
            return True
        if op is sre.BRANCH and any(_repeats(branch) for branch in av[1]):
            return True
    return False


def ambiguous_nested_repeats(pattern: str, flags: int = 0) -> list[str]:
    """For each repeated group that repeats inside and whose iterations can trade characters,
    the characters they can trade ("(empty)" when an iteration may match nothing)."""
    parsed = sre_parser.parse(pattern, flags)
    found: list[str] = []

    def visit(items, flags: int) -> None:
        for op, av in items:
            if op in REPEATS:
                body = av[2]
                if av[1] > 1 and _repeats(body):
                    traded = _edge(body, flags, False) & _edge(body, flags, True)
                    if traded or _nullable(body):
                        found.append("".join(sorted(traded))[:30] or "(empty)")
                visit(body, flags)
            elif op is sre.SUBPATTERN:
                visit(av[3], (flags | av[1]) & ~av[2])
            elif op is sre.BRANCH:
                for branch in av[1]:
                    visit(branch, flags)
            elif op in (sre.ASSERT, sre.ASSERT_NOT):
                visit(av[1], flags)

    visit(parsed, parsed.state.flags)
    return found


# --- gathering the patterns ----------------------------------------------------------------

def _compiled_in(value, depth: int = 0):
    if isinstance(value, re.Pattern):
        yield value.pattern, value.flags
    elif isinstance(value, QuickRegex):
        yield value.regex.pattern, value.regex.flags
    elif depth < 3 and isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            yield from _compiled_in(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _compiled_in(item, depth + 1)


def _literals_in_re_calls(path: Path):
    """Plain string literals passed first to `re.compile`, `re.search`, ... in a source file."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                and node.args and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)):
            yield node.args[0].value, 0


def service_patterns() -> dict[tuple[str, int], str]:
    """Every pattern of the services, with where it was found."""
    found: dict[tuple[str, int], str] = {}
    for module_info in pkgutil.walk_packages(hireops.services.__path__, "hireops.services."):
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            for key in _compiled_in(value):
                found.setdefault(key, f"{module_info.name}.{name}")
        path = Path(module.__file__)
        for key in _literals_in_re_calls(path):
            found.setdefault(key, f"{path.name} (inline)")
    return found


def test_the_check_finds_the_rule_that_stalled_the_inbox():
    old_name_word = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]*(?:['’-]?[A-ZÀ-ÖØ-Þ]?[a-zà-öø-ÿ]+)*"
    assert ambiguous_nested_repeats(old_name_word)
    assert ambiguous_nested_repeats(r"(?:a*b?)+")  # an iteration may be empty
    assert ambiguous_nested_repeats(r"(?:\s*\w+)*", re.IGNORECASE)
    # Iterations that start with what none can end with split one way only.
    assert not ambiguous_nested_repeats(r"[a-z]+(?:\.[a-z]+)*@")
    assert not ambiguous_nested_repeats(r"\w+(?:\s+\w+){0,3}")


def test_no_service_pattern_has_a_repeated_group_whose_iterations_trade_characters():
    patterns = service_patterns()
    assert len(patterns) > 150  # the gathering itself works
    offenders = {where: traded for (pattern, flags), where in patterns.items()
                 if (traded := ambiguous_nested_repeats(pattern, flags))}
    assert offenders == {}
