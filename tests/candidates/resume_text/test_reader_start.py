"""The reader's helper process can be started ahead of the first file, and is then reused."""

import os

from hireops.services.candidates.resume_text import reader_process


def test_a_helper_started_ahead_reads_the_first_file():
    budget = 97  # a budget of its own: a helper no other test shares
    try:
        reader_process.start_helper(budget)
        pool = reader_process._pools[budget]
        pid = reader_process.run_with_memory_budget(os.getpid, budget_mb=budget, seconds=30)
        assert pid != os.getpid()
        assert reader_process._pools[budget] is pool
        assert pid in {process.pid for process in pool._processes.values()}
        reader_process.start_helper(0)  # no budget: no helper
        assert 0 not in reader_process._pools
    finally:
        reader_process.stop_helpers()
