# A thread makes the virtual clock follow real time; once it is over, time jumps again.
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.wait_for(asyncio.to_thread(time.sleep, 0.3), 1)
    print(f"the thread took real time: {loop.time() >= 0.3}")
    await asyncio.sleep(100)
    print(f"then virtual again: {loop.time() >= 100.3}")


asyncio.run(main())
