"""``probe.py [OPTIONS] [--] PROGRAM [ARGS...]``: run a program under the probe (PROTOCOL.md).

The program runs as ``__main__`` the way ``python PROGRAM ARGS...`` runs it:
``sys.argv``, ``sys.path[0]``, its streams and its exit status are its own.
An exception that escapes it is printed by ``sys.excepthook`` with the
probe's and runpy's frames taken out of the traceback, so it reads as
CPython's own; an uncaught KeyboardInterrupt ends the process by SIGINT after
the interpreter's usual clean-up, as CPython does (status 130 in a shell).
"""

from __future__ import annotations

import atexit
import json
import math
import os
import runpy
import signal
import sys
import types
from typing import Any, NoReturn

__all__ = ["main", "Options", "parse"]

USAGE = "usage: probe.py [OPTIONS] [--] PROGRAM [ARGS...] (see python/PROTOCOL.md)"


class Options:
    """The probe's command line."""

    def __init__(self) -> None:
        self.events_fd: int | None = None
        self.commands_fd: int | None = None
        self.clock = "virtual"
        self.speed: float | None = None
        self.cancels: list[tuple[str, float]] = []
        self.interrupt_at: float | None = None
        self.paused = False
        self.replay: list[dict[str, Any]] = []
        self.pause_at_seq: int | None = None
        self.check = False
        self.program: str | None = None
        self.args: list[str] = []


def _usage_error(text: str) -> NoReturn:
    sys.stderr.write(f"probe: {text}\n")
    sys.exit(2)


def _seconds(text: str, what: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (value >= 0 and math.isfinite(value)):
        _usage_error(f"{what} must be a number of seconds >= 0, got {text!r}")
    return value


def _fd(text: str, what: str) -> int:
    if not text.isdigit():
        _usage_error(f"{what} must be a file descriptor number, got {text!r}")
    return int(text)


def parse(argv: list[str]) -> Options:
    """Parse the probe's options (one line and status 2 on a mistake)."""
    options = Options()
    args = list(argv)
    while args:
        arg = args[0]
        if arg == "--":
            args.pop(0)
            break
        if not arg.startswith("--"):
            break
        args.pop(0)
        name, eq, inline = arg.partition("=")
        flags = {"--paused", "--check"}
        if name in flags:
            if eq:
                _usage_error(f"{name} takes no value")
            if name == "--paused":
                options.paused = True
            else:
                options.check = True
            continue
        if eq:
            value = inline
        elif args:
            value = args.pop(0)
        else:
            _usage_error(f"{name} needs a value")
        if name == "--events-fd":
            options.events_fd = _fd(value, name)
        elif name == "--commands-fd":
            options.commands_fd = _fd(value, name)
        elif name == "--clock":
            if value not in ("virtual", "real"):
                _usage_error(f"--clock must be virtual or real, got {value!r}")
            options.clock = value
        elif name == "--speed":
            try:
                speed = float(value)
            except ValueError:
                speed = math.nan
            if not speed > 0:
                _usage_error(f"--speed must be a number > 0 or inf, got {value!r}")
            options.speed = speed
        elif name == "--cancel":
            target, at, seconds = value.rpartition("@")
            if not at or not target:
                _usage_error(f"--cancel needs NAME@SECONDS, got {value!r}")
            options.cancels.append((target, _seconds(seconds, "--cancel time")))
        elif name == "--interrupt-at":
            options.interrupt_at = _seconds(value, "--interrupt-at")
        elif name == "--replay":
            try:
                with open(value, encoding="utf-8") as file:
                    entries = json.load(file)
                if not isinstance(entries, list) or not all(
                    isinstance(e, dict) and isinstance(e.get("command"), dict) and isinstance(e.get("handles"), int)
                    for e in entries
                ):
                    raise ValueError("expected a JSON list of {handles, boundary, time, command}")
            except (OSError, ValueError) as error:
                _usage_error(f"--replay {value}: {error}")
            options.replay = entries
        elif name == "--pause-at-seq":
            if not value.isdigit():
                _usage_error(f"--pause-at-seq must be an event number, got {value!r}")
            options.pause_at_seq = int(value)
        else:
            _usage_error(f"unknown option {name} ({USAGE})")
    if not options.check:
        if not args:
            _usage_error(f"no program to run ({USAGE})")
        options.program, options.args = args[0], args[1:]
    return options


def _version() -> str:
    """``platform.python_version()``, without importing platform (start-up time)."""
    major, minor, micro, level, serial = sys.version_info
    suffix = "" if level == "final" else {"alpha": "a", "beta": "b", "candidate": "rc"}[level] + str(serial)
    return f"{major}.{minor}.{micro}{suffix}"


def refuse(detail: str) -> NoReturn:
    """The one line a Python whose asyncio is not what the probe expects gets, and status 2."""
    sys.stderr.write(f"this Python ({_version()}) is not supported yet: {detail}\n")
    sys.exit(2)


# ---------------------------------------------------------------------- tracebacks

_OWN_FILES = {os.path.abspath(runpy.__file__), "<frozen runpy>"}
_OWN_DIRS = (os.path.dirname(os.path.abspath(__file__)) + os.sep,)


def _ours(frame: types.FrameType) -> bool:
    filename = frame.f_code.co_filename
    return filename in _OWN_FILES or filename.startswith(_OWN_DIRS)


def _strip(error: BaseException, seen: set[int] | None = None) -> None:
    """Take the probe's and runpy's frames out of ``error``'s traceback (and its causes', groups')."""
    seen = seen if seen is not None else set()
    if id(error) in seen:
        return
    seen.add(id(error))
    kept = []
    tb = error.__traceback__
    while tb is not None:
        if not _ours(tb.tb_frame):
            kept.append(tb)
        tb = tb.tb_next
    rebuilt = None
    for entry in reversed(kept):
        rebuilt = types.TracebackType(rebuilt, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    error.__traceback__ = rebuilt
    for linked in (error.__cause__, error.__context__):
        if linked is not None:
            _strip(linked, seen)
    for inner in getattr(error, "exceptions", ()) or ():
        if isinstance(inner, BaseException):
            _strip(inner, seen)


_interrupted = {"exit": False}


def _exit_by_sigint() -> None:
    """Registered first, so it runs last at exit: end by SIGINT as CPython does after a KeyboardInterrupt."""
    if not _interrupted["exit"]:
        return
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001, S110 — a closed stream: nothing left to flush
            pass
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGINT)


# ---------------------------------------------------------------------- main


def main(argv: list[str]) -> None:
    options = parse(argv)

    from . import selfcheck  # imports asyncio's internals: a mismatch is refused, not a stack trace

    failure = selfcheck.check()
    if failure is not None:
        refuse(failure)
    if options.check:
        return

    from .clock import RealClock, VirtualClock
    from .commands import start_reader
    from .control import Control
    from .loop import EventLoop
    from .output import EventWriter
    from .patch_order import install as install_order
    from .patch_print import install as install_print
    from .patch_runner import Script
    from .patch_runner import install as install_runner
    from .patch_warnings import install as install_warnings
    from .state import probe

    atexit.register(_exit_by_sigint)
    if options.events_fd is not None:
        probe.writer = EventWriter(options.events_fd)
    writer = probe.writer
    if writer.enabled or options.commands_fd is not None or options.replay or options.paused:
        probe.control = Control(options.replay, options.pause_at_seq, options.paused)
    if options.clock == "real":
        speed = options.speed if options.speed is not None else 1.0
    else:
        speed = options.speed if options.speed is not None else math.inf
    if writer.enabled:
        writer.control(
            {
                "type": "hello",
                "protocol": 1,
                "python": _version(),
                "pid": os.getpid(),
                "clock": options.clock,
                "speed": None if speed == math.inf else speed,
            }
        )
        writer.flush()
        atexit.register(writer.flush)
        if speed == math.inf:
            writer.widen()

    def make_loop() -> EventLoop:
        clock = RealClock(speed) if options.clock == "real" else VirtualClock(speed)
        loop = EventLoop(clock)
        probe.loop = loop
        writer.time = clock.now
        return loop

    install_runner(make_loop, Script(options.cancels, options.interrupt_at))
    install_order()
    if writer.enabled:
        install_print()
        install_warnings()
    if options.commands_fd is not None and probe.control is not None:
        start_reader(options.commands_fd, probe.control)
    _run_program(options.program or "", options.args)


def _run_program(program: str, args: list[str]) -> None:
    path = os.path.realpath(program)
    if not os.path.exists(program):
        sys.stderr.write(f"{sys.executable}: can't open file {path!r}: [Errno 2] No such file or directory\n")
        sys.exit(2)
    sys.argv = [program, *args]
    sys.path[0] = os.path.dirname(path)
    try:
        # An absolute path, as CPython gives a script since 3.9 (its __file__, its tracebacks).
        runpy.run_path(os.path.abspath(program), run_name="__main__")
    except SystemExit:
        raise
    except BaseException as error:
        _strip(error)
        sys.excepthook(type(error), error, error.__traceback__)
        if isinstance(error, KeyboardInterrupt):
            _interrupted["exit"] = True
        sys.exit(1)
