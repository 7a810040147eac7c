"""GET /api/v1/health: for monitors and load balancers, so it needs no token and shows no
personal data (see services.operations.health for what is checked)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlmodel import Session

from hireops.api.auth import get_session
from hireops.services.operations.health import check_health

router = APIRouter(tags=["operations"])


class HealthCheckOut(BaseModel):
    status: Literal["ok", "warn", "fail"]
    message: str
    # Each check adds its own figures (ages in seconds, counts, ISO times).
    model_config = {"extra": "allow"}


class HealthOut(BaseModel):
    # ok and degraded answer 200; failing answers 503.
    status: Literal["ok", "degraded", "failing"]
    checked_at: str
    # database, scheduler, outbox, inbox, redis
    checks: dict[str, HealthCheckOut]


@router.get("/health", response_model=HealthOut,
            responses={503: {"model": HealthOut, "description": "A check failed"}})
def health(session: Annotated[Session, Depends(get_session)]) -> Any:
    """Database, Redis, scheduler lease, outbox backlog and the last inbox poll; 200 when
    healthy or degraded, 503 when the lease is stale, mail is stuck or a store is down."""
    report = check_health(session=session)
    return JSONResponse(report.as_dict(), status_code=report.http_status,
                        headers={"Cache-Control": "no-store"})
