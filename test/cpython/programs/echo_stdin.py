import asyncio
import sys


async def main():
    loop = asyncio.get_running_loop()
    line = await loop.run_in_executor(None, sys.stdin.readline)
    print(f"read: {line.strip()!r}")


asyncio.run(main())
