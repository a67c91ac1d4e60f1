"""The job queue's failure the API answers (503), importable without the `queue` extra installed."""

from __future__ import annotations


class QueueUnavailable(Exception):
    """Redis cannot be reached: the caller should retry later."""
