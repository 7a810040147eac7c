"""An id is never given twice. SQLite gives a new row the highest id in use plus one, so after
the newest candidate was erased the next person would get the erased person's id: the tombstone
and the erased person's scrubbed history would show on the new person's page, and an old link
to the erased person would open the new one. Every table with an id counts from where it has
ever been (AUTOINCREMENT on SQLite; PostgreSQL's sequences never go back)."""

from __future__ import annotations

import sqlite3

import sqlalchemy as sa
from sqlmodel import select

from hireops.db import make_engine
from hireops.models import Event
from hireops.services.platform.migrations import upgrade_database
from hireops.services.privacy.rights import erase_candidate
from tests.factories import make_application, make_candidate


def test_a_new_candidate_never_takes_an_erased_candidates_id(session):
    make_candidate(session, email="first@example.com")
    erased = make_candidate(session, full_name="Bea Gone", email="bea@example.com")
    make_application(session, candidate=erased)
    session.commit()
    erased_id = erased.id
    erase_candidate(session=session, candidate_id=erased_id, actor=None, reason="She asked")

    newcomer = make_candidate(session, full_name="Cleo New", email="cleo@example.com")
    session.commit()

    assert newcomer.id > erased_id
    own_history = session.exec(select(Event).where(
        Event.entity_type == "candidate", Event.entity_id == newcomer.id)).all()
    assert [event.action for event in own_history] == []


def _tables_with_ids(path) -> dict[str, str]:
    """Each table whose primary key is an integer `id`, with its CREATE statement."""
    with sqlite3.connect(path) as connection:
        tables = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                                    "AND name NOT LIKE 'sqlite_%'").fetchall()
        return {name: sql for name, sql in tables
                if [(column[1], column[2]) for column in connection.execute(
                    f'PRAGMA table_info("{name}")') if column[5]] == [("id", "INTEGER")]}


def test_every_table_with_an_id_counts_on_from_its_highest_ever(tmp_path):
    path = tmp_path / "fresh.db"
    upgrade_database(f"sqlite:///{path}")
    tables = _tables_with_ids(path)
    assert len(tables) > 30
    assert [name for name, sql in tables.items() if "AUTOINCREMENT" not in sql] == []


def test_an_existing_database_keeps_its_rows_keys_and_indexes(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade_database(url, revision="0032")
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO candidates (id, full_name, email, email_normalized, phone, "
            "phone_normalized, linkedin_url, github_url, location, current_title, resume_text, "
            "source, created_at, updated_at) VALUES (7, 'Ada', 'ada@example.com', '', '', '', "
            "'', '', '', '', '', 'manual', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
        indexes_before = _indexes(connection)
    engine.dispose()

    # To the migration that rebuilt the tables (later ones add indexes of their own).
    upgrade_database(url, revision="0033")

    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            assert connection.exec_driver_sql(
                "SELECT id, full_name FROM candidates").all() == [(7, "Ada")]
            assert _indexes(connection) == indexes_before
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            connection.exec_driver_sql("DELETE FROM candidates WHERE id = 7")
            connection.exec_driver_sql(
                "INSERT INTO candidates (full_name, email, email_normalized, phone, "
                "phone_normalized, linkedin_url, github_url, location, current_title, "
                "resume_text, source, created_at, updated_at) VALUES ('Cleo', '', '', '', '', "
                "'', '', '', '', '', 'manual', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
            assert connection.exec_driver_sql("SELECT id FROM candidates").scalar() == 8
            # A foreign key is still enforced after the rebuild.
            try:
                connection.exec_driver_sql(
                    "INSERT INTO candidate_tags (candidate_id, tag, tag_key, created_at) "
                    "VALUES (999, 'x', 'x', CURRENT_TIMESTAMP)")
            except sa.exc.IntegrityError as refused:
                assert "FOREIGN KEY" in str(refused)
            else:
                raise AssertionError("a tag for a missing candidate was accepted")
    finally:
        engine.dispose()


def _indexes(connection) -> list[tuple[str, str, str]]:
    return connection.exec_driver_sql(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' "
        "ORDER BY name").all()
