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


def note(*args):
    if not S["ending"]:
        NOTES.append(" ".join(str(a) for a in args))


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


def on_done(label, name, t, quiet=False):
    if t is None:
        out(label, "on_done", name, "absent")
        return
    t.add_done_callback(lambda t: (note if quiet else out)(label, "done", t.get_name(), state(t)))


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
    out("s4", "at", now())
    out("s5", "at", now())
    out("s6", "at", now())
    out("s7", "at", now())
    raise ValueError("f1")


async def f2():
    out("s10", "at", now())
    out("s11", "at", now())
    out("s12", "at", now())
    await asyncio.sleep(0.1)
    status("s13", "t1", R.get("t1"))
    await asyncio.sleep(0.3)


async def main():
    try:
        try:
            try:
                t1 = R["t1"] = asyncio.create_task(f1(), name="t1")
                try:
                    raise ValueError("s9")
                except asyncio.CancelledError as e:
                    out("s8", "caught", rep(e), "cancelling", asyncio.current_task().cancelling())
                t2 = R["t2"] = asyncio.create_task(f2(), name="t2")
                cancel("s14", "t1", t1)
            except asyncio.CancelledError as e:
                out("s2", "caught", rep(e), "cancelling", asyncio.current_task().cancelling())
                raise
            except Exception as e:
                out("s2", "caught", rep(e))
        except asyncio.CancelledError as e:
            out("s1", "caught", rep(e), "cancelling", asyncio.current_task().cancelling())
            raise ValueError("s1")
        except ValueError as e:
            out("s1", "caught", rep(e))
        finally:
            out("s1", "finally", now())
        on_done("s17", "t1", R.get("t1"))
    finally:
        await finish()


reset()
try:
    print("run ->", repr(asyncio.run(main())))
except BaseException as e:
    print("run raised", type(e).__name__, str(e))
for line in sorted(NOTES):
    print("note:", line)
