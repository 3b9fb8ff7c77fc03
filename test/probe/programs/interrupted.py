import asyncio
import os
import signal


async def main():
    asyncio.get_running_loop().call_later(0.5, os.kill, os.getpid(), signal.SIGINT)
    await asyncio.sleep(10)


asyncio.run(main())
