"""A page opened at the route the app links to (`/reports`) is answered with the page, not with a
redirect to its folder (`/reports/`), which cost every typed address, bookmark and reload a
round trip before the page could start loading."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.routing import Mount, Route
from starlette.responses import PlainTextResponse
from starlette.staticfiles import StaticFiles
from starlette.testclient import TestClient

from hireops import routes
from hireops.api.page_paths import PageFolderMiddleware, page_folders


@pytest.fixture
def build(tmp_path: Path) -> Path:
    """Pages as the build writes them: `<route>.html` and `<route>/index.html`."""
    for route in ("reports", "reports/ai", "candidates"):
        (tmp_path / route).mkdir(parents=True, exist_ok=True)
        (tmp_path / route / "index.html").write_text(f"<title>{route}</title>")
        (tmp_path / f"{route}.html").write_text(f"<title>{route}</title>")
    (tmp_path / "index.html").write_text("<title>dashboard</title>")
    return tmp_path


def _client(build: Path, page_routes) -> TestClient:
    # As in the app: a route of its own first, the built pages mounted at the root.
    app = Starlette(routes=[
        Route("/auth/sign-in", lambda request: PlainTextResponse("form"), methods=["GET"]),
        Mount("/", app=StaticFiles(directory=build, html=True)),
    ])
    app.add_middleware(PageFolderMiddleware, routes=page_routes)
    return TestClient(app, follow_redirects=False)


def test_a_page_route_is_answered_with_its_page(build):
    client = _client(build, [routes.REPORTS, routes.REPORTS_AI, routes.CANDIDATES,
                             routes.DASHBOARD, routes.INTERVIEW])
    for route, name in ((routes.REPORTS, "reports"), (routes.REPORTS_AI, "reports/ai"),
                        (routes.CANDIDATES, "candidates")):
        answer = client.get(route)
        assert answer.status_code == 200 and f"<title>{name}</title>" in answer.text
        assert client.head(route).status_code == 200
        # The folder's own address is served as before.
        assert client.get(route + "/").text == answer.text
    assert "dashboard" in client.get("/").text
    # Other paths are left as they were: a route of the app, an unknown folder-like path.
    assert client.get("/auth/sign-in").text == "form"
    assert client.get("/reportsx").status_code == 404


def test_without_it_the_folder_answers_with_a_redirect(build):
    answer = _client(build, []).get(routes.REPORTS)
    assert answer.status_code == 307 and answer.headers["location"].endswith("/reports/")


def test_the_folders_are_the_pages_with_an_address_of_their_own():
    folders = page_folders([routes.DASHBOARD, routes.REPORTS, routes.REPORTS_AI,
                            routes.INTERVIEW, routes.CAREERS_JOB, routes.CAREERS])
    assert folders == {routes.REPORTS, routes.REPORTS_AI, routes.CAREERS}


def test_the_app_passes_every_page_it_adds():
    from hireops import hireops as app_module
    from hireops.components.shell import PAGES

    served = app_module.app.api_transformer.user_middleware
    given = next(m.kwargs["routes"] for m in served if m.cls is PageFolderMiddleware)
    assert set(given) == {options["route"] for _, options in PAGES}
    assert routes.REPORTS in page_folders(given)
