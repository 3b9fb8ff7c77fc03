"""The command reader: a thread that reads the host's commands and hands them to the loop.

Commands are JSON lines on ``--commands-fd`` (PROTOCOL.md). The thread only
parses and queues them (control.py); the loop's thread applies them at its
next handle boundary, woken through its self-pipe if it is waiting. The
thread is a daemon: it never keeps the program alive, and the real-time
fallback does not count it as the program's thread.

End of file on the descriptor means the host is gone (it may have been
SIGKILLed): nobody can see or stop the program any more, and it runs in a
process group of its own, so the probe ends it — the whole group — at once.
"""

from __future__ import annotations

import json
import os
import signal
import threading

from .control import Control
from .state import probe

__all__ = ["start_reader"]


def _host_gone() -> None:
    """Kill the program (its process group, when the probe leads it: the host spawned it so)."""
    if os.getpgrp() == os.getpid():
        os.killpg(os.getpgrp(), signal.SIGKILL)
    os.kill(os.getpid(), signal.SIGKILL)


def start_reader(fd: int, control: Control) -> threading.Thread:
    """Start reading commands from ``fd``; returns the (daemon) thread."""

    def read() -> None:
        with os.fdopen(fd, "rb", buffering=0) as stream:
            pending = b""
            while True:
                try:
                    chunk = stream.read(65536)
                except OSError:
                    return
                if not chunk:
                    _host_gone()
                    return
                pending += chunk
                *lines, pending = pending.split(b"\n")
                for line in lines:
                    if not line.strip():
                        continue
                    try:
                        command = json.loads(line)
                        if not isinstance(command, dict):
                            raise ValueError("a command is a JSON object")
                    except ValueError as error:
                        command = {"kind": "invalid", "line": line.decode("utf-8", "replace"), "error": str(error)}
                    control.submit(command)

    thread = threading.Thread(target=read, name="async-demo-probe-commands", daemon=True)
    thread.start()
    probe.own_threads.add(thread)
    return thread
