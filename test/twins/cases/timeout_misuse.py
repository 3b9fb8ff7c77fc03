# The Timeout object's states: reschedule() while the timeout is expiring or
# after it has finished raises RuntimeError; when() and expired() stay readable.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.1) as cm:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("expiring, expired():", cm.expired())
                try:
                    cm.reschedule(loop.time() + 10)
                except RuntimeError as e:
                    print("reschedule while expiring:", repr(e))
                raise
    except TimeoutError:
        print("timed out; expired():", cm.expired(), f"when: {cm.when():.1f}")
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print("reschedule after exit:", repr(e))
    async with asyncio.timeout(5) as ok:
        await asyncio.sleep(0.1)
    print("finished normally; expired():", ok.expired(), f"when: {ok.when():.1f}")
    try:
        ok.reschedule(loop.time() + 1)
    except RuntimeError as e:
        print("reschedule after a clean exit:", repr(e))


asyncio.run(main())
