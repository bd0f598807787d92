#include "qml/reports/pdf_pages.h"

#include <QFile>
#include <QPainter>
#include <QQuickWindow>

namespace cairn::app {

PdfPages::PdfPages(QObject *parent)
    : QObject(parent)
{}

void PdfPages::setData(const QByteArray &bytes)
{
    const bool read = m_reader.load(bytes);
    m_message.clear();
    m_error = false;
    if (!read)
        setMessage(tr("This document cannot be shown."), true);
    emit messageChanged();
    emit documentChanged();
}

void PdfPages::save(const QUrl &file)
{
    const QByteArray &bytes = m_reader.bytes();
    if (bytes.isEmpty())
        return;
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (path.isEmpty()) {
        setMessage(tr("Choose where to save the document."), true);
        return;
    }
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size() || !out.flush()) {
        out.remove();
        setMessage(tr("Could not save the document to %1.").arg(path), true);
        return;
    }
    out.close();
    setMessage(tr("Saved to %1.").arg(path), false);
    emit saved(path);
}

void PdfPages::setMessage(const QString &message, bool error)
{
    m_message = message;
    m_error = error;
    emit messageChanged();
}

PdfPageItem::PdfPageItem(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setFillColor(Qt::white);
}

void PdfPageItem::setPages(PdfPages *pages)
{
    if (m_pages == pages)
        return;
    if (m_pages)
        disconnect(m_pages, nullptr, this, nullptr);
    m_pages = pages;
    if (m_pages)
        connect(m_pages, &PdfPages::documentChanged, this, [this] { update(); });
    emit pagesChanged();
    update();
}

void PdfPageItem::setPage(int page)
{
    if (m_page == page)
        return;
    m_page = page;
    emit pageChanged();
    update();
}

void PdfPageItem::paint(QPainter *painter)
{
    const qreal ratio = window() ? window()->effectiveDevicePixelRatio() : 1.0;
    const QImage image = m_pages ? m_pages->render(m_page, (size() * ratio).toSize()) : QImage();
    if (!image.isNull())
        painter->drawImage(QRectF(QPointF(0, 0), size()), image);
    setRendered(!image.isNull());
}

void PdfPageItem::setRendered(bool rendered)
{
    if (m_rendered == rendered)
        return;
    m_rendered = rendered;
    // paint() may run on the render thread: tell QML from the item's own thread.
    QMetaObject::invokeMethod(this, &PdfPageItem::renderedChanged, Qt::QueuedConnection);
}

}  // namespace cairn::app
