"""async-demo's probe: run an asyncio program under CPython and report what its tasks do.

    python probe.py [OPTIONS] [--] PROGRAM [ARGS...]

See PROTOCOL.md beside this file. Kept to syntax every Python 3 parses, so an
old interpreter gets the one-line refusal below instead of a SyntaxError.
"""
import os
import sys


def _refuse(reason):
    version = "{}.{}.{}".format(*sys.version_info[:3])
    sys.stderr.write("this Python ({}) {}\n".format(version, reason))
    sys.exit(2)


if sys.implementation.name != "cpython":
    _refuse("is not CPython: async-demo needs CPython 3.12 or newer")
if sys.version_info < (3, 12):
    _refuse("is too old: async-demo needs CPython 3.12 or newer")

# The package sits beside this file; the program must not see it on sys.path (main.py resets sys.path[0]).
_here = os.path.dirname(os.path.abspath(__file__))
if sys.path[0] != _here:
    sys.path.insert(0, _here)
from async_demo_probe.main import main  # noqa: E402

main(sys.argv[1:])
