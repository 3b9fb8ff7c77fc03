# Timers already due run after the callbacks that were ready before them, in
# deadline order (not creation order); call_later(0) waits a full iteration.
import asyncio


def note(msg):
    print(msg)


async def main():
    loop = asyncio.get_running_loop()
    now = loop.time()
    loop.call_at(now - 1, note, "call_at(now - 1)")
    loop.call_later(-2, note, "call_later(-2)")
    loop.call_later(0, note, "call_later(0)")
    loop.call_at(now, note, "call_at(now)")
    loop.call_soon(note, "call_soon A")
    loop.call_soon(lambda: loop.call_soon(note, "call_soon from a callback"))
    loop.call_soon(note, "call_soon B")
    print("main yields")
    await asyncio.sleep(0)
    print("main resumed")
    await asyncio.sleep(0)
    print("main resumed again")


asyncio.run(main())
