"""How many examples a property test tries: its own fixed budget in the default ("ci") profile, many
times more under `make fuzz` (HYPOTHESIS_PROFILE=fuzz).

A budget given in `@settings(max_examples=...)` overrides any profile's, so the tests that need their
own budget ask this function for it instead of writing the number alone.
"""

from __future__ import annotations

import os

FUZZ_FACTOR = 25


def examples(budget: int) -> int:
    """`budget` examples in CI and for `make test`; FUZZ_FACTOR times as many when fuzzing."""
    return budget * FUZZ_FACTOR if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else budget
