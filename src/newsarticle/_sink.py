"""Where ``export`` writes: standard output, one file per input, or one JSON Lines stream.

Targets are worked out before anything is written, and a run that would write over
one of its inputs is refused then.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Final, TextIO

from ._batch import Outcome
from ._files import AtomicFile, write_atomic
from ._inputs import Source

__all__ = ["Sink", "UsageError", "targets"]

_SUFFIXES: Final = {"jsonld": ".jsonld", "text": ".txt", "html": ".html"}


class UsageError(Exception):
    """A command line that cannot be carried out; exit status 2."""


def targets(sources: Sequence[Source], arguments: argparse.Namespace) -> dict[str, Path] | None:
    """Where each source's export goes: None for stdout.

    A source that cannot be read (a missing path, a folder with no article files) gets
    no target: the run reports it and goes on.  A target that is one of the inputs is
    refused here, before anything is written.
    """
    output = None if arguments.output is None else Path(arguments.output)
    single = len(sources) == 1 and not Path(arguments.paths[0]).is_dir()
    if output is None:
        if not single:
            raise UsageError("several inputs need -o FOLDER to write their exports into")
        return None
    folder = output.is_dir() or arguments.output.endswith(("/", os.sep))
    targets: dict[str, Path] = {}
    if single and not folder:
        targets[sources[0].name] = output
    else:
        if output.exists() and not output.is_dir():
            raise UsageError(f"{output}: several inputs need a folder, and this is a file")
        seen: dict[Path, str] = {}
        for source in sources:
            if source.problem is not None:
                continue
            suffix = ".jsonl" if source.lines else _SUFFIXES[arguments.format]
            target = output / source.relative.with_suffix(suffix)
            if target in seen:
                raise UsageError(
                    f"{source.name} and {seen[target]} would both be exported to {target}"
                )
            seen[target] = source.name
            targets[source.name] = target
    _keep_inputs(sources, targets)
    return targets


def _identity(path: Path) -> tuple[int, int] | None:
    """What makes a file the same file under any name (a symbolic or hard link)."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _keep_inputs(sources: Sequence[Source], targets: dict[str, Path]) -> None:
    """Refuse a run that would write an export over one of its inputs."""
    inputs: dict[tuple[int, int], str] = {}
    for source in sources:
        if source.path is not None and source.problem is None:
            identity = _identity(source.path)
            if identity is not None:
                inputs.setdefault(identity, source.name)
    for name, target in targets.items():
        identity = _identity(target)
        if identity is not None and identity in inputs:
            raise UsageError(
                f"the export of {name} would be written to {target}, which is the input "
                f"{inputs[identity]}; nothing was written"
            )


class Sink:
    """Sends each export where it belongs: stdout, its own file, or its JSON Lines stream."""

    def __init__(self, targets: dict[str, Path] | None, stdout: TextIO) -> None:
        self.targets = targets
        self.stdout = stdout
        self.stream: AtomicFile | None = None
        self.stream_source: str | None = None

    def take(self, outcome: Outcome) -> None:
        name = outcome.source.name
        streamed = outcome.source.lines and outcome.source.problem is None
        if self.targets is not None and streamed and name != self.stream_source:
            self.close()
            target = self.targets[name]
            target.parent.mkdir(parents=True, exist_ok=True)
            self.stream, self.stream_source = AtomicFile(target), name
        if outcome.output is None:
            return
        text = outcome.output if outcome.output.endswith("\n") else outcome.output + "\n"
        if self.targets is None:
            self.stdout.write(text)
        elif self.stream is not None and outcome.source.lines:
            self.stream.write(outcome.output.encode("utf-8") + b"\n")
        else:
            target = self.targets[name]
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, text.encode("utf-8"))

    def close(self) -> None:
        """Put the finished JSON Lines stream in place."""
        if self.stream is not None:
            self.stream.commit()
            self.stream = None

    def abandon(self) -> None:
        """Drop an unfinished JSON Lines stream; its target keeps its old contents."""
        if self.stream is not None:
            self.stream.abandon()
            self.stream = None
