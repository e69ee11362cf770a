"""The inputs of a batch: files, folders, JSON Lines files and standard input, as records.

:func:`expand` turns command-line paths into :class:`Source` values (a path that cannot
be used carries its problem); :func:`records` gives the documents of a source, one per
file or one per line of JSON Lines; :func:`read` reads a file within the size limit.

Only regular files are read.  A FIFO, a device or a socket (named on the command line or
found in a folder) is reported as "not a regular file" without being opened: opening a
FIFO waits for a writer.  A file is opened without waiting (``O_NONBLOCK``) and checked
again once open, so that one replaced by a FIFO after it was found cannot hang the run.
Reading takes memory in proportion to what is read, never to the size limit: a file is
read in one piece of its own size, standard input and JSON Lines lines in bounded chunks.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path, PurePath
from typing import BinaryIO, Final

import attrs

from ._errors import Problem

__all__ = [
    "AUDITED",
    "DEFAULT_MAX_SIZE",
    "DOCUMENTS",
    "LARGEST_MAX_SIZE",
    "NINJS",
    "PAGES",
    "SUFFIXES",
    "Intake",
    "Record",
    "Source",
    "expand",
    "read",
    "records",
]

#: The largest document read by default (a long article is well under 1 MiB).
DEFAULT_MAX_SIZE: Final = 16 * 1024 * 1024
#: The largest size limit there can be: no process holds a document larger than this.
LARGEST_MAX_SIZE: Final = sys.maxsize
#: Names of input files taken from folders.
SUFFIXES: Final = (".json", ".jsonl")
#: The most bytes asked for at once where the size of what comes is not known, and the
#: least.
_CHUNK: Final = 1 << 20
_SMALL_CHUNK: Final = 1 << 16
#: Opening a file never waits (a FIFO would wait for a writer); a regular file is then
#: read as usual.
_OPEN_FLAGS: Final = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


@attrs.frozen(kw_only=True)
class Intake:
    """What a command reads: which files of a folder, and which are JSON Lines."""

    suffixes: tuple[str, ...]  #: files of a folder taken (their name endings)
    lines_suffix: str | None  #: a file whose name ends so is JSON Lines
    stdin_name: str  #: the relative name of standard input's output
    described: str  #: the files taken, for the message of a folder without any
    any_case: bool = False  #: the endings in any case (``PAGE.HTML``)
    #: what is taken instead when every input is told to be of a kind (import's ``--from``)
    told: tuple[tuple[str, Intake], ...] = ()

    def takes(self, name: str) -> bool:
        return (name.lower() if self.any_case else name).endswith(self.suffixes)

    def of_kind(self, kind: str | None) -> Intake:
        """What is taken when every input is said to be ``kind`` (``--from``): ``*.json``
        files for ninjs (IPTC's own examples are named so); else this intake."""
        return dict(self.told).get(kind, self) if kind is not None else self


#: validate and export: article documents, one per file or per line of JSON Lines.
DOCUMENTS: Final = Intake(
    suffixes=SUFFIXES,
    lines_suffix=".jsonl",
    stdin_name="stdin.json",
    described=".json or .jsonl file",
)
#: audit: HTML pages and JSON-LD, gzip-compressed or not.
AUDITED: Final = Intake(
    suffixes=tuple(
        name + gz for name in (".html", ".htm", ".xhtml", ".jsonld") for gz in ("", ".gz")
    ),
    lines_suffix=None,
    stdin_name="stdin",
    described=".html, .htm, .xhtml or .jsonld file (nor one compressed, .html.gz)",
    any_case=True,
)
#: import --from ninjs: IPTC ninjs documents, every ``*.json`` file (compressed or not).
NINJS: Final = Intake(
    suffixes=(".json", ".json.gz"),
    lines_suffix=None,
    stdin_name="stdin",
    described=".json file (nor one compressed, .json.gz)",
    any_case=True,
)
#: import: those audit takes, and IPTC ninjs documents named ``*.ninjs.json``; with
#: ``--from ninjs``, :data:`NINJS`.
PAGES: Final = attrs.evolve(
    AUDITED,
    suffixes=(*AUDITED.suffixes, ".ninjs.json", ".ninjs.json.gz"),
    described=".html, .htm, .xhtml, .jsonld or .ninjs.json file (nor one compressed, .html.gz)",
    told=(("ninjs", NINJS),),
)


@attrs.frozen(kw_only=True)
class Source:
    """One input named on the command line, or found in a folder."""

    name: str  #: as shown in messages
    path: Path | None  #: None for standard input
    relative: PurePath  #: where its output goes, relative to the output folder
    lines: bool = False  #: a JSON Lines file: one document per line
    problem: Problem | None = None  #: why the source cannot be read at all


@attrs.frozen(kw_only=True)
class Record:
    """One document to check: a whole file, one line of a JSON Lines file, or stdin."""

    source: Source
    line: int = 1  #: the file line the document starts on
    data: bytes | None = None  #: the bytes, or None to read ``source.path`` in the worker
    problem: Problem | None = None  #: set when the document could not be read


def input_problem(code: str, message: str) -> Problem:
    """A problem of an input as a whole (no pointer, no position)."""
    return Problem.of(code, "", message)


# --- inputs -----------------------------------------------------------------


def expand(arguments: Iterable[str], intake: Intake = DOCUMENTS) -> Iterator[Source]:
    """Sources for the command-line paths: files, folders (recursively) and ``-``.

    A path that cannot be used gives a source that carries the problem: missing, a broken
    symbolic link, a loop of symbolic links, permission denied, not a regular file.  In a
    folder, every entry ``intake`` takes (``*.json`` and ``*.jsonl`` for article documents)
    is a source (symbolic links to files followed), and so is every subfolder that cannot
    be read; symbolic links to folders are not followed.  A file named on the command line
    is a source whatever its name.
    """
    for argument in arguments:
        if argument == "-":
            yield Source(name="<stdin>", path=None, relative=PurePath(intake.stdin_name))
            continue
        path = Path(argument)
        try:
            status = path.stat()
        except OSError as error:
            problem = _stat_problem(path, error)
            yield Source(name=argument, path=path, relative=PurePath(path.name), problem=problem)
            continue
        if stat.S_ISDIR(status.st_mode):
            yield from _folder(argument, path, intake)
        else:
            yield _file(path, PurePath(path.name), status.st_mode, intake)


def _folder(argument: str, root: Path, intake: Intake) -> list[Source]:
    """The sources in the folder ``root`` and below, in the order of their relative names.

    Walked without recursion (a folder tree can be deeper than Python's stack), and without
    following symbolic links to folders (which may loop)."""
    sources: list[Source] = []
    pending = [(root, PurePath())]
    while pending:
        folder, relative = pending.pop()
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError as error:
            name = str(folder) if relative.parts else argument
            problem = _os_problem(error)
            sources.append(Source(name=name, path=folder, relative=relative, problem=problem))
            continue
        for entry in entries:
            path, inner = folder / entry.name, relative / entry.name
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False
            if is_folder:
                pending.append((path, inner))
                continue
            if not intake.takes(entry.name):
                continue
            try:
                status = path.stat()
            except OSError as error:
                problem = _stat_problem(path, error)
                sources.append(Source(name=str(path), path=path, relative=inner, problem=problem))
                continue
            if not stat.S_ISDIR(status.st_mode):  # a link to a folder: not followed
                sources.append(_file(path, inner, status.st_mode, intake))
    if not sources:
        message = f"the folder holds no {intake.described}"
        problem = input_problem("no-input-files", message)
        return [Source(name=argument, path=root, relative=PurePath(), problem=problem)]
    sources.sort(key=lambda source: source.relative.parts)
    return sources


def _file(path: Path, relative: PurePath, mode: int, intake: Intake) -> Source:
    """The source of the file ``path``, or why it cannot be one (not a regular file)."""
    problem = None if stat.S_ISREG(mode) else _not_regular(mode)
    lines = intake.lines_suffix is not None and path.suffix == intake.lines_suffix
    return Source(name=str(path), path=path, relative=relative, lines=lines, problem=problem)


def _not_regular(mode: int) -> Problem:
    if stat.S_ISDIR(mode):
        return input_problem("file-unreadable", "is a folder, not a file")
    stream = "; read a stream from standard input, as -"
    kinds = [
        (stat.S_ISFIFO, "a named pipe)" + stream),
        (stat.S_ISCHR, "a character device)" + stream),
        (stat.S_ISBLK, "a block device)"),
        (stat.S_ISSOCK, "a socket)"),
    ]
    kind = next((name for test, name in kinds if test(mode)), "a special file)")
    return input_problem("file-unreadable", f"not a regular file ({kind}")


def _stat_problem(path: Path, error: OSError) -> Problem:
    """Why ``path`` cannot be looked at: ``error`` from following it, told apart from a
    broken symbolic link (the link is there, what it names is not)."""
    if error.errno == errno.ENOENT:
        if path.is_symlink():
            message = "broken symbolic link: what it points to does not exist"
            return input_problem("file-not-found", message)
        return input_problem("file-not-found", "no such file or folder")
    return _os_problem(error)


# --- reading ------------------------------------------------------------------


def records(source: Source, max_size: int, stdin: BinaryIO | None = None) -> Iterator[Record]:
    """The documents of ``source``: one per file, one per non-blank line of JSON Lines.

    Standard input (the path ``-``) is read from ``stdin``, the process's standard input when
    None, here in the calling process: workers get its bytes.
    """
    if source.problem is not None:
        yield Record(source=source, problem=source.problem)
        return
    if not source.lines:
        if source.path is None:
            try:
                if stdin is None and sys.stdin is None:  # closed: `newsarticle validate - <&-`
                    raise OSError("standard input is closed")
                reader = sys.stdin.buffer if stdin is None else stdin
                data = _read_within(reader.read, max_size)
            except OSError as error:  # closed, or not open for reading
                yield Record(source=source, problem=_os_problem(error))
                return
            if data is None:
                yield Record(source=source, problem=_too_large(max_size))
            else:
                yield Record(source=source, data=data)
        else:
            yield Record(source=source)  # read in the worker
        return
    assert source.path is not None
    try:
        opened = _open(source.path)
    except OSError as error:
        yield Record(source=source, problem=_os_problem(error))
        return
    if isinstance(opened, Problem):
        yield Record(source=source, problem=opened)
        return
    with os.fdopen(opened[0], "rb") as stream:
        yield from _lines(source, stream, max_size)


def _lines(source: Source, stream: BinaryIO, max_size: int) -> Iterator[Record]:
    """The records of a JSON Lines stream.  ``max_size`` limits each line, its line ending
    (LF or CR LF) not counted; a longer line is refused without being held in memory."""
    number = 0
    while True:
        number += 1
        try:
            line, whole = _line(stream, max_size)
            if not whole and not line.endswith(b"\n"):  # skip the rest of the line
                while (rest := stream.readline(_CHUNK)) and not rest.endswith(b"\n"):
                    pass
        except OSError as error:
            yield Record(source=source, line=number, problem=_os_problem(error))
            return
        if not line:
            return
        if not whole:
            # Located at the start of its line, like any other problem of a record.
            problem = attrs.evolve(_too_large(max_size, "the line is "), line=1, column=1)
            yield Record(source=source, line=number, problem=problem)
            continue
        if line.strip():
            yield Record(source=source, line=number, data=line.rstrip(b"\r\n"))


def _line(stream: BinaryIO, limit: int) -> tuple[bytes, bool]:
    """The next line of ``stream`` and whether it is whole: at most ``limit`` bytes, its
    line ending not counted.  A longer line gives only its first ``limit + 2`` bytes (the
    longest allowed line and a CR LF), read in bounded chunks."""
    most = limit + 2
    pieces: list[bytes] = []
    total = 0
    while total < most:
        piece = stream.readline(min(_CHUNK, most - total))
        if not piece:
            break
        pieces.append(piece)
        total += len(piece)
        if piece.endswith(b"\n"):
            break
    line = pieces[0] if len(pieces) == 1 else b"".join(pieces)
    return line, len(line.removesuffix(b"\n").removesuffix(b"\r")) <= limit


def _read_within(
    read: Callable[[int], bytes | None], limit: int, expected: int = 0
) -> bytes | None:
    """Everything ``read`` gives until it gives nothing, or None once that is more than
    ``limit`` bytes.  The first read asks for ``expected`` bytes and one more (to see the
    end), or for a small chunk; each later one for as much as came so far, at least a small
    chunk and at most a large one: memory follows what comes, never the limit."""
    pieces: list[bytes] = []
    total = 0
    size = min(expected + 1 if expected else _SMALL_CHUNK, limit + 1)
    while piece := read(size):
        pieces.append(piece)
        total += len(piece)
        if total > limit:
            return None
        size = min(max(total, _SMALL_CHUNK), _CHUNK, limit + 1 - total)
    return pieces[0] if len(pieces) == 1 else b"".join(pieces)


def _open(path: Path) -> tuple[int, os.stat_result] | Problem:
    """A descriptor open on the regular file ``path`` and its status, or why it is not one.
    The open never waits, even for a FIFO that took the place of a file."""
    handle = os.open(path, _OPEN_FLAGS)
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            os.close(handle)
            return _not_regular(status.st_mode)
        os.set_blocking(handle, True)
    except BaseException:
        os.close(handle)
        raise
    return handle, status


def _too_large(max_size: int, what: str = "") -> Problem:
    message = f"{what}larger than the limit of {max_size:,} bytes (raise it with --max-size)"
    return input_problem("file-too-large", message)


def _os_problem(error: OSError) -> Problem:
    if isinstance(error, IsADirectoryError):
        return input_problem("file-unreadable", "is a folder, not a file")
    if isinstance(error, FileNotFoundError):
        return input_problem("file-not-found", "no such file")
    if isinstance(error, PermissionError):
        return input_problem("file-unreadable", "permission denied")
    if error.errno == errno.ELOOP:
        message = "a loop of symbolic links (too many levels of symbolic links)"
        return input_problem("file-unreadable", message)
    return input_problem("file-unreadable", error.strerror or str(error))


def read(path: Path, max_size: int) -> bytes | Problem:
    """The bytes of the file ``path``, or why they cannot be had: not a regular file, over
    ``max_size`` (by its size, before reading; or by what reading gives), unreadable."""
    try:
        opened = _open(path)
        if isinstance(opened, Problem):
            return opened
        handle, status = opened
        try:
            if status.st_size > max_size:
                return _too_large(max_size)
            data = _read_within(lambda size: os.read(handle, size), max_size, status.st_size)
        finally:
            os.close(handle)
    except OSError as error:
        return _os_problem(error)
    return _too_large(max_size) if data is None else data
