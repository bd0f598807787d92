#pragma once
// Reading a PDF held in memory (Qt PDF behind a QBuffer): its pages drawn as images and their text.
// The document never touches the disk. Its own library (cairn_pdf_reader) keeps Qt PDF's headers
// out of everything that shows a document.

#include <QByteArray>
#include <QImage>
#include <QSizeF>
#include <QString>

#include <memory>

namespace cairn::reports {

class PdfReader {
public:
    PdfReader();
    ~PdfReader();
    PdfReader(const PdfReader &) = delete;
    PdfReader &operator=(const PdfReader &) = delete;

    // Reads `bytes` (a whole PDF); false when they are not one. Empty: nothing loaded.
    bool load(const QByteArray &bytes);
    void clear();
    [[nodiscard]] const QByteArray &bytes() const;

    [[nodiscard]] int pageCount() const;
    // In points; a Letter page when `page` is not one.
    [[nodiscard]] QSizeF pageSize(int page) const;
    [[nodiscard]] QImage render(int page, const QSize &size) const;
    [[nodiscard]] QString pageText(int page) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace cairn::reports
