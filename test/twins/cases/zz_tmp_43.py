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


async def main():
    try:
        try:
            raise ValueError("s2")
        except ValueError as e:
            out("s1", "caught", rep(e))
        finally:
            out("s1", "finally", now())
        try:
            asyncio.get_running_loop().call_later(0.9, lambda: out("s4", "call_later", now()))
        except ValueError as e:
            out("s3", "caught", rep(e))
        finally:
            out("s3", "finally", now())
        out("s5", "at", now())
        try:
            async with asyncio.timeout(0.7):
                pass
            out("s6", "timeout block done", now())
        except TimeoutError:
            out("s6", "timeout block expired", now())
        try:
            async with asyncio.timeout(1):
                out("s9", "at", now())
            out("s8", "timeout block done", now())
        except TimeoutError:
            out("s8", "timeout block expired", now())
        await asyncio.sleep(0.2)
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
