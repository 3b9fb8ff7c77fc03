import asyncio
import os
import sys


async def main():
    with open(sys.argv[1], "w") as f:
        f.write(str(os.getpid()))
    print("waiting", flush=True)
    await asyncio.sleep(3600)


asyncio.run(main())
