"""One catalogue of user-facing errors, each with a stable code.

Messages say what was expected, what came, and what to do. Library code raises these
(all are `ValueError`s, as bad values are); the CLI turns them into clean exits.
"""

from __future__ import annotations


class DyadError(ValueError):
    """Base class of every error dyad reports to a user."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class DocumentError(DyadError):
    """One document could not be read, decoded or cleaned; the batch goes on."""

    code = "E100"

    def __init__(self, name: str, stage: str, cause: str) -> None:
        super().__init__(f"{name}: {cause}")
        self.name = name
        self.stage = stage
        self.cause = cause


class InputError(DyadError):
    """An input path or URL given on the command line cannot be used at all."""

    code = "E200"


class StoreError(DyadError):
    """The store URL is wrong or the database cannot be reached."""

    code = "E300"


class LexiconError(DyadError):
    """A data file (lexicon, actor list, pattern list) has a bad entry: file, line, cause."""

    code = "E400"

    def __init__(self, path: str, line: int | None, cause: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {cause}")
        self.path = path
        self.line = line
        self.cause = cause


class GoldError(DyadError):
    """The gold file for `dyad eval` is missing or malformed."""

    code = "E500"


class PipelineError(DyadError):
    """The spaCy pipeline cannot be built as asked: a component's source is missing, or a
    model's patterns use something a dyad component does not read exactly."""

    code = "E600"


class QueryError(DyadError):
    """A filter or export option has a value dyad cannot use (a bad date, dyad or format)."""

    code = "E700"
