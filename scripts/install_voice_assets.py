"""Copy the ElevenLabs audio worklets into assets/elevenlabs/, so no browser loads them from a CDN.

`@elevenlabs/client` fetches libsamplerate from jsDelivr and builds its worklets from blob: URLs
unless `libsampleratePath` / `workletPaths` name files the app serves itself. The versions follow
the pin in hireops/components/voice_interview.py: that `@elevenlabs/react` names its client,
whose code names its libsamplerate. Tarballs come from the npm registry (`npm pack`) into a cache
and are reused; running again with nothing changed touches nothing.

    python scripts/install_voice_assets.py [--cache-dir DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMPONENT = ROOT / "hireops" / "components" / "voice_interview.py"
TARGET = ROOT / "assets" / "elevenlabs"
DEFAULT_CACHE = ROOT / ".tools" / "npm-pack-cache"
MANIFEST = "manifest.json"
LIBSAMPLERATE_RE = re.compile(r"@alexanderolsen/libsamplerate-js@([0-9][^/\"']*)/")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE,
                        help="where npm tarballs are kept between runs")
    args = parser.parse_args(argv)
    react_version = _pinned_react_version()
    manifest_path = TARGET / MANIFEST
    if _up_to_date(manifest_path, react_version):
        print(f"voice assets up to date (@elevenlabs/react {react_version})")
        return 0

    react = _pack("@elevenlabs/react", react_version, args.cache_dir)
    client_version = json.loads(_member(react, "package/package.json"))["dependencies"][
        "@elevenlabs/client"]
    client = _pack("@elevenlabs/client", client_version, args.cache_dir)
    loader = _member(client, "package/dist/platform/web/addLibsamplerateModule.js").decode()
    match = LIBSAMPLERATE_RE.search(loader)
    if match is None:
        raise SystemExit("error: could not find the libsamplerate version in @elevenlabs/client")
    libsamplerate = _pack("@alexanderolsen/libsamplerate-js", match.group(1), args.cache_dir)

    files = {
        "rawAudioProcessor.js": _member(client, "package/worklets/rawAudioProcessor.js"),
        "audioConcatProcessor.js": _member(client, "package/worklets/audioConcatProcessor.js"),
        "libsamplerate.worklet.js": _member(libsamplerate,
                                            "package/dist/libsamplerate.worklet.js"),
        # Both are MIT: their notices travel with the copied code.
        "LICENSE.elevenlabs-client": _member(client, "package/LICENSE"),
        "LICENSE.libsamplerate-js.md": _member(libsamplerate, "package/LICENSE.md"),
    }
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = TARGET / name
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
    manifest = {
        "@elevenlabs/react": react_version, "@elevenlabs/client": client_version,
        "@alexanderolsen/libsamplerate-js": match.group(1),
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
    }
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"voice assets installed in {TARGET} "
          f"(@elevenlabs/client {client_version}, libsamplerate-js {match.group(1)})")
    return 0


def _pinned_react_version() -> str:
    match = re.search(r'^ELEVENLABS_REACT_VERSION = "([^"]+)"', COMPONENT.read_text(), re.M)
    if match is None:
        raise SystemExit(f"error: no ELEVENLABS_REACT_VERSION in {COMPONENT}")
    return match.group(1)


def _up_to_date(manifest_path: Path, react_version: str) -> bool:
    try:
        manifest = json.loads(manifest_path.read_text())
    except (OSError, ValueError):
        return False
    if manifest.get("@elevenlabs/react") != react_version:
        return False
    for name, digest in manifest.get("files", {}).items():
        path = TARGET / name
        if not path.exists() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            return False
    return bool(manifest.get("files"))


def _pack(name: str, version: str, cache_dir: Path) -> Path:
    """The package's tarball from the cache, fetched with `npm pack` the first time."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    filename = f"{name.lstrip('@').replace('/', '-')}-{version}.tgz"
    tarball = cache_dir / filename
    if tarball.exists():
        return tarball
    result = subprocess.run(
        ["npm", "pack", f"{name}@{version}", "--pack-destination", str(cache_dir), "--json"],
        capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"error: npm pack {name}@{version} failed")
    packed = cache_dir / json.loads(result.stdout)[0]["filename"]
    if packed != tarball:
        packed.rename(tarball)
    return tarball


def _member(tarball: Path, member: str) -> bytes:
    with tarfile.open(tarball, "r:gz") as archive:
        extracted = archive.extractfile(member)
        if extracted is None:
            raise SystemExit(f"error: {member} is not a file in {tarball.name}")
        return extracted.read()


if __name__ == "__main__":
    sys.exit(main())
