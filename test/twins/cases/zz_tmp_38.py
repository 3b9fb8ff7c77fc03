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


def names(ts):
    return sorted(t.get_name() for t in ts)


def cancel(label, name, t, msg=None):
    out(label, "cancel", name, "absent" if t is None else t.cancel(msg))


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
    out("s5", "at", now())
    await asyncio.sleep(0)
    await asyncio.sleep(0)


async def f2():
    pass


async def f3():
    out("s6", "at", now())
    cancel("s7", "t2", R.get("t2"))
    await await_task("s8", "t2", R.get("t2"))


async def f4():
    raise ValueError("s10")


async def f5():
    pass


async def f6():
    return "f6"


async def f7():
    out("s12", "at", now())
    raise ValueError("s13")


async def f8():
    out("s14", "at", now())
    asyncio.get_running_loop().call_later(0.5, lambda: out("s15", "call_later", now()))
    await asyncio.sleep(1)
    await asyncio.sleep(0.7)


async def main():
    try:
        try:
            async with asyncio.timeout(0.9):
                raise ValueError("s2")
            out("s1", "timeout block done", now())
        except TimeoutError:
            out("s1", "timeout block expired", now())
        t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
        t2 = R["t2"] = asyncio.create_task(f2(), name="t2")
        t3 = R["t3"] = asyncio.create_task(f3(), name="t3")
        done, pending = await asyncio.wait([t1, t2, t3], timeout=0.9, return_when=asyncio.FIRST_COMPLETED)
        out("s4", "wait done", names(done), "pending", names(pending), now())
        try:
            out("s9", "gather ->", rl(await asyncio.gather(t3, t1, t2, return_exceptions=True)))
        except Exception as e:
            out("s9", "gather raised", rep(e))
        t4 = R["t4"] = asyncio.create_task(f4(), name="t4")
        t5 = R["t5"] = asyncio.create_task(f5(), name="t5")
        try:
            async with asyncio.TaskGroup() as tg2:
                tg2.create_task(f6(), name="g1")
                tg2.create_task(f7(), name="g2")
                tg2.create_task(f8(), name="g3")
                await await_task("s16", "t2", t2)
                cancel("s17", "t1", t1)
            out("s11", "tg done", now())
        except ExceptionGroup as e:
            out("s11", "tg raised", rep(e), now())
        return "main"
    finally:
        await finish()


reset()
try:
    print("run ->", repr(asyncio.run(main())))
except BaseException as e:
    print("run raised", type(e).__name__, str(e))
for line in sorted(NOTES):
    print("note:", line)
