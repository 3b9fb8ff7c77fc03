# When main returns, asyncio.run cancels the tasks still running and waits for
# their cleanup: one swallows the cancel, one cleans up slowly, one fails while
# cleaning up (reported on stderr), one is already done; then run returns main's value.
import asyncio


async def swallower():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(0.1)
        print("swallower: ignored the shutdown cancel")
        return "ignored"


async def slow_cleanup():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(0.3)
        print(f"slow_cleanup: done at {loop.time():.1f}")
        raise


async def failing_cleanup():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(0.2)
        print("failing_cleanup: raising")
        raise ValueError("cleanup broke")


async def quick():
    return "quick"


async def main():
    for c in (swallower(), slow_cleanup(), failing_cleanup(), quick()):
        asyncio.create_task(c)
    await asyncio.sleep(1)
    print("main returns")
    return "main value"


print("run returned", repr(asyncio.run(main())))
print("after run")
