"""A gather of N sleep(0) tasks as a plain Python program: what `async-demo run` watches in the bench.

Usage: python3 python_gather0.py N    (prints a check line, then `rss <peak MB>` as its last line)
"""

import asyncio
import resource
import sys

N = int(sys.argv[1])


async def zero(i):
    await asyncio.sleep(0)
    return i


async def main():
    results = await asyncio.gather(*(zero(i) for i in range(N)))
    ok = len(results) == N and all(r == i for i, r in enumerate(results))
    print("results in order" if ok else "self-check failed: results out of order")
    # Inside main: the probe turns prints into events only while asyncio.run runs (the peak is behind us).
    print(f"rss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}")


asyncio.run(main())
