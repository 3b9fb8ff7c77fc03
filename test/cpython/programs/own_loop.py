import asyncio


async def main():
    await asyncio.sleep(0.1)
    print("ran on its own loop")
    return 42


with asyncio.Runner(loop_factory=asyncio.SelectorEventLoop) as runner:
    print(runner.run(main()))
