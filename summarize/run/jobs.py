"""What travels to the tasks and back: the job, and what became of each input.

Plain picklable data, so the same task functions run in this process or on
the workers of a cluster.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import MissingModelError, Problem
from ..results import ArticleResult, DigestSource

AUTO = "auto"
SUMMARY = "summary"
TRANSLATION = "translation"
DIGEST = "digest"


@dataclass(frozen=True)
class Job:
    """One command's settings: everything a task needs besides its inputs."""

    kind: str  # SUMMARY, TRANSLATION or DIGEST
    target: str = "en"
    source_language: str = AUTO
    encoding: str | None = None
    cache: str | None = None  # None: the default (SUMMARIZE_CACHE or the user cache dir)
    use_cache: bool = True
    beam: int = 4
    compute_type: str = "default"  # CTranslate2's; "default": the model's own, as Argos
    # summary
    method: str | None = None  # None: the default method
    sentences: int | None = None
    ratio: float | None = None
    # translation
    keep_boilerplate: bool = False
    # digest
    facts: int = 12


@dataclass(frozen=True)
class Layout:
    """How a plan cuts its work: documents per partition, shuffle buckets."""

    partition_size: int
    buckets: int


@dataclass
class Outcome:
    """What became of one input: its problems and, when it could be used, its result."""

    index: int  # position among the listed inputs
    path: str
    root: str | None = None  # the folder argument it was found in
    problems: list[Problem] = field(default_factory=list)
    language: str | None = None  # set once the document was read
    missing: tuple[str, str] | None = None  # the language pair without a model
    result: ArticleResult | None = None  # summary and translation
    source: DigestSource | None = None  # digest

    def fail(self, reason: str) -> None:
        from ..errors import InputError

        self.problems.append(Problem.of(InputError(self.path, reason)))


@dataclass
class PartReport:
    """What one task over a partition of inputs sends back."""

    outcomes: list[Outcome]
    notes: list[str] = field(default_factory=list)  # warnings from the translation cache
    decoded: int = 0  # sentences the model decoded (the rest came from the cache)


class Collected:
    """Outcomes merged, in input order, into a result's problems.

    Missing models are reported last, one error per language pair listing
    every input that needs it, whichever partitions those inputs were in.
    """

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.read = 0
        self._missing: dict[str, tuple[tuple[str, str], list[str]]] = {}

    def add(self, outcome: Outcome) -> None:
        self.problems.extend(outcome.problems)
        if outcome.language is not None:
            self.read += 1
        if outcome.missing is not None:
            _pair, paths = self._missing.setdefault(outcome.language or "", (outcome.missing, []))
            paths.append(outcome.path)

    def finish(self) -> list[Problem]:
        """Every problem: per input in input order, then the missing models."""
        missing = [
            Problem.of(MissingModelError(pair[0], pair[1], paths))
            for _language, (pair, paths) in sorted(self._missing.items())
        ]
        return [*self.problems, *missing]
