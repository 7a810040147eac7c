"""The judgement benchmark's own parts: the graded transcript set is in the repository and
complete, and the resume-vacancy annotations are read as the file describes them."""

from __future__ import annotations

import json

import pytest

from benchmarks.transcripts import GRADES, SETS, run, targets_met
from benchmarks.vacancy_matching import places, read_orders, spearman

ANNOTATIONS = """Header: vacancies 1-5 ranked from the best (place 1) to the worst (place 5).
ANNOTATOR_1_RANKINGS=[[2,1,4,3,5],[1,5,2,1,4], #1-2
       [5,4,3,2,1]] #3
ANNOTATOR_2_RANKINGS= [[4,3,1,5,2]] #1
"""


@pytest.mark.parametrize(("name", "least_roles"), [("tuning", 5), ("held-out", 2),
                                                     ("unseen", 2)])
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


def test_spearman_and_places():
    assert spearman((1, 2, 3, 4, 5), (1, 2, 3, 4, 5)) == 1.0
    assert spearman((1, 2, 3, 4, 5), (5, 4, 3, 2, 1)) == -1.0
    assert places([10.0, 30.0, 20.0, 30.0, 0.0]) == (2, 4, 3, 1, 5)  # ties keep file order
