import asyncio


async def inner():
    await asyncio.sleep(0)
    raise ValueError("boom")


async def main():
    await inner()


asyncio.run(main())
