# A program that brings its own event loop: it runs, its tasks are invisible.
import asyncio


async def main():
    await asyncio.sleep(0.01)
    print("ran on", type(asyncio.get_running_loop()).__name__)


asyncio.run(main(), loop_factory=asyncio.SelectorEventLoop)
