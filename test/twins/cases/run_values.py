# Several asyncio.run() calls in a row: each has a fresh loop whose clock starts
# at 0; run returns main's value (also None, or a task's result), and a caught
# error from one run does not affect the next.
import asyncio


async def compute(x):
    await asyncio.sleep(0.5)
    return x * 2


async def via_task():
    loop = asyncio.get_running_loop()
    print(f"via_task starts at {loop.time():.1f}")
    return await asyncio.create_task(compute(21))


async def nothing():
    await asyncio.sleep(0.1)


async def failing():
    await asyncio.sleep(0.1)
    raise ValueError("run failed")


print("first:", asyncio.run(compute(5)))
print("second:", asyncio.run(via_task()))
print("third:", asyncio.run(nothing()))
try:
    asyncio.run(failing())
except ValueError as e:
    print("fourth raised", repr(e))
print("fifth:", asyncio.run(via_task()))
