"""The judgement benchmark's own parts: the graded transcript set is in the repository and
complete, and the resume-vacancy annotations are read as the file describes them."""

from __future__ import annotations

import json

import pytest

from benchmarks.transcripts import GRADES, SETS, run, targets_met
from benchmarks.vacancy_matching import best_agreed, order_ranks, ranks, read_orders, spearman

ANNOTATIONS = """Header: vacancies 1-5 ranked from the best (place 1) to the worst (place 5).
ANNOTATOR_1_RANKINGS=[[2,1,4,3,5],[1,5,2,1,4], #1-2
       [5,4,3,2,1]] #3
ANNOTATOR_2_RANKINGS= [[4,3,1,5,2]] #1
"""


@pytest.mark.parametrize(("name", "least_roles"), [("tuning", 5), ("held-out", 2),
                                                     ("unseen", 2), ("sealed", 3), ("blind", 4)])
def test_the_graded_transcript_sets_are_committed_and_complete(name, least_roles):
    roles = json.loads(SETS[name].read_text("utf-8"))["roles"]
    assert len(roles) >= least_roles
    for role in roles:
        assert set(role["sets"]) == set(GRADES), role["job"]["title"]
        for name, answers in role["sets"].items():
            assert isinstance(answers, str) or len(answers) == len(role["questions"]), name
    assert sum(len(role["sets"]) for role in roles) >= 6 * least_roles


def test_the_graded_sets_share_no_role():
    titles = [r["job"]["title"] for path in SETS.values()
              for r in json.loads(path.read_text("utf-8"))["roles"]]
    assert len(titles) == len(set(titles))


def test_the_transcript_section_reports_both_modes():
    report = run()
    assert report["transcripts"] >= 30 and set(report["modes"]) == {"with_plan",
                                                                      "transcript_only"}
    assert isinstance(targets_met(report), bool)


def test_annotations_list_vacancies_best_first_and_drop_broken_arrays():
    orders = read_orders(ANNOTATIONS)
    # Resume 2 names vacancy 1 twice: it is not an order and is left out.
    assert orders["annotator 1"] == {1: (2, 1, 4, 3, 5), 3: (5, 4, 3, 2, 1)}
    assert orders["annotator 2"] == {1: (4, 3, 1, 5, 2)}


def test_spearman_and_places_share_ties():
    identity = order_ranks((1, 2, 3, 4, 5))
    assert spearman(identity, identity) == 1.0
    assert spearman(identity, order_ranks((5, 4, 3, 2, 1))) == -1.0
    # Vacancy 3 is put first: its place is 1.
    assert order_ranks((3, 1, 2, 4, 5)) == (2.0, 3.0, 1.0, 4.0, 5.0)
    # Vacancies 2 and 4 tie at the top and share places 1 and 2: a tie is never broken by the
    # file order, which one annotator mostly follows.
    assert ranks([10.0, 30.0, 20.0, 30.0, 0.0]) == (4.0, 1.5, 3.0, 1.5, 5.0)
    assert spearman(ranks([1.0] * 5), identity) == 0.0  # no order at all agrees with nothing
    assert best_agreed(ranks([10.0, 30.0, 20.0, 30.0, 0.0]), order_ranks((2, 1, 3, 4, 5))) == 0.5
    assert best_agreed(ranks([10.0, 30.0, 20.0, 30.0, 0.0]), order_ranks((1, 2, 3, 4, 5))) == 0.0
