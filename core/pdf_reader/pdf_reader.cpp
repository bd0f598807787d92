#include "core/pdf_reader/pdf_reader.h"

#include <QBuffer>
#include <QPdfDocument>
#include <QPdfSelection>

namespace cairn::reports {

struct PdfReader::Private {
    QByteArray bytes;
    QBuffer buffer;
    QPdfDocument document;
};

PdfReader::PdfReader()
    : d(std::make_unique<Private>())
{}

PdfReader::~PdfReader()
{
    d->document.close();
}

bool PdfReader::load(const QByteArray &bytes)
{
    clear();
    if (bytes.isEmpty())
        return true;
    d->bytes = bytes;
    d->buffer.setBuffer(&d->bytes);
    d->buffer.open(QIODevice::ReadOnly);
    // A random-access device: Qt PDF reads it whole before returning.
    d->document.load(&d->buffer);
    if (d->document.status() != QPdfDocument::Status::Ready) {
        clear();
        return false;
    }
    return true;
}

void PdfReader::clear()
{
    d->document.close();
    d->buffer.close();
    d->bytes.clear();
}

const QByteArray &PdfReader::bytes() const
{
    return d->bytes;
}

int PdfReader::pageCount() const
{
    return d->document.status() == QPdfDocument::Status::Ready ? d->document.pageCount() : 0;
}

QSizeF PdfReader::pageSize(int page) const
{
    if (page < 0 || page >= pageCount())
        return QSizeF(612, 792);
    return d->document.pagePointSize(page);
}

QImage PdfReader::render(int page, const QSize &size) const
{
    if (page < 0 || page >= pageCount() || size.isEmpty())
        return {};
    return d->document.render(page, size);
}

QString PdfReader::pageText(int page) const
{
    if (page < 0 || page >= pageCount())
        return {};
    return d->document.getAllText(page).text();
}

}  // namespace cairn::reports
