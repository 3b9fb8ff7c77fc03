# A Python whose TaskGroup has no _abort (as a future asyncio might not): the
# probe's self-check must refuse it, in one line, before the program runs.
import asyncio.taskgroups

del asyncio.taskgroups.TaskGroup._abort
