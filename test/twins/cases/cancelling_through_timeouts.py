# cancelling() while timeouts fire: 1 inside the cancelled body, back to 0
# once the timeout turns it into TimeoutError; nested expiring timeouts and
# wait_for count the same way; a pending cancel is not turned into TimeoutError.
import asyncio


def count():
    return asyncio.current_task().cancelling()


async def guarded(label, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(label, "body cancelled, cancelling", count())
        raise


async def main():
    try:
        async with asyncio.timeout(0.1):
            await guarded("single", 1)
    except TimeoutError:
        print("single: TimeoutError, cancelling", count())
    try:
        async with asyncio.timeout(0.2) as outer:
            try:
                async with asyncio.timeout(0.1):
                    await guarded("inner", 1)
            except TimeoutError:
                print("inner: TimeoutError, cancelling", count())
            await guarded("outer", 1)
    except TimeoutError:
        print("outer: TimeoutError, cancelling", count(), "expired", outer.expired())
    try:
        await asyncio.wait_for(guarded("wait_for", 1), 0.1)
    except TimeoutError:
        print("wait_for: TimeoutError, cancelling", count())
    asyncio.current_task().cancel()
    try:
        async with asyncio.timeout(0.1):
            await guarded("pending cancel", 1)
    except asyncio.CancelledError:
        print("pending cancel: CancelledError, not TimeoutError; cancelling", count())


asyncio.run(main())
