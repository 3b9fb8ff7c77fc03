# wait_for nested in a timeout block: the earlier deadline wins; with equal
# deadlines both fire in one iteration and the OUTER block reports the timeout
# (the inner one sees the cancel count above its own and lets it through).
import asyncio


async def work(delay):
    await asyncio.sleep(delay)
    return "work done"


async def case(label, block, inner):
    loop = asyncio.get_running_loop()
    start = loop.time()
    cm = None
    try:
        async with asyncio.timeout(block) as cm:
            try:
                print(label, "->", await asyncio.wait_for(work(1), inner))
            except TimeoutError:
                print(label, f"wait_for timed out after {loop.time() - start:.1f}")
            except asyncio.CancelledError:
                print(label, "wait_for let CancelledError through")
                raise
            await asyncio.sleep(1)
    except TimeoutError:
        print(label, f"block timed out after {loop.time() - start:.1f}")
    print(label, "block expired:", cm.expired(), "cancelling", asyncio.current_task().cancelling())


async def main():
    await case("inner first:", 0.3, 0.2)
    await case("block first:", 0.2, 0.3)
    await case("same deadline:", 0.2, 0.2)


asyncio.run(main())
