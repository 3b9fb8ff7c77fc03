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
    await asyncio.sleep(0.5)
    await asyncio.sleep(0.5)


async def f2():
    pass


async def f3():
    await asyncio.sleep(0.7)
    await asyncio.sleep(0.5)
    await asyncio.sleep(0.2)


async def f4():
    try:
        async with asyncio.timeout(0.8):
            asyncio.get_running_loop().call_soon(lambda: out("s4", "call_soon", now()))
            await asyncio.sleep(0.1)
        out("s3", "timeout block done", now())
    except TimeoutError:
        out("s3", "timeout block expired", now())


async def f5():
    cancel("s5", "t1", R.get("t1"), "by s5")
    await asyncio.sleep(0.7)
    await asyncio.sleep(0.2)
    out("s6", "at", now())
    out("s7", "at", now())
    status("s8", "t1", R.get("t1"))
    return "f5"


async def main():
    try:
        try:
            async with asyncio.TaskGroup() as tg1:
                tg1.create_task(f1(), name="g1")
                tg1.create_task(f2(), name="g2")
                tg1.create_task(f3(), name="g3")
                t1 = R["t1"] = asyncio.create_task(f4(), name="t1")
            out("s1", "tg done", now())
        except ExceptionGroup as e:
            out("s1", "tg raised", rep(e), now())
        t2 = R["t2"] = asyncio.create_task(f5(), name="t2")
        out("s9", "at", now())
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
