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


def cancel(label, name, t, msg=None):
    out(label, "cancel", name, "absent" if t is None else t.cancel(msg))


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


async def f2():
    return "f2"


async def f3():
    await asyncio.sleep(0.5)
    await asyncio.sleep(0.1)
    raise ValueError("f3")


async def f4():
    await asyncio.sleep(0.1)


async def f1():
    try:
        async with asyncio.TaskGroup() as tg1:
            tg1.create_task(f2(), name="g1")
            tg1.create_task(f3(), name="g2")
            tg1.create_task(f4(), name="g3")
            out("s3", "at", now())
        out("s2", "tg done", now())
    except ExceptionGroup as e:
        out("s2", "tg raised", rep(e), now())


async def f5():
    await asyncio.sleep(0.2)


async def main():
    try:
        out("s1", "at", now())
        t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
        cancel("s4", "t1", t1, "by s4")
        t2 = R["t2"] = asyncio.create_task(f5(), name="t2")
        await asyncio.sleep(0.3)
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
