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


async def f2():
    out("s1", "at", now())


async def f1():
    t2 = R["t2"] = asyncio.create_task(f2(), name="t2")
    return "f1"


async def f3():
    status("s10", "t2", R.get("t2"))
    await asyncio.sleep(0.7)
    await asyncio.sleep(0.6)
    await await_task("s11", "t2", R.get("t2"))


async def f4():
    out("s12", "at", now())
    await asyncio.sleep(0.3)
    await asyncio.sleep(0.3)
    return "f4"


async def main():
    try:
        await asyncio.sleep(0.2)
        await asyncio.sleep(0.7)
        t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
        cancel("s2", "t1", t1)
        await asyncio.sleep(0.1)
        out("s3", "at", now())
        try:
            async with asyncio.timeout(0.7):
                cancel("s5", "t2", R.get("t2"), "by s5")
                await asyncio.sleep(0.1)
                await await_task("s6", "t2", R.get("t2"))
                cancel("s7", "t2", R.get("t2"), "by s7")
                out("s8", "at", now())
            out("s4", "timeout block done", now())
        except TimeoutError:
            out("s4", "timeout block expired", now())
        t3 = R["t3"] = asyncio.create_task(f3(), name="t3")
        t4 = R["t4"] = asyncio.create_task(f4(), name="t4")
        for f in asyncio.as_completed([t3, t4], timeout=0.9):
            try:
                out("s9", "next ->", repr(await f), now())
            except TimeoutError:
                out("s9", "next timeout", now())
            except Exception as e:
                out("s9", "next raised", rep(e), now())
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
