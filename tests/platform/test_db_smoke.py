from hireops.models import User
from tests.factories import make_user


def test_session_fixture_gives_a_migrated_database(session):
    make_user(session, email="a@example.com")
    session.commit()
    assert session.get(User, 1).created_at.tzinfo is not None
