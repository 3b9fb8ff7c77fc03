# wait_for(shield(task)) times out without stopping the task, which finishes
# later and can still be awaited; a shielded coroutine that is fast enough
# just returns its value.
import asyncio


async def work(name, delay):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(delay)
    print(f"{name} finished at {loop.time():.1f}")
    return name


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(work("slow", 0.5))
    try:
        await asyncio.wait_for(asyncio.shield(t), 0.2)
    except TimeoutError:
        print(f"wait_for timed out at {loop.time():.1f}; slow cancelled? {t.cancelled()}")
    print("slow ->", await t)
    print("fast ->", await asyncio.wait_for(asyncio.shield(work("fast", 0.1)), 0.2))
    try:
        await asyncio.wait_for(t, 0)
        print("wait_for(done task, 0) returns at once:", t.result())
    except TimeoutError:
        print("wait_for(done task, 0) timed out")


asyncio.run(main())
