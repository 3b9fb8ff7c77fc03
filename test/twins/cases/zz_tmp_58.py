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
    out("s4", "at", now())
    out("s5", "cancel self", asyncio.current_task().cancel("self s5"))
    await asyncio.sleep(0.4)
    raise ValueError("f1")


async def main():
    try:
        try:
            asyncio.get_running_loop().call_soon(lambda: out("s2", "call_soon", now()))
        except Exception as e:
            out("s1", "caught", rep(e))
        try:
            async with asyncio.TaskGroup() as tg1:
                tg1.create_task(f1(), name="g1")
                out("s6", "at", now())
                await asyncio.sleep(0)
            out("s3", "tg done", now())
        except ExceptionGroup as e:
            out("s3", "tg raised", rep(e), now())
        out("s7", "at", now())
        try:
            try:
                async with asyncio.timeout(0.1):
                    await asyncio.sleep(0)
                    await asyncio.sleep(0.2)
                out("s9", "timeout block done", now())
            except TimeoutError:
                out("s9", "timeout block expired", now())
        except ValueError as e:
            out("s8", "caught", rep(e))
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
