"""Numbers written the way JavaScript's ``String(x)`` writes them, for texts shared with the runtime."""

from __future__ import annotations

__all__ = ["js_number"]


def js_number(x: float) -> str:
    """``String(x)`` of JavaScript: the shortest round-trip digits, in plain notation from 1e-7 to 1e21.

    Python's ``repr`` has the same digits but switches to an exponent sooner
    (``1e-05``, ``1e+16``), and writes exponents with a leading zero.
    """
    if x != x or x in (float("inf"), float("-inf")):
        return {True: "NaN"}.get(x != x, "Infinity" if x > 0 else "-Infinity")
    if x.is_integer() and abs(x) < 1e21:
        return str(int(x))
    text = repr(x)
    if "e" not in text:
        return text
    if 1e-7 <= abs(x) < 1e21:
        from decimal import Decimal  # rare (a delay like 1e-05): not worth importing at start-up

        return format(Decimal(text), "f")
    mantissa, exponent = text.split("e")
    sign = "-" if exponent.startswith("-") else "+"
    return f"{mantissa}e{sign}{exponent.lstrip('+-').lstrip('0') or '0'}"
