from hireops.models import User


def test_session_fixture_gives_a_migrated_database(session):
    session.add(User(email="a@example.com", password_hash="x"))
    session.commit()
    assert session.get(User, 1).created_at.tzinfo is not None
