"""What every conformance program shares (the Python side; harness.ts is the TypeScript one).

Each program ports several test methods of CPython's Lib/test/test_asyncio. A
test runs as IsolatedAsyncioTestCase runs it: a coroutine test in a fresh
asyncio.run(), a plain one called directly. What the test asserts is printed,
so the two sides can be compared line for line.
"""

import asyncio
import re

__all__ = ["run_tests", "outcome", "aoutcome", "norm"]


def run_tests(*tests):
    """Run each test under a `== name` header; an exception that escapes is printed, not raised."""
    for test in tests:
        print(f"== {test.__name__}")
        try:
            if asyncio.iscoroutinefunction(test):
                asyncio.run(test())
            else:
                test()
        except BaseException as e:
            print(f"!! {type(e).__name__}: {e}")


def outcome(fn, *args):
    """What calling fn(*args) did, as one line: `returned 1` or `raised ValueError: boom`."""
    try:
        return f"returned {fn(*args)!r}"
    except BaseException as e:
        return f"raised {type(e).__name__}: {e}"


async def aoutcome(aw):
    """What awaiting aw did, as one line."""
    try:
        return f"returned {(await aw)!r}"
    except BaseException as e:
        return f"raised {type(e).__name__}: {e}"


def norm(text):
    """A repr without what JavaScript cannot know: source locations (`main() running at f.py:3`,
    a callback's `cb() at f.py:3`),
    the qualified names of nested functions (`outer.<locals>.inner`) and addresses (`at 0x7f…`)."""
    text = re.sub(r" (running at|done, defined at) [^>]*", "", text)
    text = re.sub(r" at 0x[0-9a-f]+", "", text)
    text = re.sub(r"\(\) at [^\s,\]>]+:\d+", "()", text)
    return re.sub(r"\w+\.<locals>\.", "", text)
