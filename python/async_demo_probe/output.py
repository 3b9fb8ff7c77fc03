"""Events and control messages, one JSON object a line, on their own file descriptor.

The program's stdout and stderr are never touched: the host passes an
inherited descriptor (``--events-fd N``) and reads it. Lines with ``seq`` are
events in README's ``--json`` schema; lines without are control messages
(PROTOCOL.md).

Encoding is the probe's main cost (a gather of 100,000 ``sleep(0)`` makes half
a million events). ``json.dumps`` builds a new encoder for every call; here one
``json.JSONEncoder`` is made once and its C encoder reused, and the three
events every task emits (step, a ``sleep(0)`` suspend, task-created) are
formatted from templates (and task-done), whose strings still go through the encoder's own
string escaping. Lines are buffered and written in batches: at every loop
iteration boundary, before the loop blocks, when the buffer is large, and at exit.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from json.encoder import encode_basestring_ascii
from typing import Any

__all__ = ["EventWriter"]

try:  # the C accelerator of the json module (always built in CPython)
    from json.encoder import c_make_encoder as _c_make_encoder
except ImportError:  # pragma: no cover
    _c_make_encoder = None

_BATCH = 256


class EventWriter:
    """Numbers events, encodes them, and writes them in batches to ``fd`` (None: nothing is written).

    Only the loop's thread calls it (other threads hand their prints to the
    loop, see stdout.py), so it needs no lock. A finaliser that runs in the
    middle of an ``event`` (garbage collection of a task whose exception was
    never retrieved) is deferred until that event is complete, so lines stay
    in ``seq`` order.
    """

    def __init__(self, fd: int | None) -> None:
        self.fd = fd
        #: False: events are counted nowhere and built by nobody (callers test it first).
        self.enabled = fd is not None
        self.seq = 0
        #: Loop time for the events' ``time`` (the loop installs its clock here).
        self.time: Callable[[], float] = lambda: 0.0
        #: Called with the new ``seq`` after each event (pause-at-seq, stepping), when set.
        self.on_event: Callable[[int], None] | None = None
        self._lines: list[str] = []
        self._busy = False
        self._deferred: list[dict[str, Any]] = []
        self._broken = False
        self.encoder = json.JSONEncoder(ensure_ascii=True, check_circular=False, separators=(",", ":"))
        if _c_make_encoder is not None:
            enc = self.encoder
            c_encode = _c_make_encoder(
                None, enc.default, encode_basestring_ascii, None, ":", ",", False, False, enc.allow_nan
            )
            self._encode: Callable[[Any], str] = lambda obj: "".join(c_encode(obj, 0))
        else:  # pragma: no cover
            self._encode = self.encoder.encode

    # ------------------------------------------------------------------ events

    def event(self, event: dict[str, Any]) -> None:
        """Emit one event: ``event`` has ``type`` and its fields; ``seq`` and ``time`` are added here."""
        if self._busy:
            self._deferred.append(event)
            return
        self._busy = True
        try:
            self.seq += 1
            event["seq"] = self.seq
            event["time"] = self.time()
            self._lines.append(self._encode(event))
        finally:
            self._busy = False
        self._after()
        if self._deferred:
            deferred, self._deferred = self._deferred, []
            for late in deferred:
                self.event(late)

    def step(self, task: int) -> None:
        """The ``step`` event (hot: every step of every task)."""
        seq = self.seq = self.seq + 1
        lines = self._lines
        lines.append('{"type":"step","task":%d,"seq":%d,"time":%r}' % (task, seq, self.time()))
        if len(lines) >= _BATCH or self.on_event is not None:
            self._after()

    def yielded(self, task: int) -> None:
        """A ``suspend`` at a bare ``yield`` (``await asyncio.sleep(0)``; hot)."""
        seq = self.seq = self.seq + 1
        lines = self._lines
        lines.append(
            '{"type":"suspend","task":%d,"awaiting":{"text":"sleep 0 (yield)","kind":"yield"},"seq":%d,"time":%r}'
            % (task, seq, self.time())
        )
        if len(lines) >= _BATCH or self.on_event is not None:
            self._after()

    def task_created(self, task: int, name: str, coro: str, parent: int | None, by: str) -> None:
        """The ``task-created`` event (hot: once per task)."""
        seq = self.seq = self.seq + 1
        lines = self._lines
        lines.append(
            '{"type":"task-created","task":%d,"name":%s,"coro":%s,"parent":%s,"by":"%s","seq":%d,"time":%r}'
            % (
                task,
                encode_basestring_ascii(name),
                encode_basestring_ascii(coro),
                "null" if parent is None else parent,
                by,
                seq,
                self.time(),
            )
        )
        if len(lines) >= _BATCH or self.on_event is not None:
            self._after()

    def task_done(self, task: int, outcome: str, value: str, swallowed: bool) -> None:
        """The ``task-done`` event (hot: once per task)."""
        seq = self.seq = self.seq + 1
        lines = self._lines
        lines.append(
            '{"type":"task-done","task":%d,"outcome":"%s","value":%s,"swallowed":%s,"seq":%d,"time":%r}'
            % (task, outcome, encode_basestring_ascii(value), "true" if swallowed else "false", seq, self.time())
        )
        if len(lines) >= _BATCH or self.on_event is not None:
            self._after()

    def _after(self) -> None:
        if len(self._lines) >= _BATCH:
            self.flush()
        if self.on_event is not None:
            self.on_event(self.seq)

    # ------------------------------------------------------------------ control messages

    def control(self, message: dict[str, Any]) -> None:
        """A control message (no ``seq``): hello, clock, ack, signal, warning-note."""
        self._lines.append(self._encode(message))

    def widen(self) -> None:
        """Let an instant run's loop get a few MB of events ahead of its host (see ``_widen``)."""
        if self.fd is not None:
            _widen(self.fd)

    def flush(self) -> None:
        """Write what is buffered. A host that went away (EPIPE) stops the output, not the program."""
        lines = self._lines
        if not lines:
            return
        self._lines = []
        if self._broken or self.fd is None:
            return
        data = ("\n".join(lines) + "\n").encode("ascii")
        view = memoryview(data)
        try:
            while view:
                written = os.write(self.fd, view)
                view = view[written:]
        except (BrokenPipeError, OSError):
            self._broken = True


_ROOM = 4 << 20


def _widen(fd: int) -> None:
    """Let the loop run ahead of a busy host by a few MB of events instead of ~200 KB.

    The host reads the events while it folds them into its store; when its
    garbage collector pauses, a full buffer stops the program's loop too. A
    100,000-task gather under the Node host ran 9% faster end to end with 4 MB
    (4 of 4 interleaved pairs). Only for instant runs: a paced run has time
    for its host to keep up, and a small buffer keeps a key's ack close to the
    events on screen. Node's stdio "pipe" is a socketpair (SO_SNDBUF, capped by
    net.core.wmem_max); a real pipe takes F_SETPIPE_SZ (capped by
    fs.pipe-max-size). Either may be refused: then the default stays.
    """
    import socket
    import stat

    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISSOCK(mode):
            sock = socket.socket(fileno=fd)
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, _ROOM)
            finally:
                sock.detach()
        elif stat.S_ISFIFO(mode):
            import fcntl

            fcntl.fcntl(fd, getattr(fcntl, "F_SETPIPE_SZ", 1031), 1 << 20)
    except OSError:
        pass
