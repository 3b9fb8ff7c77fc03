# Ctrl-C while main awaits a gather: main is cancelled, the cancel runs down to
# the children (each cleans up), main re-raises, and asyncio.run raises
# KeyboardInterrupt: exit status 130.
import asyncio
import os
import signal


async def child(name, cleanup):
    loop = asyncio.get_running_loop()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(cleanup)
        print(f"{name}: cleaned up at {loop.time():.1f}")
        raise


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.5, os.kill, os.getpid(), signal.SIGINT)
    try:
        await asyncio.gather(child("a", 0.1), child("b", 0))
    except asyncio.CancelledError:
        print(f"main: cancelled at {loop.time():.1f}, cancelling {asyncio.current_task().cancelling()}")
        await asyncio.sleep(0.2)
        print(f"main: re-raising at {loop.time():.1f}")
        raise


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("asyncio.run raised KeyboardInterrupt")
    raise
finally:
    print("after asyncio.run")
