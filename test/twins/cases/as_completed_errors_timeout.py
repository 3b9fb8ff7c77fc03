# as_completed: an error surfaces at the await of its turn, the loop can go
# on; after the timeout every remaining await raises TimeoutError, and the
# unfinished tasks keep running, uncancelled.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job("slow", 1)), asyncio.create_task(job("bad", 0.2, True)),
             asyncio.create_task(job("fast", 0.1)), asyncio.create_task(job("slower", 2))]
    for i, f in enumerate(asyncio.as_completed(tasks, timeout=0.5)):
        try:
            print(i, "got", await f, f"at {loop.time():.1f}")
        except ValueError as e:
            print(i, "error", repr(e), f"at {loop.time():.1f}")
        except TimeoutError:
            print(i, f"TimeoutError at {loop.time():.1f}")
    print("cancelled:", [t.cancelled() for t in tasks], "done:", [t.done() for t in tasks])
    print("slower ->", await tasks[3], f"at {loop.time():.1f}")


asyncio.run(main())
