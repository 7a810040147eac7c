"""`call_service` runs a service in its own transaction and turns only the named refusals
into a Refusal; everything else still raises."""

import pytest
from sqlmodel import Session, select

from hireops import db
from hireops.models import Job
from hireops.state.common_service_call import Refusal, call_service


class _Refused(ValueError):
    pass


def _add_job(*, session: Session, title: str) -> Job:
    job = Job(title=title)
    session.add(job)
    session.flush()
    return job


def _add_job_then_refuse(*, session: Session, title: str) -> None:
    _add_job(session=session, title=title)
    raise _Refused(f"{title} is not allowed.")


def _titles() -> list[str]:
    with Session(db.get_engine()) as session:
        return list(session.exec(select(Job.title)))


def test_the_result_comes_back_and_the_work_is_committed(database_url):
    job, refusal = call_service(_add_job, _Refused, title="Data engineer")
    assert refusal is None
    assert job.title == "Data engineer"
    assert _titles() == ["Data engineer"]


def test_a_refusal_comes_back_as_its_message_and_nothing_is_committed(database_url):
    result, refusal = call_service(_add_job_then_refuse, (LookupError, _Refused),
                                   title="Night porter")
    assert result is None
    assert refusal == Refusal("Night porter is not allowed.")
    assert "__toast" in str(refusal.toast) and "Night porter is not allowed." in str(refusal.toast)
    assert _titles() == []


def test_a_refusal_with_an_empty_message_still_counts_as_a_refusal(database_url):
    def refuse(*, session: Session) -> None:
        raise _Refused()

    _result, refusal = call_service(refuse, _Refused)
    assert refusal
    assert refusal.message == ""


def test_an_exception_that_is_not_a_named_refusal_raises(database_url):
    def broken(*, session: Session) -> None:
        raise KeyError("a defect, not a refusal")

    with pytest.raises(KeyError):
        call_service(broken, _Refused)
