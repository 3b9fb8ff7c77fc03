# tmp
import asyncio

R = {}
NOTES = []
S = {"ending": False}


def reset():
    R.clear()
    NOTES.clear()
    S["ending"] = False


def out(*args):
    if not S["ending"]:
        print(*args)


def now():
    return f"{asyncio.get_running_loop().time():.1f}"


def rep(e):
    if isinstance(e, BaseExceptionGroup):
        return f"{type(e).__name__}({e.message!r}, [{', '.join(sorted(rep(x) for x in e.exceptions))}])"
    return repr(e)


async def finish():
    try:
        if left := [t for t in R.values() if not t.done()]:
            await asyncio.wait(left, timeout=2)
        while left := [t for t in R.values() if not t.done()]:
            out("cleanup", [t.get_name() for t in left])
            for t in left:
                t.cancel("cleanup")
            await asyncio.gather(*left, return_exceptions=True)
    finally:
        S["ending"] = True


async def f1():
    raise ValueError("f1")


async def main():
    try:
        try:
            async with asyncio.timeout(0.5):
                raise ValueError("s2")
            out("s1", "timeout block done", now())
        except TimeoutError:
            out("s1", "timeout block expired", now())
        await asyncio.sleep(0.3)
        asyncio.get_running_loop().call_soon(lambda: out("s4", "call_soon", now()))
        try:
            await asyncio.sleep(0.6)
        except Exception as e:
            out("s5", "caught", rep(e))
        finally:
            out("s5", "finally", now())
        t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
    finally:
        await finish()


reset()
try:
    print("run ->", repr(asyncio.run(main())))
except BaseException as e:
    print("run raised", type(e).__name__, str(e))
for line in sorted(NOTES):
    print("note:", line)
