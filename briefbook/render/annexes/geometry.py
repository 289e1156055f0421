"""The little affine geometry of placing a page: PDF matrices ``(a, b, c, d, e, f)``."""

from __future__ import annotations

from collections.abc import Sequence

Matrix = tuple[float, float, float, float, float, float]

IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def as_matrix(values: Sequence[float] | None) -> Matrix:
    """Six numbers as a matrix (the identity for anything else)."""
    if values is None or len(values) != 6:
        return IDENTITY
    a, b, c, d, e, f = (float(v) for v in values)
    return a, b, c, d, e, f


def then(first: Matrix, second: Matrix) -> Matrix:
    """``first`` followed by ``second`` (PDF's ``first × second``)."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = second
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def point(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def rect(m: Matrix, box: Sequence[float]) -> tuple[float, float, float, float]:
    """The bounding box of rectangle ``box`` (x0, y0, x1, y1) after ``m``."""
    x0, y0, x1, y1 = (float(v) for v in box[:4])
    corners = [point(m, x, y) for x in (x0, x1) for y in (y0, y1)]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return min(xs), min(ys), max(xs), max(ys)


def fit(shown: tuple[float, float, float, float], box: tuple[float, float, float, float]) -> Matrix:
    """The scaling and move that fits rectangle ``shown`` (x0, y0, x1, y1) into ``box``
    (x, y, width, height), centred, its proportions kept."""
    x0, y0, x1, y1 = shown
    width, height = max(x1 - x0, 1e-6), max(y1 - y0, 1e-6)
    bx, by, bw, bh = box
    s = min(bw / width, bh / height)
    return (s, 0.0, 0.0, s, bx + (bw - width * s) / 2 - x0 * s, by + (bh - height * s) / 2 - y0 * s)
