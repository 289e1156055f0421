"""Icons: the platform's own where it has them, simple drawn ones where it has not.

Qt 6.7+ maps theme icons to the system's (Windows' and macOS' icon fonts, the
Linux desktop theme); without a theme the drawn glyphs keep every button clear.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QApplication

_SIZE = 32


def _canvas() -> tuple[QPixmap, QPainter, QPen]:
    pixmap = QPixmap(_SIZE, _SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = (
        QApplication.palette().windowText().color()
        if QApplication.instance()
        else QColor("#333333")
    )
    pen = QPen(colour, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    return pixmap, painter, pen


def _plus() -> QIcon:
    pixmap, painter, _pen = _canvas()
    painter.drawLine(QPointF(16, 6), QPointF(16, 26))
    painter.drawLine(QPointF(6, 16), QPointF(26, 16))
    painter.end()
    return QIcon(pixmap)


def _printer() -> QIcon:
    pixmap, painter, pen = _canvas()
    pen.setWidthF(2.2)
    painter.setPen(pen)
    painter.drawRect(QRectF(10, 4, 12, 8))
    body = QPainterPath()
    body.addRoundedRect(QRectF(4, 12, 24, 11), 2, 2)
    painter.drawPath(body)
    painter.fillRect(QRectF(10, 19, 12, 9), QColor("white"))
    painter.drawRect(QRectF(10, 19, 12, 9))
    painter.end()
    return QIcon(pixmap)


def _copy() -> QIcon:
    pixmap, painter, pen = _canvas()
    pen.setWidthF(2.2)
    painter.setPen(pen)
    painter.drawRoundedRect(QRectF(5, 5, 15, 18), 2, 2)
    painter.fillRect(QRectF(12, 10, 15, 18), QColor("white"))
    painter.drawRoundedRect(QRectF(12, 10, 15, 18), 2, 2)
    painter.end()
    return QIcon(pixmap)


def _bin() -> QIcon:
    pixmap, painter, pen = _canvas()
    pen.setWidthF(2.2)
    painter.setPen(pen)
    painter.drawLine(QPointF(6, 9), QPointF(26, 9))
    painter.drawLine(QPointF(13, 5), QPointF(19, 5))
    body = QPainterPath()
    body.moveTo(8, 9)
    body.lineTo(10, 27)
    body.lineTo(22, 27)
    body.lineTo(24, 9)
    painter.drawPath(body)
    painter.drawLine(QPointF(14, 13), QPointF(14, 23))
    painter.drawLine(QPointF(18, 13), QPointF(18, 23))
    painter.end()
    return QIcon(pixmap)


_DRAWN = {"add": _plus, "print": _printer, "duplicate": _copy, "delete": _bin}
_THEMED = {
    "add": QIcon.ThemeIcon.ListAdd,
    "print": QIcon.ThemeIcon.DocumentPrint,
    "duplicate": QIcon.ThemeIcon.EditCopy,
    "delete": QIcon.ThemeIcon.EditDelete,
}


def icon(name: str) -> QIcon:
    """The icon called ``name`` ("add", "print", "duplicate", "delete")."""
    themed = QIcon.fromTheme(_THEMED[name])
    return themed if not themed.isNull() else _DRAWN[name]()
