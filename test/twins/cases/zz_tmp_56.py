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


async def f1():
    raise ValueError("f1")


async def f2():
    cancel("s2", "t1", R.get("t1"))
    await asyncio.sleep(0.1)
    asyncio.get_running_loop().call_later(1, lambda: out("s3", "call_later", now()))
    status("s4", "t1", R.get("t1"))
    out("s5", "at", now())
    await await_task("s6", "t1", R.get("t1"))
    return "f2"


async def f3():
    raise ValueError("s8")


async def main():
    try:
        t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
        out("s1", "f2 ->", repr(await f2()))
        out("s7", "f3 ->", repr(await f3()))
        await asyncio.sleep(0.3)
        out("s9", "at", now())
        try:
            out("s10", "shield ->", repr(await asyncio.shield(t1)))
        except Exception as e:
            out("s10", "shield raised", rep(e))
        asyncio.get_running_loop().call_soon(lambda: out("s11", "call_soon", now()))
        await asyncio.sleep(1)
        await asyncio.sleep(0.1)
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
