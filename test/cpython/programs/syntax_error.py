import asyncio


async def main():
    await asyncio.sleep(1)
    print("never"


asyncio.run(main())
