"""Where ``export`` writes: standard output, one file per input, or one JSON Lines stream.

Targets are worked out before anything is written, and a run that would write over
one of its inputs (under any name, standard input and output included) is refused then.

The file ``-o`` names is written as what it is: ``-`` is standard output; a device (such
as ``/dev/null``) or a FIFO is written to, not replaced; a symbolic link to a file is
followed, and the file it points to replaced (the link stays a link); a broken link or a
loop of links is refused.  In an output folder, every target is a file of that folder,
replaced as itself: a symbolic link there is replaced, never followed, so that links
planted in a folder cannot send exports elsewhere.  Files are written in :class:`Batch`
es, so that many small files do not cost a sync each.
"""

from __future__ import annotations

import argparse
import errno
import os
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path, PurePath
from typing import IO, Final, TextIO

import attrs

from ._batch import Outcome
from ._files import AtomicFile, Batch, Passthrough
from ._inputs import Source
from ._streams import write_document

__all__ = ["EXPORT_FORMATS", "IMPORT_FORMATS", "Sink", "Target", "UsageError", "targets"]

#: What ``export --format`` writes (and ``newsarticle.dask.export``), each with the suffix of
#: its files; import writes these or the article document, ``json``.  The one list of them: a
#: format added here is one of both commands and of the Dask functions.
EXPORT_SUFFIXES: Final = {
    "jsonld": ".jsonld",
    "text": ".txt",
    "html": ".html",
    "ninjs": ".ninjs.json",
}
EXPORT_FORMATS: Final = tuple(EXPORT_SUFFIXES)
IMPORT_FORMATS: Final = ("json", *EXPORT_FORMATS)
_SUFFIXES: Final = {**EXPORT_SUFFIXES, "json": ".json"}
#: The name of standard output in messages.
STANDARD_OUTPUT: Final = "standard output"


class UsageError(Exception):
    """A command line that cannot be carried out; exit status 2."""


@attrs.frozen
class Target:
    """Where one source's export goes."""

    path: Path  #: the file written (a symbolic link's target)
    direct: bool = False  #: written to as it is (a device, a FIFO), not replaced
    shown: Path | None = None  #: the name it was given, when that is a symbolic link

    @property
    def name(self) -> str:
        """The target as messages name it."""
        return str(self.path if self.shown is None else self.shown)


def targets(
    sources: Sequence[Source],
    arguments: argparse.Namespace,
    *,
    stdin: IO[bytes] | None = None,
    stdout: IO[str] | None = None,
    stem: Callable[[PurePath], PurePath] | None = None,
) -> dict[str, Target] | None:
    """Where each source's export goes: None for standard output (no ``-o``, or ``-o -``).

    In an output folder, a source's file has the source's relative name with the suffix of
    the export instead of its last one; with ``stem``, ``stem(name)`` followed by that
    suffix (import: ``a.html.gz`` is written as ``a.json``).

    A source that cannot be read (a missing path, a folder with no article files) gets
    no target: the run reports it and goes on.  A target that is one of the inputs is
    refused here, before anything is written; so is standard output when it is an input
    file (``>> feed.jsonl``), and a target that is the file standard input reads, when
    ``-`` is an input.  ``stdin`` is the stream ``-`` reads (the process's when None).
    """
    named = arguments.output
    output = None if named is None or named == "-" else Path(named)
    single = len(sources) == 1 and not Path(arguments.paths[0]).is_dir()
    if output is None:
        if not single:
            raise UsageError("several inputs need -o FOLDER to write their exports into")
        if stdout is not None:
            _keep_inputs(sources, {}, stdin, _stream_identity(stdout))
        return None
    folder = output.is_dir() or named.endswith(("/", os.sep))
    targets: dict[str, Target] = {}
    if single and not folder:
        targets[sources[0].name] = _named_target(output)
    else:
        if output.exists() and not output.is_dir():
            raise UsageError(f"{output}: several inputs need a folder, and this is not one")
        seen: dict[Path, str] = {}
        for source in sources:
            if source.problem is not None:
                continue
            suffix = ".jsonl" if source.lines else _SUFFIXES[arguments.format]
            if stem is None:
                target = output / source.relative.with_suffix(suffix)
            else:
                base = stem(source.relative)
                target = output / base.with_name(base.name + suffix)
            if target in seen:
                raise UsageError(
                    f"{source.name} and {seen[target]} would both be exported to {target}"
                )
            seen[target] = source.name
            targets[source.name] = Target(target)
    _keep_inputs(sources, targets, stdin, None)
    return targets


def _named_target(path: Path) -> Target:
    """The target of ``-o FILE``: the file (a symbolic link's, followed), or, written to as
    it is, a device or FIFO.  A broken link or a loop of links is refused."""
    try:
        status = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise UsageError(
                f"{path} is a broken symbolic link (what it points to does not exist); "
                "nothing was written"
            ) from None
        return Target(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise UsageError(
                f"{path} is a loop of symbolic links (too many levels of symbolic links); "
                "nothing was written"
            ) from None
        return Target(path)  # writing it says why it cannot be written
    if not stat.S_ISREG(status.st_mode):
        return Target(path, direct=True)
    if path.is_symlink():
        return Target(Path(os.path.realpath(path)), shown=path)
    return Target(path)


def _identity(path: Path) -> tuple[int, int] | None:
    """What makes a file the same file under any name (a symbolic or hard link)."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _stream_identity(stream: object) -> tuple[int, int] | None:
    """The identity of the regular file a standard stream is open on, if it is one."""
    fileno = getattr(stream, "fileno", None)
    if fileno is None:  # closed (None)
        return None
    try:
        status = os.fstat(fileno())
    except (OSError, ValueError):  # no descriptor (a StringIO), or closed
        return None
    return (status.st_dev, status.st_ino) if stat.S_ISREG(status.st_mode) else None


def _keep_inputs(
    sources: Sequence[Source],
    targets: dict[str, Target],
    stdin: IO[bytes] | None,
    stdout: tuple[int, int] | None,
) -> None:
    """Refuse a run that would write an export over one of its inputs: ``targets``, or
    standard output when ``stdout`` is the identity of the file it is open on."""
    inputs: dict[tuple[int, int], str] = {}
    for source in sources:
        if source.problem is not None:
            continue
        name = source.name
        if source.path is None:
            identity = _stream_identity(sys.stdin if stdin is None else stdin)
            name += " (the file on standard input)"
        else:
            identity = _identity(source.path)
        if identity is not None:
            inputs.setdefault(identity, name)
    outputs = [(name, target.name, _identity(target.path)) for name, target in targets.items()]
    if stdout is not None:
        outputs = [(source.name, STANDARD_OUTPUT, stdout) for source in sources[:1]]
    for name, where, identity in outputs:
        if identity is not None and identity in inputs:
            raise UsageError(
                f"the export of {name} would be written to {where}, which is the input "
                f"{inputs[identity]}; nothing was written"
            )


class Sink:
    """Sends each export where it belongs: stdout, its own file, or its JSON Lines stream.

    Files of their own are written in a :class:`Batch`: :meth:`close` puts the last ones
    in place, :meth:`abandon` drops what is not in place yet.
    """

    def __init__(self, targets: dict[str, Target] | None, stdout: TextIO) -> None:
        self.targets = targets
        self.stdout = stdout
        self.batch = Batch()
        self.stream: AtomicFile | Passthrough | None = None
        self.stream_source: str | None = None

    def take(self, outcome: Outcome) -> None:
        name = outcome.source.name
        streamed = outcome.source.lines and outcome.source.problem is None
        if self.targets is not None and streamed and name != self.stream_source:
            self._close_stream()
            self.stream_source = name
            self._open(self.targets[name])
        if outcome.output is None:
            return
        text = outcome.output if outcome.output.endswith("\n") else outcome.output + "\n"
        if self.targets is None:
            write_document(self.stdout, text)
        elif self.stream is not None and outcome.source.lines:
            self.stream.write(outcome.output.encode("utf-8") + b"\n")
        else:
            target = self.targets[name]
            if target.direct:
                file = Passthrough(target.path)
                file.write(text.encode("utf-8"))
                file.commit()
            else:
                target.path.parent.mkdir(parents=True, exist_ok=True)
                self.batch.add(target.path, text.encode("utf-8"))

    def _open(self, target: Target) -> None:
        """Start the JSON Lines stream to ``target``: kept before its temporary file is
        created, so that :meth:`abandon` removes it however the run ends."""
        if target.direct:
            self.stream = Passthrough(target.path)
            return
        target.path.parent.mkdir(parents=True, exist_ok=True)
        file = self.stream = AtomicFile(target.path, create=False)
        file.create()

    def _close_stream(self) -> None:
        if self.stream is not None:
            self.stream.commit()
            self.stream = None

    def close(self) -> None:
        """Put the finished JSON Lines stream and the last files in place."""
        self._close_stream()
        self.batch.commit()

    def abandon(self) -> None:
        """Drop an unfinished JSON Lines stream and the files not in place yet; their
        targets keep their old contents."""
        try:
            if self.stream is not None:
                self.stream.abandon()
                self.stream = None
        finally:
            self.batch.abandon()
