# TimerHandle.when() is a method: the loop time the callback is due at.
# cancelled() flips at cancel(); a cancelled timer never runs.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    h1 = loop.call_later(0.5, print, "h1 runs")
    h2 = loop.call_at(start + 0.25, print, "h2 runs")
    h3 = loop.call_later(0.1, print, "h3 never runs")
    print(f"h1 due in {h1.when() - start:.2f}, h2 in {h2.when() - start:.2f}")
    print("h3 cancelled before:", h3.cancelled())
    h3.cancel()
    print("h3 cancelled after:", h3.cancelled())
    await asyncio.sleep(1)
    print(f"done at {loop.time() - start:.2f}", h1.cancelled())


asyncio.run(main())
