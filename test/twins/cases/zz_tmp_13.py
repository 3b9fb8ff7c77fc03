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


def rl(values):
    return "[" + ", ".join(rep(v) if isinstance(v, BaseException) else repr(v) for v in values) + "]"


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
    out("s2", "at", now())


async def f2():
    out("s4", "at", now())
    await asyncio.sleep(0.8)
    raise ValueError("f2")


async def f3():
    await asyncio.sleep(0.5)
    out("s8", "at", now())
    await asyncio.sleep(0)
    return "f3"


async def f4():
    pass


async def main():
    try:
        try:
            out("s1", "gather ->", rl(await asyncio.gather(f1(), return_exceptions=True)))
        except Exception as e:
            out("s1", "gather raised", rep(e))
        out("s3", "f2 ->", repr(await f2()))
        out("s6", "at", now())
        try:
            async with asyncio.TaskGroup() as tg1:
                tg1.create_task(f3(), name="g1")
                tg1.create_task(f4(), name="g2")
                await asyncio.sleep(0.6)
            out("s7", "tg done", now())
        except ExceptionGroup as e:
            out("s7", "tg raised", rep(e), now())
        out("s9", "at", now())
    finally:
        await finish()


reset()
try:
    print("run ->", repr(asyncio.run(main())))
except BaseException as e:
    print("run raised", type(e).__name__, str(e))
for line in sorted(NOTES):
    print("note:", line)
