"""The tutorial's programs as one plain Python program: gather, a long task to cancel, a graceful shutdown.

    async-demo run examples/tutorial.py       watch it; press 4 to cancel long_running_task, Ctrl-C to shut down
    python3 examples/tutorial.py              the same program, without async-demo

fetch_data and process_data run concurrently under gather. long_running_task would take a minute:
cancel it (a key in the dashboard, or --cancel long_running_task@2) and its except block cleans up
and re-raises, so gather collects a CancelledError in its place. Press Ctrl-C instead and asyncio.run
cancels main; gather has already forwarded that cancel to every task, so the tutorial's "cancel them
all" loop finds them finished. Main re-raises after "Cleaned up", so the program ends with
KeyboardInterrupt and exit status 130; without that `raise` Ctrl-C would become a silent exit 0.
"""

import asyncio


async def fetch_data():
    await asyncio.sleep(1)
    return "Data fetched"


async def process_data():
    await asyncio.sleep(2)
    return "Data processed"


async def long_running_task():
    try:
        await asyncio.sleep(60)  # Simulate a long task
        return "Long task done"
    except asyncio.CancelledError:
        print("long_running_task was cancelled: closing up")
        raise  # let the cancellation through: the task ends cancelled


async def main():
    tasks = [asyncio.create_task(c) for c in (fetch_data(), process_data(), long_running_task())]
    try:
        results = await asyncio.gather(*tasks, return_exceptions=True)
        print(results)
    except asyncio.CancelledError:
        for task in tasks:
            print(f"{task.get_coro().__name__}: cancel() returns {task.cancel()}")
        await asyncio.gather(*tasks, return_exceptions=True)
        print("Cleaned up")
        raise  # Ctrl-C stays a KeyboardInterrupt (exit status 130)


asyncio.run(main())
