"""LaTeX source to readable text without a TeX engine.

Not a TeX interpreter: it knows the commands resumes use (sections, lists, emphasis, links,
accents, spacing) and otherwise keeps the text of a command's arguments and drops the command,
so a template's `\\cventry{2019}{Engineer}{Acme}` still reads "2019 Engineer Acme". Scanning is
linear in the input (regex jumps between special characters), so hostile input stays cheap.
"""

from __future__ import annotations

import re
import unicodedata

from hireops.services.candidates.resume_text.limits import ExtractionLimits
from hireops.services.candidates.resume_text.plain import decode_text

# A comment runs to the end of the line and, as in TeX, swallows the newline and next indent.
_COMMENT = re.compile(r"(?<!\\)%[^\n]*(?:\n[ \t]*)?")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
# Starts only where a run of blanks starts (the same matches: paragraphs hold no blank line):
# otherwise every start in a long run of blanks without a newline scanned the whole run.
_LINE_BREAK = re.compile(r"(?<![ \t])[ \t]*\n[ \t]*")
_SPECIAL = re.compile(r"[\\{}$~&]")
_BRACE_OR_ESCAPE = re.compile(r"\\.|[{}]", re.DOTALL)
_NAME = re.compile(r"[A-Za-z@]+\*?")
_SPACE_RUN = re.compile(r"[ \t\n]*")
_BEGIN_DOCUMENT = re.compile(r"\\begin\s*\{document\}")
_END_DOCUMENT = re.compile(r"\\end\s*\{document\}")
_DASHES_QUOTES = (("---", "\u2014"), ("--", "\u2013"), ("``", "\u201c"), ("''", "\u201d"))
# Arguments this deep are flattened rather than interpreted.
_MAX_DEPTH = 30

_ESCAPES = {"&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}", " ": " ",
            ",": " ", ";": " ", ":": " ", "!": "", "/": "", "-": "", "@": "", "\n": " "}
_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
            "=": "\u0304", ".": "\u0307"}
_LETTER_ACCENTS = {"c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "k": "\u0328",
                   "r": "\u030a"}
_SYMBOLS = {
    "ss": "\u00df", "o": "\u00f8", "O": "\u00d8", "ae": "\u00e6", "AE": "\u00c6", "oe": "\u0153",
    "OE": "\u0152", "aa": "\u00e5", "AA": "\u00c5", "l": "\u0142", "L": "\u0141", "i": "\u0131",
    "ldots": "\u2026", "dots": "\u2026", "textbullet": "\u2022", "bullet": "\u2022",
    "cdot": "\u00b7", "textperiodcentered": "\u00b7", "textbar": "|", "textendash": "\u2013",
    "textemdash": "\u2014", "LaTeX": "LaTeX", "TeX": "TeX", "textasciitilde": "~",
    "textbackslash": "\\", "euro": "\u20ac", "texteuro": "\u20ac", "pounds": "\u00a3",
    "copyright": "\u00a9", "textregistered": "\u00ae", "times": "\u00d7", "pm": "\u00b1",
    "rightarrow": "\u2192", "to": "\u2192", "textless": "<", "textgreater": ">",
    "quad": " ", "qquad": " ", "hfill": " ", "enspace": " ", "tab": " ",
    "newline": "\n", "linebreak": "\n", "par": "\n\n", "newpage": "\n\n", "clearpage": "\n\n",
}
_SECTIONS = frozenset({"part", "chapter", "section", "subsection", "subsubsection", "paragraph",
                       "subparagraph", "cvsection", "cvsubsection"})
# Commands dropped together with this many brace arguments (optional [..] ones are skipped too).
_DROPPED = {
    "vspace": 1, "hspace": 1, "label": 1, "ref": 1, "pageref": 1, "cite": 1,
    "includegraphics": 1, "usepackage": 1, "documentclass": 1, "setlength": 2,
    "addtolength": 2, "setcounter": 2, "pagestyle": 1, "thispagestyle": 1, "geometry": 1,
    "color": 1, "pagecolor": 1, "definecolor": 3, "fontsize": 2, "newcommand": 2,
    "renewcommand": 2, "providecommand": 2, "newenvironment": 3, "renewenvironment": 3,
    "input": 1, "include": 1, "hypersetup": 1, "titleformat": 5, "titlespacing": 4, "setlist": 1,
    "rule": 2, "phantom": 1, "hphantom": 1, "vphantom": 1, "faicon": 1, "photo": 1,
    "moderncvstyle": 1, "moderncvcolor": 1, "setmainfont": 1, "bibliographystyle": 1,
    "bibliography": 1, "addbibresource": 1,
}
# Commands whose last of n arguments is the text: \textcolor{red}{text}, \href{url}{text}.
_KEEP_LAST = {"textcolor": 2, "colorbox": 2, "fcolorbox": 3, "href": 2, "hyperlink": 2,
              "resizebox": 3, "scalebox": 2, "parbox": 2, "raisebox": 2, "foreignlanguage": 2}
_VERBATIM_ARG = frozenset({"url", "nolinkurl", "path"})
# Extra arguments after \begin{env}: \begin{tabular}{ll}, \begin{minipage}{0.5\textwidth}.
_ENV_ARGS = {"tabular": 1, "tabular*": 2, "tabularx": 2, "tabulary": 2, "longtable": 1,
             "array": 1, "minipage": 1, "multicols": 1, "wrapfigure": 2}
_SKIPPED_ENVS = frozenset({"comment", "figure", "thebibliography"})
# Preamble commands that carry the person (moderncv and friends put the name there).
_PERSONAL = frozenset({"name", "firstname", "familyname", "author", "email", "phone", "mobile",
                       "address", "homepage", "social", "linkedin", "github"})


def read_latex(payload: bytes, limits: ExtractionLimits) -> str:
    """Readable text of a LaTeX resume."""
    return latex_to_text(decode_text(payload))


def latex_to_text(source: str) -> str:
    """Strip comments, preamble and markup; keep the words, lists, headings and links' text."""
    source = _COMMENT.sub("", source.replace("\r\n", "\n"))
    begin = _BEGIN_DOCUMENT.search(source)
    preamble, body = (source[: begin.start()], source[begin.end():]) if begin else ("", source)
    end = _END_DOCUMENT.search(body)
    if end:
        body = body[: end.start()]
    # TeX joins the lines of a paragraph; a blank line ends the paragraph.
    body = "\n\n".join(_LINE_BREAK.sub(" ", part) for part in _BLANK_LINE.split(body))
    text = _personal_lines(preamble) + _Converter(body).run(0, len(body), 0)
    for tex, char in _DASHES_QUOTES:
        text = text.replace(tex, char)
    return unicodedata.normalize("NFC", text)


def _personal_lines(preamble: str) -> str:
    """'Ada Lovelace\\n' from `\\name{Ada}{Lovelace}` and the like in the preamble."""
    lines = []
    for match in re.finditer(r"\\([A-Za-z]+)\s*(?=[\[{])", preamble):
        if match.group(1) in _PERSONAL:
            converter = _Converter(preamble)
            args, _ = converter.arguments(match.end(), 9)
            words = " ".join(converter.convert(arg) for arg in args if arg.strip())
            if words.strip():
                lines.append(words.strip())
    return "\n".join(lines) + "\n\n" if lines else ""


class _Converter:
    """Walks one source string; `run` converts a slice of it."""

    def __init__(self, source: str) -> None:
        self.src = source

    def convert(self, fragment: str, depth: int = 1) -> str:
        if depth > _MAX_DEPTH:
            return re.sub(r"\\[A-Za-z]+|[\\{}$]", " ", fragment)
        return _Converter(fragment).run(0, len(fragment), depth)

    def run(self, start: int, stop: int, depth: int) -> str:
        out: list[str] = []
        src, i = self.src, start
        while i < stop:
            match = _SPECIAL.search(src, i, stop)
            if match is None:
                out.append(src[i:stop])
                break
            j = match.start()
            out.append(src[i:j])
            char = src[j]
            if char == "\\":
                i = self.command(j, stop, out, depth)
                continue
            if char == "}" and src.startswith("{", j + 1):
                out.append(" ")  # adjacent arguments of an unknown command: keep words apart
            elif char in "~&":
                out.append(" ")  # non-breaking space; table column separator
            i = j + 1  # braces of groups and $ of math are dropped
        return "".join(out)

    def command(self, at: int, stop: int, out: list[str], depth: int) -> int:
        """Convert the command starting at `at` (a backslash); return where reading continues."""
        src = self.src
        if at + 1 >= stop:
            return stop
        name_match = _NAME.match(src, at + 1, stop)
        if name_match is None:  # a control symbol: \\ \& \' ...
            return self.symbol(src[at + 1], at + 2, stop, out, depth)
        name, i = name_match.group(), name_match.end()
        bare = name.rstrip("*")
        if bare in _LETTER_ACCENTS and src.startswith("{", i):
            return self.accent(_LETTER_ACCENTS[bare], i, stop, out, depth)
        if bare in _SYMBOLS:
            out.append(_SYMBOLS[bare])
            return i
        if bare in _SECTIONS:
            args, i = self.arguments(i, 1)
            out.append("\n\n" + self.convert(args[0] if args else "", depth + 1) + "\n")
            return i
        if bare == "item":
            label, i = self.optional(i)
            label_text = self.convert(label, depth + 1).strip(" \u2022-\u2013*\u00b7")
            out.append("\n- " + (label_text + " " if label_text else ""))
            return i
        if bare in ("begin", "end"):
            return self.environment(bare, i, stop, out)
        if bare in _DROPPED:
            _, i = self.arguments(i, _DROPPED[bare])
            return i
        if bare in _KEEP_LAST:
            args, i = self.arguments(i, _KEEP_LAST[bare])
            if args:
                out.append(self.convert(args[-1], depth + 1))
            return i
        if bare in _VERBATIM_ARG:
            args, i = self.arguments(i, 1)
            out.append(args[0] if args else "")
            return i
        _, after = self.optional(i)  # \cvitem[2pt]{...}: options of unknown commands are layout
        return after if after > i and src.startswith("{", after) else i

    def symbol(self, char: str, i: int, stop: int, out: list[str], depth: int) -> int:
        if char == "\\":  # line break, maybe with a length: \\[2pt]
            out.append("\n")
            _, i = self.optional(i + 1 if self.src.startswith("*", i) else i)
            return i
        if char in _ACCENTS:
            return self.accent(_ACCENTS[char], i, stop, out, depth)
        out.append(_ESCAPES.get(char, ""))
        return i

    def accent(self, mark: str, i: int, stop: int, out: list[str], depth: int) -> int:
        """\\'e, \\'{e}, \\c{c}: the base letter followed by a combining mark (NFC later)."""
        if self.src.startswith("{", i):
            base, i = self.group(i)
            base = self.convert(base, depth + 1)
        elif self.src.startswith("\\", i):  # \'\i: the base is itself a command
            parts: list[str] = []
            i = self.command(i, stop, parts, depth)
            base = "".join(parts)
        elif i < stop:
            base, i = self.src[i], i + 1
        else:
            return stop
        out.append(base[:1] + mark + base[1:] if base else "")
        return i

    def environment(self, kind: str, i: int, stop: int, out: list[str]) -> int:
        args, i = self.arguments(i, 1)
        env = args[0].strip() if args else ""
        out.append("\n")
        if kind == "end":
            return i
        if env in _SKIPPED_ENVS:
            end = re.compile(r"\\end\s*\{" + re.escape(env) + r"\}").search(self.src, i, stop)
            return end.end() if end else stop
        _, i = self.arguments(i, _ENV_ARGS.get(env, 0))
        return i

    def arguments(self, i: int, count: int) -> tuple[list[str], int]:
        """Read up to `count` brace arguments, skipping optional [..] ones between them."""
        args: list[str] = []
        while len(args) < count:
            _, i = self.optional(i)
            k = self._skip_space(i)
            if not self.src.startswith("{", k):
                break
            arg, i = self.group(k)
            args.append(arg)
        return args, i

    def optional(self, i: int) -> tuple[str, int]:
        """An optional [..] argument at `i` (after spaces), or ('', i)."""
        k = self._skip_space(i)
        if not self.src.startswith("[", k):
            return "", i
        close = self.src.find("]", k, k + 200)
        if close < 0:
            return "", i
        return self.src[k + 1: close], close + 1

    def group(self, i: int) -> tuple[str, int]:
        """The balanced {..} group starting at `i`: (inner text, index after it)."""
        level = 0
        for match in _BRACE_OR_ESCAPE.finditer(self.src, i):
            token = match.group()
            if token == "{":
                level += 1
            elif token == "}":
                level -= 1
                if level == 0:
                    return self.src[i + 1: match.start()], match.end()
        return self.src[i + 1:], len(self.src)  # unbalanced: the rest of the source

    def _skip_space(self, i: int) -> int:
        return _SPACE_RUN.match(self.src, i).end()
