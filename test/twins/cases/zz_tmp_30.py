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


def state(t):
    if not t.done():
        return f"pending({t.cancelling()})"
    if t.cancelled():
        return "cancelled"
    e = t.exception()
    return f"raised {rep(e)}" if e is not None else f"result {t.result()!r}"


def names(ts):
    return sorted(t.get_name() for t in ts)


def status(label, name, t):
    out(label, name, "absent" if t is None else state(t))


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
    out("s3", "at", now())
    await asyncio.sleep(0.7)


async def f3():
    await asyncio.sleep(1)
    await asyncio.sleep(0.7)
    cancel("s5", "t1", R.get("t1"), "by s5")


async def f2():
    t3 = R["t3"] = asyncio.create_task(f3(), name="t3")


async def f4():
    out("s6", "at", now())
    out("s7", "cancel self", asyncio.current_task().cancel("self s7"))
    await asyncio.sleep(0.5)
    cancel("s8", "t2", R.get("t2"), "by s8")
    cancel("s9", "t1", R.get("t1"))
    out("s10", "at", now())


async def f6():
    out("s17", "at", now())
    status("s18", "t3", R.get("t3"))
    raise ValueError("f6")


async def f7():
    out("s19", "at", now())


async def f5():
    try:
        async with asyncio.timeout(0.9):
            raise ValueError("s13")
        out("s12", "timeout block done", now())
    except TimeoutError:
        out("s12", "timeout block expired", now())
    await await_task("s14", "t4", R.get("t4"))
    t6 = R["t6"] = asyncio.create_task(f6(), name="t6")
    t7 = R["t7"] = asyncio.create_task(f7(), name="t7")
    done, pending = await asyncio.wait([t6, t7], return_when=asyncio.FIRST_EXCEPTION)
    out("s16", "wait done", names(done), "pending", names(pending), now())
    raise ValueError("f5")


async def main():
    try:
        out("s1", "at", now())
        t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
        t2 = R["t2"] = asyncio.create_task(f2(), name="t2")
        t4 = R["t4"] = asyncio.create_task(f4(), name="t4")
        try:
            async for t in asyncio.as_completed([t1, t2, t4], timeout=0.6):
                out("s2", "next", t.get_name(), state(t), now())
            out("s2", "as_completed done", now())
        except TimeoutError:
            out("s2", "as_completed timeout", now())
        t5 = R["t5"] = asyncio.create_task(f5(), name="t5")
    finally:
        await finish()


reset()
try:
    print("run ->", repr(asyncio.run(main())))
except BaseException as e:
    print("run raised", type(e).__name__, str(e))
for line in sorted(NOTES):
    print("note:", line)
