# wait() with a timeout: FIRST_EXCEPTION returns at the first failure or, if
# none comes, at the timeout; FIRST_COMPLETED with timeout=0 only polls; a
# cancelled task counts as completed but not as an exception. Nothing is cancelled.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    loop = asyncio.get_running_loop()
    mk = lambda name, *a: asyncio.create_task(job(name, *a), name=name)

    ts = [mk("ok1", 0.1), mk("bad", 0.2, True), mk("ok2", 0.5)]
    done, pending = await asyncio.wait(ts, timeout=1, return_when=asyncio.FIRST_EXCEPTION)
    print(f"failure first at {loop.time():.1f}:", names(done), names(pending))

    ts = [mk("ok3", 0.1), mk("bad2", 2, True)]
    start = loop.time()
    done, pending = await asyncio.wait(ts, timeout=0.5, return_when=asyncio.FIRST_EXCEPTION)
    print(f"timeout after {loop.time() - start:.1f}:", names(done), names(pending))

    done, pending = await asyncio.wait(ts + [mk("ok4", 1)], timeout=0, return_when=asyncio.FIRST_COMPLETED)
    print("poll:", names(done), names(pending))

    c = mk("victim", 5)
    loop.call_later(0.1, c.cancel)
    start = loop.time()
    done, pending = await asyncio.wait([c, ts[1]], timeout=3, return_when=asyncio.FIRST_EXCEPTION)
    print(f"after {loop.time() - start:.1f}:", names(done), names(pending), "victim cancelled:", c.cancelled())
    await asyncio.sleep(3)
    print("bad2 still ran:", repr(ts[1].exception()))


asyncio.run(main())
