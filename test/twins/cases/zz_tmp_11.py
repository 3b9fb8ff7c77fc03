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


async def await_task(label, name, t):
    if t is None:
        out(label, "await", name, "absent")
        return
    try:
        out(label, "await", name, "->", repr(await t))
    except Exception as e:
        out(label, "await", name, "raised", rep(e))


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
    out("s1", "at", now())
    raise ValueError("f1")


async def f2():
    await asyncio.sleep(0.5)
    await asyncio.sleep(0.9)
    await asyncio.sleep(0.6)
    await asyncio.sleep(0.4)
    await asyncio.sleep(0.5)
    out("s5", "at", now())
    return "f2"


async def f3():
    out("s6", "at", now())
    raise ValueError("s7")


async def f4():
    await asyncio.sleep(0)
    out("s10", "at", now())
    return "f4"


async def main():
    try:
        t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
        await await_task("s2", "t1", t1)
        asyncio.get_running_loop().call_later(0.7, lambda: out("s3", "call_later", now()))
        try:
            async with asyncio.TaskGroup() as tg1:
                tg1.create_task(f2(), name="g1")
                tg1.create_task(f3(), name="g2")
                await await_task("s8", "t1", t1)
                try:
                    tg1.create_task(f4(), name="g3")
                except RuntimeError as e:
                    out("s9", "create_task raised", rep(e))
            out("s4", "tg done", now())
        except ExceptionGroup as e:
            out("s4", "tg raised", rep(e), now())
        await asyncio.sleep(1)
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
