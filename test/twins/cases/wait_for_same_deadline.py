# requires: 3.13
# wait_for when the awaited future and the timeout are due at the same time:
# timers fire in creation order, so a future set by an earlier timer completes
# first, yet the timeout still cancels the not-yet-resumed task and the value
# is lost (TimeoutError); a sleep created after the timeout never completes.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.2, fut.set_result, "early timer value")
    try:
        print("future ->", await asyncio.wait_for(fut, 0.2))
    except TimeoutError:
        print("future: TimeoutError; future done?", fut.done(), "result", fut.result())
    try:
        print("sleep ->", await asyncio.wait_for(asyncio.sleep(0.2, "slept"), 0.2))
    except TimeoutError:
        print("sleep: TimeoutError")
    print("fast ->", await asyncio.wait_for(asyncio.sleep(0.1, "fast"), 0.2))


asyncio.run(main())
