"""HR's exports at size: N applications with their history (`report_history.fill_history`) in a
fresh SQLite database, then each export downloaded through the app's routes while another
request is made every 100 ms, as a page or an interview room would.

Prints per export `exports_<name>_s` (the download, end to end), `exports_<name>_mb` (its size)
and `exports_<name>_others_max_ms` (the slowest answer another request got meanwhile: an export
built on the server's event loop would hold every other request for its whole length).

    .venv/bin/python benchmarks/exports.py --n 50000
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

EXPORTS = {
    "tracker_csv": "/exports/candidates.csv",
    "tracker_xlsx": "/exports/candidates.xlsx",
    "audit_csv": "/exports/audit-log.csv",
}
OTHER = "/api/v1/health"


async def _timed(http, url: str) -> tuple[float, int, float]:
    """Seconds and bytes of one download, and the slowest other request meanwhile (ms)."""
    slowest = 0.0
    download = asyncio.create_task(http.get(url, timeout=600))
    began = time.perf_counter()
    while not download.done():
        asked = time.perf_counter()
        await http.get(OTHER, timeout=600)
        slowest = max(slowest, (time.perf_counter() - asked) * 1000)
        await asyncio.sleep(0.1)
    answer = await download
    answer.raise_for_status()
    return time.perf_counter() - began, len(answer.content), slowest


async def _run(cookie: str) -> None:
    import httpx

    from hireops.api.app import build_api
    from hireops.services.platform.session_cookie import SESSION_COOKIE

    transport = httpx.ASGITransport(app=build_api())
    async with httpx.AsyncClient(transport=transport, base_url="http://hr.test",
                                 cookies={SESSION_COOKIE: cookie}) as http:
        for name, url in EXPORTS.items():
            seconds, size, slowest = await _timed(http, url)
            print(f"exports_{name}_s={seconds:.2f}")
            print(f"exports_{name}_mb={size / 1e6:.1f}")
            print(f"exports_{name}_others_max_ms={slowest:.0f}")


def _signed_in_cookie() -> str:
    from hireops.db import session_scope
    from hireops.models import Role
    from tests.factories import signed_in_token

    with session_scope() as session:
        return signed_in_token(session, email="bench@example.com", role=Role.viewer)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50_000, help="applications in the history")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hireops-exports-") as folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/exports.db"
        os.environ["DATA_DIR"] = f"{folder}/data"
        subprocess.run([sys.executable, "-m", "alembic", "upgrade", "head"], cwd=ROOT,
                       check=True, capture_output=True)
        from benchmarks.report_history import fill_history

        fill_history(args.n)
        print(f"exports_applications={args.n}")
        asyncio.run(_run(_signed_in_cookie()))


if __name__ == "__main__":
    main()
