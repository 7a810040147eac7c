"""Comparing the candidates of one job: the ranking with evidence, and Rescore all."""


import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.signing_in import open_signed_in

pytestmark = pytest.mark.browser


def test_rank_candidates_with_evidence_and_rescore_all(page: Page, running_app,
                                                       demo_applications):
    open_signed_in(page, running_app, "/jobs")
    row = page.locator("#jobs-table tbody tr").filter(has_text="Senior Backend Engineer")
    row.get_by_role("link", name="Ranking").click()

    expect(page.locator("#ranking-job-title")).to_have_text("Senior Backend Engineer")
    cards = page.locator(".ranking-card")
    expect(cards.first).to_contain_text("Maya Chen")  # the strongest backend resume
    expect(cards.first).to_contain_text("#1")
    # Each matched skill beside the resume sentence that proves it, and the gaps.
    expect(cards.first).to_contain_text("Python, Go or Java: Designed and built Python")
    expect(cards.first).to_contain_text("Gaps")
    scores = [int(text) for text in page.locator(".ranking-score").all_inner_texts()
              if text.strip().isdigit()]
    assert len(scores) >= 2 and scores == sorted(scores, reverse=True)

    page.click("#rescore-all")
    toast = page.locator("[data-sonner-toast]").filter(has_text="Rescoring finished")
    # Every application of the job (other tests may have added some) was rescored.
    expect(toast).to_contain_text(re.compile(r"(\d+) of \1 rescored"), timeout=60_000)
    expect(page.locator("#last-rescore")).to_have_text(re.compile(r"Rescoring finished: (\d+) of \1 rescored\."))
    expect(cards.first).to_contain_text("Maya Chen")
    expect(page.locator(".ranking-stale")).to_have_count(0)
