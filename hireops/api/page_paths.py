"""A page opened at the address the app links to (`/reports`) is answered with the page itself.

The build writes each page as `<route>/index.html`, and the static file server answers a folder
asked for without its trailing slash with a redirect to it (307 to `/reports/`): one more
round trip before a typed address, a bookmark or a reload could start loading the page. Here
such a request is served as the folder's own address; the browser keeps the address it asked
for, which the pages route the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send


def page_folders(routes: Iterable[str]) -> frozenset[str]:
    """The routes served from a folder of the build: every page's but the dashboard's (`/`,
    already a folder's address) and those with a part taken from the address (`/careers/[job]`),
    which have no folder of their own."""
    return frozenset(route.rstrip("/") for route in routes
                     if route.strip("/") and "[" not in route)


class PageFolderMiddleware:
    """Serves GET and HEAD of a page's route without its trailing slash as the route with it."""

    def __init__(self, app: ASGIApp, routes: Iterable[str] = ()) -> None:
        self.app = app
        self.folders = page_folders(routes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD") \
                and scope["path"] in self.folders:
            scope = {**scope, "path": scope["path"] + "/"}
            if "raw_path" in scope:
                scope["raw_path"] = scope["raw_path"] + b"/"
        await self.app(scope, receive, send)
