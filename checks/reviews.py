"""The reviewed-findings file (``facts/reviews.yaml``): a curator's verdict per finding.

Many findings are real disagreements between sources that stay in the data on
purpose. A review names a finding by its fingerprint (line-free, so it survives
edits elsewhere in the file), says what the curator concluded and why, who
concluded it and when, and optionally until when the verdict holds. Reviewed
findings still appear in every report, marked with their reason; they no
longer fail the run. ``checks.triage`` applies the file.

Its field types come from ``checks.fields``, so ``checks.model`` can register
the file kind without an import cycle.
"""

from __future__ import annotations

import datetime as _dt
from enum import Enum
from typing import Annotated

from pydantic import Field, model_validator

from .fields import MAX_TEXT, Date, Frozen

FINGERPRINT_PATTERN = r"^[0-9a-f]{20}$"
CLAIM_ID_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,99}#[a-z0-9][a-z0-9._-]{0,99}$"
CODE_PATTERN = r"^[A-Z][0-9]{3}$"


ClaimId = Annotated[str, Field(pattern=CLAIM_ID_PATTERN,
                                description="A claim as 'source-id#claim-id'.")]


class Verdict(str, Enum):
    """What the curator concluded about a finding."""

    expected_disagreement = "expected-disagreement"
    source_error = "source-error"
    record_error = "record-error"
    false_alarm = "false-alarm"


class Review(Frozen):
    """One reviewed finding."""

    fingerprint: str = Field(
        pattern=FINGERPRINT_PATTERN,
        title="Fingerprint",
        description="The finding's fingerprint (20 hex digits), as every report shows it. It "
        "ignores lines and layout, so the review survives unrelated edits.",
    )
    verdict: Verdict = Field(
        title="Verdict",
        description="expected-disagreement: the sources really disagree and the records say so "
        "faithfully; source-error: the article itself is wrong (a misspelling, a wrong figure); "
        "record-error: our record is wrong and a fix is pending; false-alarm: the rule is wrong "
        "here.",
    )
    reason: str = Field(
        min_length=1,
        max_length=MAX_TEXT,
        pattern=r"\S",
        title="Reason",
        description="Why: the words on both sides and what makes the verdict right. Required; "
        "every report shows it next to the finding.",
    )
    reviewer: str = Field(
        min_length=1, max_length=200, pattern=r"\S", title="Reviewer",
        description="Who reviewed it (a name or handle).",
    )
    date: Date = Field(title="Reviewed on", description="When it was reviewed (YYYY-MM-DD).")
    expires: Date | None = Field(
        None,
        title="Expires",
        description="Last day the review holds (YYYY-MM-DD). After it the finding counts again "
        "and the expired review is itself reported.",
    )
    rule: str | None = Field(
        None, pattern=CODE_PATTERN, title="Rule",
        description="The finding's rule code. A review whose fingerprint no finding has is "
        "applied to the one finding of this rule with exactly its 'claims' (T007).",
    )
    note: str | None = Field(
        None, min_length=1, max_length=MAX_TEXT, title="Note", description="Anything else.",
    )
    claims: tuple[ClaimId, ...] = Field(
        (), max_length=10_000, title="Claims seen",
        description="The claims ('source#claim') the finding involved when it was reviewed. "
        "When given, a finding that has since gained another claim (a new outlet joining a "
        "reviewed disagreement) is no longer covered: it counts again and T004 asks for a "
        "fresh review.",
    )

    @model_validator(mode="after")
    def _expires_after_review(self) -> Review:
        if self.expires is not None and self.expires < self.date:
            raise ValueError(f"expires ({self.expires}) is before the review date ({self.date})")
        return self

    def expired(self, today: _dt.date) -> bool:
        """True once ``today`` is past the last day the review holds."""
        return self.expires is not None and today > _dt.date.fromisoformat(self.expires)


class ReviewsFile(Frozen):
    """The reviewed-findings file: one entry per reviewed finding."""

    reviews: tuple[Review, ...] = Field(
        (), title="Reviews", description="Reviewed findings, matched by fingerprint."
    )
