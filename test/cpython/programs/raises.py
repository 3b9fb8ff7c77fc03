import asyncio


async def work():
    await asyncio.sleep(0.5)
    raise ValueError("boom")


async def main():
    print("starting")
    await asyncio.create_task(work())


asyncio.run(main())
