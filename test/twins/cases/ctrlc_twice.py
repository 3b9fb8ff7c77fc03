# Two Ctrl-C: the first cancels main, whose cleanup is slow; the second
# raises KeyboardInterrupt out of the loop at once, then asyncio.run cancels
# main again (its cleanup is interrupted) and a worker still cleans up: status 130.
import asyncio
import os
import signal


async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(0.1)
        print("worker: cleaned up at shutdown")
        raise


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.5, os.kill, os.getpid(), signal.SIGINT)
    loop.call_later(1.0, os.kill, os.getpid(), signal.SIGINT)
    asyncio.create_task(worker())
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(f"main: first Ctrl-C at {loop.time():.1f}, slow cleanup")
        try:
            await asyncio.sleep(5)
            print("main: cleanup finished")
        except asyncio.CancelledError:
            print(f"main: cleanup interrupted at {loop.time():.1f}")
            raise
        raise


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("asyncio.run raised KeyboardInterrupt")
    raise
