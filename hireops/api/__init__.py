"""HTTP routes beside the Reflex pages (webhooks, recruiter downloads), served under /api/v1.

`error_response` lives here so every route module and the app's handlers share one error shape.
"""

from __future__ import annotations

from fastapi.responses import JSONResponse


def error_response(status: int, code: str, message: str,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    """The API's only error shape: {"error": code, "message": text}, never a trace."""
    return JSONResponse({"error": code, "message": message}, status_code=status,
                        headers=headers)


class ApiError(Exception):
    """Raised by routes and dependencies; the app turns it into `error_response`."""

    def __init__(self, status: int, code: str, message: str,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers
