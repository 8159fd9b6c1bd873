"""The clock the tests' speed bounds read.

A bound on a code path's cost (``< 5`` seconds where all pairs would take hours) must fail when
the code turns quadratic, not when the machine is busy: CI and the team's machines share two
cores, and wall-clock bounds failed there while the code under test took the same CPU as alone.
The process's own CPU time (every thread of it) counts only the work the test asked for.
Measured code must run in the test's process: a child's CPU time is not counted.
"""

from __future__ import annotations

import time


def cpu_now() -> float:
    """Seconds of CPU this process has used; subtract two readings for a bound."""
    return time.process_time()
