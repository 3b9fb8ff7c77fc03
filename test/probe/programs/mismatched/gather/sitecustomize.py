# A Python whose asyncio differs from what the probe expects: gather's cancel()
# is another function (as a patched or newer asyncio might have). The probe's
# self-check must refuse it, in one line, before the program runs.
import asyncio.tasks

_original = asyncio.tasks._GatheringFuture.cancel


def cancel(self, msg=None):
    return _original(self, msg=msg)


asyncio.tasks._GatheringFuture.cancel = cancel
