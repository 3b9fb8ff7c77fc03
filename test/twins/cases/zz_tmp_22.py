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
    await asyncio.sleep(0.9)
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(0.4)
        out("s3", "timeout block done", now())
    except TimeoutError:
        out("s3", "timeout block expired", now())
    return "f1"


async def f2():
    pass


async def f4():
    raise ValueError("s9")


async def f3():
    out("s6", "at", now())
    out("s8", "at", now())
    t3 = asyncio.create_task(f4(), name="t3")
    return "f3"


async def f5():
    out("s10", "at", now())


async def main():
    try:
        try:
            async with asyncio.timeout(0.9):
                pass
            out("s1", "timeout block done", now())
        except TimeoutError:
            out("s1", "timeout block expired", now())
        await asyncio.sleep(0)
        t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
        t2 = R["t2"] = asyncio.create_task(f2(), name="t2")
        for f in asyncio.as_completed([t1, t2], timeout=1):
            try:
                out("s2", "next ->", repr(await f), now())
            except TimeoutError:
                out("s2", "next timeout", now())
            except Exception as e:
                out("s2", "next raised", rep(e), now())
        try:
            async with asyncio.TaskGroup() as tg3:
                tg3.create_task(f3(), name="g1")
                tg3.create_task(f5(), name="g2")
            out("s4", "tg done", now())
        except ExceptionGroup as e:
            out("s4", "tg raised", rep(e), now())
        raise ValueError("main")
    finally:
        await finish()


reset()
try:
    print("run ->", repr(asyncio.run(main())))
except BaseException as e:
    print("run raised", type(e).__name__, str(e))
for line in sorted(NOTES):
    print("note:", line)
