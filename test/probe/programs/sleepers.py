# Three sleepers and a main that prints: the probe's protocol and clock tests run this.
import asyncio


async def sleeper(name, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{name}: cancelled")
        raise
    except RuntimeError as error:
        print(f"{name}: {error}")
        raise
    print(f"{name}: done")
    return name


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(sleeper(n, s), name=n) for n, s in (("a", 1), ("b", 2), ("c", 3))]
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print(f"results at {loop.time():.1f}:", results)


asyncio.run(main())
