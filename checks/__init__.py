"""fact-checks: a fact-consistency test harness for news coverage."""

__version__ = "0.1.0"
