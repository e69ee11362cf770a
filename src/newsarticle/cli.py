"""The ``newsarticle`` command: validate and export article documents, import and audit
pages, print the schema.

:func:`run` runs a command line in this process, on the streams it is given, and returns
the exit status; :func:`main` is the ``newsarticle`` program: :func:`run` on the process's
streams, with what only a whole process has (signals, the final flush of stdout).

Exit status: 0 when every input is valid, 1 when some input is invalid (or,
with ``--strict``, has warnings), 2 for a usage error or an input that cannot
be read at all.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from gettext import gettext
from pathlib import Path, PurePath
from types import FrameType
from typing import IO, TYPE_CHECKING, Any, BinaryIO, NoReturn, TextIO, cast
from urllib.parse import urlsplit

import attrs

from . import __version__
from ._batch import Engine, EngineError, Options, Outcome, WorkerError
from ._export import MIN_WIDTH
from ._import import KINDS, MAX_PAGE_SIZE, PAGE_KINDS
from ._inputs import AUDITED, DEFAULT_MAX_SIZE, LARGEST_MAX_SIZE, PAGES, Source, expand
from ._report import (
    EXIT_OK,
    EXIT_USAGE,
    Tally,
    encodable,
    format_error,
    format_github,
    format_problem,
    outcome_json,
    report_json,
)
from ._schema import schema_path, schema_text
from ._sink import EXPORT_FORMATS, IMPORT_FORMATS, Sink, Target, UsageError, targets
from ._streams import Messages, Output, OutputError, hold_standard_descriptors, point_at_null

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = ["main", "run"]


@attrs.frozen
class Streams:
    """Where one run reads standard input from and writes its output and messages to."""

    stdin: BinaryIO | None  #: read for the path ``-``; None: the process's, when it is read
    stdout: TextIO
    stderr: TextIO


# --- output -----------------------------------------------------------------


def _encoding(stream: IO[str]) -> str | None:
    """The encoding ``stream`` writes in; None for a stream of text (``io.StringIO``)."""
    encoding = getattr(stream, "encoding", None)
    return encoding if isinstance(encoding, str) else None


def _write(stream: IO[str], text: str) -> None:
    """Write ``text``, a character the stream's encoding lacks written as its escape."""
    stream.write(encodable(text, _encoding(stream)))


# --- progress ---------------------------------------------------------------


def _progress(outcomes: Iterator[Outcome], total: int | None, stderr: TextIO) -> Iterator[Outcome]:
    """Outcomes, with a progress bar on ``stderr`` when it is a terminal."""
    if not stderr.isatty():
        yield from outcomes
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="doc", file=stderr, leave=False, dynamic_ncols=True) as bar:
        for outcome in outcomes:
            bar.update(1)
            yield outcome


def _total(sources: Sequence[Source]) -> int | None:
    return None if any(source.lines for source in sources) else len(sources)


def _engine(arguments: argparse.Namespace, streams: Streams) -> Engine:
    """Where the run's work goes (``--engine``, ``--scheduler``, ``--jobs``)."""
    engine = arguments.engine or ("dask" if arguments.scheduler is not None else "local")
    if engine == "local":
        if arguments.scheduler is not None:
            raise UsageError("--scheduler is the address of a Dask scheduler: use --engine dask")
        return Engine(jobs=1 if arguments.jobs is None else arguments.jobs)
    if arguments.scheduler is not None and arguments.jobs is not None:
        raise UsageError(
            "--jobs is the number of workers of the local Dask cluster; with --scheduler, "
            "the cluster's own workers do the work"
        )

    def announce(line: str) -> None:
        from tqdm import tqdm

        with tqdm.external_write_mode(file=streams.stderr):
            _write(streams.stderr, f"newsarticle: {line}\n")

    return Engine(
        kind="dask",
        jobs=2 if arguments.jobs is None else arguments.jobs,
        scheduler=arguments.scheduler,
        # Said on a terminal only, like the progress bar: otherwise standard error holds
        # what it holds with the local engine.
        announce=announce if streams.stderr.isatty() else None,
    )


def _outcomes(
    sources: Sequence[Source],
    options: Options,
    arguments: argparse.Namespace,
    streams: Streams,
    targets: dict[str, Target] | None = None,
) -> Iterator[Outcome]:
    # The records of standard input are read here, in this process.  With ``targets``, the
    # engine writes the outputs there itself (see Engine.writes).
    engine = _engine(arguments, streams)
    found = engine.outcomes(options, sources, stdin=streams.stdin, targets=targets)
    return _progress(found, _total(sources), streams.stderr)


# --- commands ---------------------------------------------------------------


def _report(
    arguments: argparse.Namespace, streams: Streams, sources: Sequence[Source], options: Options
) -> int:
    """Report every problem of every input on stdout, in the format asked for, then the
    summary; the exit status."""
    tally = Tally(arguments.strict, options.task)
    report: list[dict[str, object]] = []
    for outcome in _outcomes(sources, options, arguments, streams):
        tally.add(outcome)
        if arguments.format == "json":
            report.append(outcome_json(outcome, tally.passes(outcome)))
            continue
        render = format_github if arguments.format == "github" else format_problem
        for problem in outcome.problems:
            _write(streams.stdout, render(outcome, problem) + "\n")
    if arguments.format == "json":
        document = {"documents": report, "summary": tally.as_json()}
        _write(streams.stdout, report_json(document, _encoding(streams.stdout)) + "\n")
    else:
        _write(streams.stdout, tally.summary() + "\n")
    return tally.status()


def _deliver(
    arguments: argparse.Namespace,
    streams: Streams,
    sources: Sequence[Source],
    options: Options,
    stem: Callable[[PurePath], PurePath] | None = None,
) -> int:
    """Write each input's output where it belongs (see :class:`~._sink.Sink`), its problems
    on stderr, and the summary there when some input failed; the exit status."""
    found = targets(sources, arguments, stdin=streams.stdin, stdout=streams.stdout, stem=stem)
    # On Dask, each worker writes the files of its own tasks (see Engine.writes).
    written = _engine(arguments, streams).writes(found)
    sink = Sink(None if written else found, streams.stdout)
    tally = Tally(strict=False, task=options.task)
    try:
        for outcome in _outcomes(sources, options, arguments, streams, found if written else None):
            tally.add(outcome)
            for problem in outcome.problems:
                _write(streams.stderr, format_problem(outcome, problem) + "\n")
            sink.take(outcome)  # nothing to write when the workers wrote it
        sink.close()
    finally:
        sink.abandon()
    if tally.invalid or tally.unreadable:
        _write(streams.stderr, tally.summary() + "\n")
    return tally.status()


def run_validate(arguments: argparse.Namespace, streams: Streams) -> int:
    sources = list(expand(arguments.paths))
    options = Options(profile=arguments.profile, max_size=arguments.max_size)
    return _report(arguments, streams, sources, options)


def run_export(arguments: argparse.Namespace, streams: Streams) -> int:
    sources = list(expand(arguments.paths))
    options = Options(
        max_size=arguments.max_size,
        export=arguments.format,
        lines=any(source.lines for source in sources),
        width=arguments.width,
        sources=arguments.sources,
    )
    return _deliver(arguments, streams, sources, options)


def run_import(arguments: argparse.Namespace, streams: Streams) -> int:
    sources = list(expand(arguments.paths, PAGES.of_kind(arguments.kind)))
    if arguments.url is not None and (len(sources) != 1 or Path(arguments.paths[0]).is_dir()):
        raise UsageError("--url is the address of one page: give one input with it")
    options = Options(
        task="import",
        max_size=arguments.max_size,
        export=arguments.format,
        width=arguments.width,
        sources=arguments.sources,
        kind=arguments.kind,
        url=arguments.url,
        timezone=arguments.assume_timezone,
    )
    from ._import._source import output_stem  # the readers: only import and audit load them

    return _deliver(arguments, streams, sources, options, stem=output_stem)


def run_audit(arguments: argparse.Namespace, streams: Streams) -> int:
    if arguments.kind not in (None, *PAGE_KINDS):
        raise UsageError(
            f"audit checks the schema.org JSON-LD of pages: --from {arguments.kind} is not "
            "one (import reads it)"
        )
    sources = list(expand(arguments.paths, AUDITED))
    options = Options(task="audit", max_size=arguments.max_size, kind=arguments.kind)
    return _report(arguments, streams, sources, options)


def run_schema(arguments: argparse.Namespace, streams: Streams) -> int:
    if arguments.path:
        _write(streams.stdout, f"{schema_path()}\n")
    else:
        _write(streams.stdout, schema_text())
    return EXIT_OK


# --- arguments --------------------------------------------------------------

_SIZE = re.compile(r"([0-9]+)\s*([KMG]i?B?|B)?", re.IGNORECASE)


def size(text: str) -> int:
    """A byte count such as ``1048576``, ``64K``, ``16M`` or ``2G`` (powers of 1024), from
    1 byte to :data:`LARGEST_MAX_SIZE` (2^63 - 1 bytes: no document can be larger); a size
    out of that range is refused, not clamped.  Reading takes memory in proportion to the
    input, whatever the limit."""
    match = _SIZE.fullmatch(text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 16M or 2G")
    digits, unit = match.group(1).lstrip("0") or "0", (match.group(2) or "B").upper()[0]
    if len(digits) > len(str(LARGEST_MAX_SIZE)):  # too large, and int() would refuse it
        value = LARGEST_MAX_SIZE + 1
    else:
        value = int(digits) * {"B": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}[unit]
    if value < 1:
        raise argparse.ArgumentTypeError("the size must be at least 1 byte")
    if value > LARGEST_MAX_SIZE:
        raise argparse.ArgumentTypeError(
            f"the size must be at most {LARGEST_MAX_SIZE:,} bytes "
            f"(2^{LARGEST_MAX_SIZE.bit_length()} - 1): no document can be larger"
        )
    return value


def _whole_number(text: str, what: str, least: int, too_small: str) -> int:
    """``text`` as a whole number of ``what`` at least ``least``, or a usage error."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of {what}") from None
    if value < least:
        raise argparse.ArgumentTypeError(too_small)
    return value


def width(text: str) -> int:
    """A wrapping width for the text export: a whole number of columns, at least 20."""
    return _whole_number(
        text, "columns", MIN_WIDTH, f"the width must be at least {MIN_WIDTH} columns"
    )


def jobs(text: str) -> int:
    """A number of worker processes (0 means one per CPU)."""
    value = _whole_number(text, "processes", 0, "the number of processes cannot be negative")
    return value or os.cpu_count() or 1


def zone(text: str) -> str:
    """A time zone for dates written without one: UTC, an offset, or an IANA name."""
    from ._import._source import parse_zone

    try:
        parse_zone(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def page_url(text: str) -> str:
    """The address of a page: an absolute http or https URL."""
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not the address of a page (an absolute http or https URL)"
        )
    return text


_VALIDATE_EXAMPLES = """\
examples:
  newsarticle validate examples/panjshir.json
  newsarticle validate articles/ --jobs 4            every *.json and *.jsonl below articles/
  newsarticle validate feed.jsonl --format json      one machine-readable report
  newsarticle validate articles/ --format github     annotations in a GitHub Actions run
  cat story.json | newsarticle validate -            read standard input
  newsarticle validate articles/ --profile --strict  fail on search-engine warnings too

Each problem is printed as FILE:LINE:COLUMN: CODE severity message (JSON Pointer).
Exit status: 0 all valid, 1 some input invalid, 2 usage error or unreadable input.
"""

_EXPORT_EXAMPLES = """\
examples:
  newsarticle export --format jsonld examples/panjshir.json
  newsarticle export --format text --sources examples/panjshir.json -o panjshir.txt
  newsarticle export --format html articles/ -o site/        matching names in site/
  newsarticle export --format jsonld feed.jsonl -o out/      JSON Lines in, JSON Lines out
  newsarticle export --format jsonld feed.jsonl | head -1
  newsarticle export --format ninjs articles/ -o wire/     IPTC ninjs 3.1, NAME.ninjs.json

Files are written whole or not at all, and never over an input (such a run is refused).
Invalid documents are reported on stderr and skipped.
"""


_IMPORT_EXAMPLES = """\
examples:
  newsarticle import page.html                           the article document on stdout
  newsarticle import --format jsonld page.html.gz        the article's JSON-LD, as exported
  newsarticle import archive/ -o articles/ --jobs 0      every page below archive/
  newsarticle import --from jsonld - < blocks.json       JSON-LD on standard input
  newsarticle import --from ninjs wire/ -o articles/     IPTC ninjs 2.x and 3.x
  newsarticle import page.html --assume-timezone Europe/Paris --url https://example.com/a

Inputs: .html, .htm, .xhtml, .jsonld and IPTC ninjs .ninjs.json files, gzip-compressed or
not (.html.gz), and folders of them (with --from ninjs, a folder's .json files); a file
named here is read whatever its name (a JSON array of strings is the texts of a page's
blocks; a JSON object whose "standard" names ninjs is ninjs).  Each page's article is
written as <name>.json in -o FOLDER.  What was repaired, guessed or dropped is reported on
stderr, one line each.
Exit status: 0 every page gave an article, 1 some gave none, 2 usage error or unreadable
input.
"""

_AUDIT_EXAMPLES = """\
examples:
  newsarticle audit page.html
  newsarticle audit site/ --format github      annotations in a GitHub Actions run
  newsarticle audit page.html --format json    one machine-readable report
  curl -s https://example.com/story | newsarticle audit -

Each finding is printed as FILE:LINE:COLUMN: CODE severity message (JSON Pointer): the
line and column in the page, the pointer into the value of the ld+json block there.
Exit status: 0 no errors, 1 some page has errors (or, with --strict, warnings), 2 usage
error or unreadable input.
"""


class Parser(argparse.ArgumentParser):
    """An argument parser that writes its help, usage and errors to the streams it is given.

    argparse writes to ``sys.stdout`` and ``sys.stderr`` as they are when it writes; a
    stream given as None is that.  Leaving (after ``--help``, ``--version`` or a usage
    error) raises :class:`SystemExit` with the status, as argparse does.
    """

    def __init__(
        self, *args: Any, stdout: TextIO | None = None, stderr: TextIO | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.stdout = stdout
        self.stderr = stderr

    def _out(self) -> TextIO | None:
        return sys.stdout if self.stdout is None else self.stdout

    def _err(self) -> TextIO | None:
        return sys.stderr if self.stderr is None else self.stderr

    def print_usage(self, file: SupportsWrite[str] | None = None) -> None:
        super().print_usage(self._out() if file is None else file)

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        super().print_help(self._out() if file is None else file)

    def print_version(self, version: str) -> None:
        self._say(f"{version}\n", self._out())

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            self._say(message, self._err())
        raise SystemExit(status)

    def _say(self, message: str, stream: TextIO | None) -> None:
        """Write as argparse writes: to stderr when there is no stream, and a failing stream
        is passed over."""
        with contextlib.suppress(AttributeError, OSError):
            (stream or self._err() or sys.stderr).write(message)

    def error(self, message: str) -> NoReturn:
        self.print_usage(self._err())
        arguments = {"prog": self.prog, "message": message}
        self.exit(EXIT_USAGE, gettext("%(prog)s: error: %(message)s\n") % arguments)


class _Version(argparse.Action):
    """``--version``: argparse's action writes to ``sys.stdout``; this one to the parser's."""

    def __init__(self, option_strings: Sequence[str], dest: str, version: str) -> None:
        super().__init__(
            option_strings,
            dest=argparse.SUPPRESS,
            default=argparse.SUPPRESS,
            nargs=0,
            help="show program's version number and exit",
        )
        self.version = version

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        assert isinstance(parser, Parser)
        parser.print_version(self.version)
        parser.exit()


def _engine_arguments(parser: argparse.ArgumentParser) -> None:
    """--engine and --scheduler: where the batch work runs."""
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        help="local (default): this process, or --jobs worker processes; dask: a Dask "
        "cluster (pip install 'newsarticle[dask]'), the same output",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="the Dask scheduler to run on, such as tcp://scheduler:8786 (implies --engine "
        "dask; default: a local cluster started for the run)",
    )


def _inputs(paths: str, max_size: int, size_help: str) -> Parser:
    """The options of the commands that read inputs: the paths, --jobs, the engine and
    --max-size (``max_size`` its default)."""
    found = Parser(add_help=False)
    found.add_argument("paths", nargs="+", metavar="PATH", help=paths)
    found.add_argument(
        "--jobs",
        "-j",
        type=jobs,
        metavar="N",
        help="worker processes (default 1; 0 for one per CPU); output keeps input order; "
        "with --engine dask, the workers of the local cluster (default 2)",
    )
    _engine_arguments(found)
    found.add_argument("--max-size", type=size, default=max_size, metavar="SIZE", help=size_help)
    return found


def _report_options(command: argparse.ArgumentParser, finding: str) -> None:
    """--format and --strict of the commands that report (validate, audit)."""
    command.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help=f"text (default): one line per {finding}; json: one report; github: annotations",
    )
    command.add_argument("--strict", action="store_true", help="treat warnings as failures")


def _output_options(command: argparse.ArgumentParser, named: str) -> None:
    """-o, --width and --sources of the commands that write (export, import); ``named`` says
    how the files of an output folder are named, when that is not told by the inputs."""
    command.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="a file for one input; a folder (existing, or written with a final /) for "
        f"several{named} (default: stdout for one input)",
    )
    command.add_argument(
        "--width",
        type=width,
        default=72,
        metavar="N",
        help=f"text: wrap at this many columns (default 72, at least {MIN_WIDTH})",
    )
    command.add_argument("--sources", action="store_true", help="text: add the Sources section")


def parser(stdout: TextIO | None = None, stderr: TextIO | None = None) -> Parser:
    """The command-line parser; its help and messages go to ``stdout`` and ``stderr`` (the
    process's streams when None)."""
    formatter = argparse.RawDescriptionHelpFormatter
    streams: dict[str, Any] = {"stdout": stdout, "stderr": stderr}
    top = Parser(
        prog="newsarticle",
        description="Validate and export news article documents; import and audit the "
        "schema.org JSON-LD of pages.",
        epilog="Run 'newsarticle COMMAND --help' for a command's options and examples.",
        formatter_class=formatter,
        **streams,
    )
    top.add_argument("--version", action=_Version, version=f"newsarticle {__version__}")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    common = _inputs(
        "a file, a folder, or - for stdin",
        DEFAULT_MAX_SIZE,
        "refuse documents larger than this: bytes, or K, M or G (default 16M; a JSON "
        "Lines file is limited per line; a size over 2^63 - 1 bytes is refused)",
    )

    check = commands.add_parser(
        "validate",
        parents=[common],
        help="check article documents and report every problem",
        description="Check article documents: JSON syntax, the schema, values and integrity.",
        epilog=_VALIDATE_EXAMPLES,
        formatter_class=formatter,
        **streams,
    )
    _report_options(check, "problem")
    check.add_argument(
        "--profile",
        action="store_true",
        help="add the search-engine warnings (Google's Article advice)",
    )
    check.set_defaults(run=run_validate)

    export = commands.add_parser(
        "export",
        parents=[common],
        help="export article documents as JSON-LD, text, HTML or IPTC ninjs",
        description="Export valid article documents; report invalid ones on stderr.",
        epilog=_EXPORT_EXAMPLES,
        formatter_class=formatter,
        **streams,
    )
    export.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    _output_options(export, "")
    export.set_defaults(run=run_export)

    pages = _inputs(
        "a page, JSON-LD or ninjs file, a folder of them, or - for stdin",
        MAX_PAGE_SIZE,
        "refuse pages larger than this (decompressed): bytes, or K, M or G (default 15M, "
        "the part of a page Googlebot reads)",
    )
    pages.add_argument(
        "--from",
        dest="kind",
        choices=KINDS,
        help="what the inputs are: html pages, jsonld or ninjs (import only) (default: told "
        "by each file's name, then by its content)",
    )

    import_ = commands.add_parser(
        "import",
        parents=[pages],
        help="read the articles of HTML pages and schema.org JSON-LD",
        description="Read the article of each page (its schema.org JSON-LD, and what the page "
        "says where the JSON-LD is silent) into an article document; report what was "
        "repaired, guessed or dropped on stderr.",
        epilog=_IMPORT_EXAMPLES,
        formatter_class=formatter,
        **streams,
    )
    import_.add_argument(
        "--format",
        choices=IMPORT_FORMATS,
        default="json",
        help="json (default): the article document; jsonld, text, html, ninjs: as export writes",
    )
    _output_options(import_, ", each page's as <name>.json")
    import_.add_argument(
        "--url",
        type=page_url,
        metavar="URL",
        help="the page's address (one input only): the article's URL where the page gives "
        "none, and the base of its relative URLs",
    )
    import_.add_argument(
        "--assume-timezone",
        type=zone,
        metavar="ZONE",
        help="the time zone of dates written without one: UTC, +02:00, Europe/Paris "
        "(default: such dates are dropped, each with a warning)",
    )
    import_.set_defaults(run=run_import)

    audit = commands.add_parser(
        "audit",
        parents=[pages],
        help="check the JSON-LD of HTML pages as a search engine reads it, offline",
        description="Check every ld+json block of each page: strict JSON, the schema.org "
        "vocabulary (types, properties, domains, ranges), Google's Article guidance, and "
        "what is unsafe in a page.",
        epilog=_AUDIT_EXAMPLES,
        formatter_class=formatter,
        **streams,
    )
    _report_options(audit, "finding")
    audit.set_defaults(run=run_audit)

    schema = commands.add_parser(
        "schema",
        help="print the article JSON Schema",
        description="Print the bundled JSON Schema (draft 2020-12) of the article format.",
        epilog=(
            "examples:\n  newsarticle schema > article.schema.json\n  newsarticle schema --path\n"
        ),
        formatter_class=formatter,
        **streams,
    )
    schema.add_argument("--path", action="store_true", help="print the schema file's path instead")
    schema.set_defaults(run=run_schema)
    return top


def _terminate(signum: int, frame: FrameType | None) -> None:
    """SIGTERM or SIGINT in :func:`main`: stop, with :class:`SystemExit` (128 + the signal's
    number) for SIGTERM and KeyboardInterrupt for SIGINT, raised where the program is.  Later
    signals are ignored from now on, so that nothing interrupts the cleaning up (an
    unfinished output file removed, the worker processes ended) on the way out."""
    for number in _STOP_SIGNALS:
        signal.signal(number, signal.SIG_IGN)
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise SystemExit(128 + signum)


_STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def run(
    argv: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run the command line ``argv`` (the arguments, without the program's name) in this
    process and return its exit status, the one the ``newsarticle`` command exits with.

    The path ``-`` reads ``stdin`` (bytes), here in this process even with ``--jobs``.
    Output, ``--help`` and ``--version`` go to ``stdout``; export's problem lines, usage
    errors (argparse's usage and message, or one line), other errors (one line) and the
    progress bar (when ``stderr.isatty()``) go to ``stderr``.  Each stream defaults to the process's
    (``sys.stdin.buffer``, ``sys.stdout``, ``sys.stderr``, as they are at the call).
    Nothing else of the process is touched: no signal handler is installed and
    :class:`SystemExit` is not raised.  A broken pipe on ``stdout`` ends the run with
    status 2 and no message; KeyboardInterrupt is left to the caller, once an unfinished
    output file has been removed.
    """
    streams = Streams(
        stdin=stdin,
        stdout=sys.stdout if stdout is None else stdout,
        stderr=sys.stderr if stderr is None else stderr,
    )
    try:
        arguments = parser(streams.stdout, streams.stderr).parse_args(list(argv))
    except SystemExit as leaving:  # --help, --version or a usage error, already reported
        code = leaving.code
        return EXIT_OK if code is None else code if isinstance(code, int) else EXIT_USAGE
    try:
        status: int = arguments.run(arguments, streams)
        streams.stdout.flush()
    except (UsageError, WorkerError, EngineError) as error:
        _write(streams.stderr, format_error(arguments.command, error) + "\n")
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (`newsarticle export ... | head -1`): end quietly, with the
        # status of an output error.
        return EXIT_USAGE
    except OutputError as error:  # main's standard output: closed, full, read-only
        _write(streams.stderr, format_error(arguments.command, error.strerror) + "\n")
        return EXIT_USAGE
    except OSError as error:
        _write(streams.stderr, format_error(arguments.command, error) + "\n")
        return EXIT_USAGE
    return status


def main(argv: Iterable[str] | None = None) -> int:
    """The ``newsarticle`` program: :func:`run` on the process's streams; return the exit
    status.

    Signals, to this process alone or to its whole process group (Ctrl-C), at any moment:
    SIGTERM ends the program with status 143 and SIGINT with 130, without a traceback; an
    unfinished output file is removed (the old one is left as it was), the worker processes
    of ``--jobs`` are ended, and a second signal is ignored while that is done.  Workers
    leave Ctrl-C to this process, and end by themselves when it is gone (``kill -9``).

    Closed or failing standard streams (``<&-``, ``>&-``, ``2>&-``, ``>/dev/full``):

    * standard input closed: the path ``-`` is an input that cannot be read
      (``file-unreadable``: "standard input is closed"), status 2; the other inputs are
      checked and exported as usual.
    * standard output closed or failing: what goes there is lost, so the run ends with one
      line on stderr ("newsarticle validate: error: cannot write to standard output: it is
      closed") and status 2, never 0 or 1.  An export written to files (``-o``) does not
      use it.  A broken pipe ends the run quietly, status 2.
    * standard error closed or failing: messages to it are dropped; the work goes on (every
      valid input is exported) and the status is the same.

    The descriptors 0, 1 and 2 of closed streams are held on the null device, so that no
    file opened later takes one of their numbers.
    """
    stdout, stderr = Output(sys.stdout), Messages(sys.stderr)
    hold_standard_descriptors(sys.stdin, sys.stdout, sys.stderr)
    for number in _STOP_SIGNALS:
        signal.signal(number, _terminate)
    interrupted = True
    try:
        arguments = sys.argv[1:] if argv is None else list(argv)
        # Text streams (io.TextIOBase), which typing.TextIO does not name.
        status = run(arguments, stdout=cast(TextIO, stdout), stderr=cast(TextIO, stderr))
        interrupted = False
    except (KeyboardInterrupt, SystemExit) as stop:  # SIGINT, SIGTERM
        status = _stopped(stop)
    try:
        return _finish(status, stdout, stderr, interrupted)
    except (KeyboardInterrupt, SystemExit) as stop:  # while stdout was flushed
        if stdout.stream is not None:
            _to_null(stdout.stream)
        return _stopped(stop)


def _stopped(stop: KeyboardInterrupt | SystemExit) -> int:
    """The exit status for a stop (see :func:`_terminate`)."""
    if isinstance(stop, KeyboardInterrupt):
        return 128 + signal.SIGINT
    return stop.code if isinstance(stop.code, int) else EXIT_USAGE


def _finish(status: int, stdout: Output, stderr: Messages, interrupted: bool) -> int:
    """The exit status, once stdout has been flushed: status 2 (and one line) when output
    was lost.  After a failure stdout is pointed at the null device, so that the
    interpreter's last flush has nowhere to fail; after an interruption too, unless it is a
    file (a pipe that nobody reads would block the flush)."""
    if stdout.stream is not None:
        if interrupted and not _is_file(stdout.stream):
            _to_null(stdout.stream)
        try:
            stdout.flush()  # what a broken pipe left unwritten fails again here
        except OSError:
            _to_null(stdout.stream)
            if not interrupted:
                status = EXIT_USAGE
    if stdout.failure is not None and not interrupted and status != EXIT_USAGE:
        # Passed over where it happened (argparse does, for --help): still lost.
        stderr.write(f"newsarticle: error: {stdout.failure.strerror}\n")
        status = EXIT_USAGE
    if stderr.stream is not None:
        try:
            stderr.stream.flush()
        except (OSError, ValueError):
            _to_null(stderr.stream)
    return status


def _is_file(stream: TextIO) -> bool:
    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (OSError, ValueError):
        return False


def _to_null(stream: TextIO) -> None:
    """Point the descriptor under ``stream`` at the null device."""
    with contextlib.suppress(OSError, ValueError):
        point_at_null(stream.fileno())
