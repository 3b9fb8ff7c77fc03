# main raising an exception: asyncio.run still cancels and awaits leftover
# tasks (their cleanup prints), then the error propagates: exit status 1.
import asyncio


async def helper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(0.1)
        print("helper: cleaned up after main failed")
        raise


async def main():
    asyncio.create_task(helper())
    await asyncio.sleep(0.5)
    print("main raising")
    raise RuntimeError("main failed")


try:
    asyncio.run(main())
finally:
    print("finally after run")
print("not printed")
