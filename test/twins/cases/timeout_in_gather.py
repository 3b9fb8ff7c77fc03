# A timeout that fires while its task awaits gather(): gather cancels all
# children (they clean up), the finished child's value is lost, and the block
# raises TimeoutError, with or without return_exceptions.
import asyncio


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    for return_exceptions in (False, True):
        start = loop.time()
        try:
            async with asyncio.timeout(0.3):
                r = await asyncio.gather(child("quick", 0.1), child("slow", 1), child("slower", 2),
                                         return_exceptions=return_exceptions)
                print("gather ->", r)
        except TimeoutError:
            print(f"return_exceptions={return_exceptions}: TimeoutError after {loop.time() - start:.1f}")


asyncio.run(main())
