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


async def f2():
    return "f2"


async def f1():
    t1 = R["t1"] = asyncio.create_task(f2(), name="t1")
    for f in asyncio.as_completed([t1], timeout=0.1):
        try:
            out("s2", "next ->", repr(await f), now())
        except TimeoutError:
            out("s2", "next timeout", now())
        except Exception as e:
            out("s2", "next raised", rep(e), now())
    await asyncio.sleep(0.7)
    try:
        out("s3", "wait_for ->", repr(await asyncio.wait_for(t1, timeout=0.8)))
    except TimeoutError:
        out("s3", "wait_for timeout", now())
    except Exception as e:
        out("s3", "wait_for raised", rep(e))


async def f4():
    await asyncio.sleep(0.8)
    await asyncio.sleep(0.6)
    await await_task("s7", "t1", R.get("t1"))
    await asyncio.sleep(0.1)
    await asyncio.sleep(1)
    await asyncio.sleep(0.7)


async def f3():
    t2 = R["t2"] = asyncio.create_task(f4(), name="t2")
    for f in asyncio.as_completed([t2], timeout=0.5):
        try:
            out("s6", "next ->", repr(await f), now())
        except TimeoutError:
            out("s6", "next timeout", now())
        except Exception as e:
            out("s6", "next raised", rep(e), now())
    try:
        out("s8", "shield ->", repr(await asyncio.shield(t2)))
    except Exception as e:
        out("s8", "shield raised", rep(e))
    await await_task("s10", "t1", R.get("t1"))
    return "f3"


async def f5():
    out("s12", "at", now())
    out("s13", "at", now())
    await asyncio.sleep(0.4)
    out("s14", "at", now())
    raise ValueError("f5")


async def f7():
    asyncio.get_running_loop().call_soon(lambda: out("s17", "call_soon", now()))


async def f6():
    try:
        async with asyncio.TaskGroup() as tg2:
            tg2.create_task(f7(), name="g2")
        out("s16", "tg done", now())
    except ExceptionGroup as e:
        out("s16", "tg raised", rep(e), now())


async def f8():
    out("s18", "cancel self", asyncio.current_task().cancel("self s18"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0.3)
    await await_task("s19", "t1", R.get("t1"))
    return "f8"


async def main():
    try:
        try:
            out("s1", "wait_for ->", repr(await asyncio.wait_for(f1(), timeout=None)))
        except TimeoutError:
            out("s1", "wait_for timeout", now())
        except Exception as e:
            out("s1", "wait_for raised", rep(e))
        await asyncio.sleep(1)
        out("s5", "f3 ->", repr(await f3()))
        try:
            async with asyncio.TaskGroup() as tg1:
                tg1.create_task(f5(), name="g1")
                t3 = R["t3"] = asyncio.create_task(f6(), name="t3")
                t4 = R["t4"] = asyncio.create_task(f8(), name="t4")
                try:
                    async for t in asyncio.as_completed([t3, t4], timeout=0):
                        out("s15", "next", t.get_name(), state(t), now())
                    out("s15", "as_completed done", now())
                except TimeoutError:
                    out("s15", "as_completed timeout", now())
                out("s20", "at", now())
            out("s11", "tg done", now())
        except ExceptionGroup as e:
            out("s11", "tg raised", rep(e), now())
    finally:
        await finish()


reset()
try:
    print("run ->", repr(asyncio.run(main())))
except BaseException as e:
    print("run raised", type(e).__name__, str(e))
for line in sorted(NOTES):
    print("note:", line)
