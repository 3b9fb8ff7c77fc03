# Ctrl-C while main sleeps inside a timeout block: main swallows the
# CancelledError (it is not turned into TimeoutError) and returns a value,
# asyncio.run returns it and the exit status is 0; a leftover task is still cancelled.
import asyncio
import os
import signal


async def background():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("background: cancelled at shutdown")
        raise


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.5, os.kill, os.getpid(), signal.SIGINT)
    asyncio.create_task(background())
    try:
        async with asyncio.timeout(2):
            await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"main: Ctrl-C at {loop.time():.1f}, swallowing")
    except TimeoutError:
        print("main: timeout")
    await asyncio.sleep(0.1)
    print(f"main: still running at {loop.time():.1f}")
    return "survived"


print("asyncio.run returned", repr(asyncio.run(main())))
