"""A timeout around asyncio.to_thread: the wait times out, the thread does not stop.

    async-demo run examples/thread_timeout.py

asyncio.wait_for cancels what it waits for when the time is up, but a thread cannot be cancelled:
to_thread's future is cancelled, the await raises TimeoutError after 1 s, and the blocking call
carries on in its thread for its full 2 s. asyncio.run then waits for the default executor to
shut down, so the program still lasts 2 s. A thread runs on the wall clock, so async-demo runs
this program in real time and says so.
"""

import asyncio
import time


def blocking_read(seconds):
    time.sleep(seconds)  # a blocking call: it holds a thread, not the event loop
    print(f"blocking_read finished after {seconds} s, though nobody waits for it any more")
    return "data"


async def heartbeat():
    for beat in range(1, 5):
        await asyncio.sleep(0.4)
        print(f"the loop is free: beat {beat}")


async def main():
    beats = asyncio.create_task(heartbeat())
    try:
        data = await asyncio.wait_for(asyncio.to_thread(blocking_read, 2), timeout=1)
        print(f"got {data}")
    except TimeoutError:
        print("timed out after 1 s: the thread keeps running")
    await beats


asyncio.run(main())
