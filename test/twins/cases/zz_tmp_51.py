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
    out("s2", "at", now())
    out("s3", "at", now())
    out("s4", "at", now())
    return "f2"


async def f3():
    out("s5", "at", now())
    cancel("s6", "t2", R.get("t2"))
    await asyncio.sleep(0.6)
    await await_task("s7", "t2", R.get("t2"))


async def f1():
    t2 = R["t2"] = asyncio.create_task(f2(), name="t2")
    t3 = R["t3"] = asyncio.create_task(f3(), name="t3")
    await await_task("s8", "t3", t3)


async def f4():
    cancel("s12", "t2", R.get("t2"), "by s12")
    status("s13", "t3", R.get("t3"))
    out("s14", "at", now())
    out("s15", "at", now())
    out("s16", "at", now())
    await await_task("s17", "t3", R.get("t3"))
    return "f4"


async def main():
    try:
        try:
            t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
            try:
                async with asyncio.timeout(0.1):
                    pass
                out("s9", "timeout block done", now())
            except TimeoutError:
                out("s9", "timeout block expired", now())
        except ValueError as e:
            out("s1", "caught", rep(e))
        cancel("s10", "t3", R.get("t3"))
        try:
            out("s11", "shield ->", repr(await asyncio.shield(f4())))
        except Exception as e:
            out("s11", "shield raised", rep(e))
        asyncio.get_running_loop().call_soon(lambda: out("s18", "call_soon", now()))
        out("s20", "at", now())
    finally:
        await finish()


reset()
try:
    print("run ->", repr(asyncio.run(main())))
except BaseException as e:
    print("run raised", type(e).__name__, str(e))
for line in sorted(NOTES):
    print("note:", line)
