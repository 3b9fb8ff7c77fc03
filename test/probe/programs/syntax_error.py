import asyncio

def broken(:
    pass
