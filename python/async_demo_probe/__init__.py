"""async-demo's probe: CPython's asyncio, watched.

Runs an unmodified asyncio program and reports what its tasks do as the
events of async-demo's TypeScript runtime, on a file descriptor of their own
(PROTOCOL.md). One module per job:

- ``main``: the command line, running the program as ``__main__``;
- ``selfcheck``: the start-up check that asyncio's internals are as expected;
- ``internals``: the asyncio internals relied on, in one place;
- ``loop``, ``handles``, ``task``: the event loop, its handles (task steps
  seen there) and the Task subclass;
- ``clock``, ``selector``: virtual (instant or paced) and real clocks, and
  the real-time fallback for threads and I/O;
- ``awaiting``, ``causes``: what a task awaits, why it is cancelled;
- ``patch_runner``, ``patch_print``, ``patch_warnings``: asyncio.run,
  sys.stdout and warnings, observed;
- ``control``, ``commands``: the host's commands, pause, step and replay;
- ``output``: events and control messages as JSON lines.
"""

__all__: list[str] = []
