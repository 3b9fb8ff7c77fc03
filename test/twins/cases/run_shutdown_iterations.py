# What runs after main returns: a self-rescheduling callback chain gets the
# iterations of the shutdown (cancelling leftovers, then two more internal
# run_until_complete calls) and is dropped when the loop closes.
import asyncio


def chain(loop, i):
    print("chain", i)
    if i < 20:
        loop.call_soon(chain, loop, i + 1)


async def leftover():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("leftover: cancelled")
        await asyncio.sleep(0)
        print("leftover: one more step")
        raise


async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(leftover())
    await asyncio.sleep(0)
    loop.call_soon(chain, loop, 0)
    print("main returns")


asyncio.run(main())
print("run returned")


async def main_alone():
    loop = asyncio.get_running_loop()
    loop.call_soon(chain, loop, 100)
    print("main_alone returns")


asyncio.run(main_alone())
print("second run returned")
