"""Errors that reach the user as one line, and the exit codes the CLI documents."""
from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0            # every record analysed
EXIT_SKIPPED = 1       # some records were bad: reported on stderr and skipped, the rest analysed
EXIT_USAGE = 2         # bad options or arguments (also: no input could be read at all)
EXIT_INTERNAL = 70     # a bug in kronika (EX_SOFTWARE); the message asks for a report


class KronikaError(Exception):
    """An error with a message meant for the user, never shown with a traceback."""


class UsageError(KronikaError):
    """The command line itself is wrong."""


@dataclass(frozen=True)
class Problem:
    """A bad input record: where it is and what is wrong, reported and skipped."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"
