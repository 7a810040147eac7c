"""Fetch the real resumes of the real-mail ingest benchmark into benchmarks/data/resumes/.

    .venv/bin/python benchmarks/get_real_resumes.py            # from GitHub (git, about 30 MB)
    .venv/bin/python benchmarks/get_real_resumes.py --from DIR # from a clone you already have

The files are the first 240 PDFs and 60 DOCX files of github.com/arefinnomi/curriculum_vitae_data
at the commit below (Open Database License, contents under the Database Contents License). They
are not committed here: they are real people's CVs, with names, phone numbers and addresses.
Each file is checked against benchmarks/data/real_resumes.sha256, so the README's figures are
measured on exactly these bytes. Only the 300 files are downloaded (a partial, sparse clone),
not the collection's 600 MB.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SOURCE = "https://github.com/arefinnomi/curriculum_vitae_data"
COMMIT = "3741146208486bff7b17679a8b924d0ef1382bf2"
DATA = Path(__file__).resolve().parent / "data"
MANIFEST = DATA / "real_resumes.sha256"
TARGET = DATA / "resumes"


def expected_files() -> dict[str, str]:
    """Relative path -> sha256, from the manifest."""
    lines = MANIFEST.read_text(encoding="ascii").splitlines()
    return {path: digest for digest, path in (line.split() for line in lines if line.strip())}


def clone_only(paths: list[str], into: Path, source: str = SOURCE, commit: str = COMMIT) -> Path:
    """A checkout of `paths` at `commit`, fetching no other file's content."""
    def git(*args: str) -> None:
        subprocess.run(["git", *args], check=True, stdout=subprocess.DEVNULL)

    git("clone", "--quiet", "--filter=blob:none", "--no-checkout", source, str(into))
    git("-C", str(into), "sparse-checkout", "set", "--no-cone", *(f"/{path}" for path in paths))
    git("-C", str(into), "checkout", "--quiet", commit)
    return into


def copy_checked(source_dir: Path, files: dict[str, str], target: Path) -> list[str]:
    """Copy `files` from `source_dir` to `target`; returns the problems (missing or changed)."""
    problems = []
    for path, digest in files.items():
        source = source_dir / path
        if not source.is_file():
            problems.append(f"{path}: missing")
            continue
        if hashlib.sha256(source.read_bytes()).hexdigest() != digest:
            problems.append(f"{path}: not the file the figures were measured on")
            continue
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target / path)
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="source_dir", type=Path, default=None,
                        help="an existing clone of the collection (nothing is downloaded)")
    parser.add_argument("--source", default=SOURCE, help="where to clone from")
    args = parser.parse_args()
    files = expected_files()
    with tempfile.TemporaryDirectory(prefix="hireops-resumes-") as scratch:
        source_dir = args.source_dir or clone_only(sorted(files), Path(scratch) / "cv",
                                                   args.source)
        problems = copy_checked(source_dir, files, TARGET)
    if problems:
        sys.exit("\n".join(["some resumes could not be fetched:", *problems]))
    print(f"{len(files)} resumes in {TARGET}")


if __name__ == "__main__":
    main()
