#pragma once
// A PDF held in memory for the screens (the monthly report, the case summary): Qt PDF reads the
// bytes through a QBuffer (reports::PdfReader), so the document never touches the disk until the user saves it to the
// file they chose (save). PdfPageItem draws one page of it.

#include "core/pdf_reader/pdf_reader.h"

#include <QByteArray>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QQuickPaintedItem>
#include <QSizeF>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class PdfPages : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int pageCount READ pageCount NOTIFY documentChanged)
    Q_PROPERTY(bool ready READ ready NOTIFY documentChanged)
    // The last save's outcome, in words ("" before any).
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool error READ error NOTIFY messageChanged)

public:
    explicit PdfPages(QObject *parent = nullptr);

    // Shows `bytes` (a whole PDF); empty: nothing shown.
    Q_INVOKABLE void setData(const QByteArray &bytes);
    Q_INVOKABLE void clear() { setData({}); }
    int pageCount() const { return m_reader.pageCount(); }
    bool ready() const { return pageCount() > 0; }
    QString message() const { return m_message; }
    bool error() const { return m_error; }

    // A page's size in points (width/height give the aspect the screen lays it out with).
    Q_INVOKABLE QSizeF pageSize(int page) const { return m_reader.pageSize(page); }
    // A page's text (what a reader of the page sees; the tests read the title).
    Q_INVOKABLE QString pageText(int page) const { return m_reader.pageText(page); }
    QImage render(int page, const QSize &size) const { return m_reader.render(page, size); }

    // Writes the document to `file` (a local file URL the user chose), nowhere else.
    Q_INVOKABLE void save(const QUrl &file);

signals:
    void documentChanged();
    void messageChanged();
    void saved(const QString &path);

private:
    void setMessage(const QString &message, bool error);
    reports::PdfReader m_reader;
    QString m_message;
    bool m_error = false;
};

// One page of a PdfPages, rendered at the item's size (sharp at any zoom).
class PdfPageItem : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(cairn::app::PdfPages *pages READ pages WRITE setPages NOTIFY pagesChanged)
    Q_PROPERTY(int page READ page WRITE setPage NOTIFY pageChanged)
    // Whether the page has been drawn (false while there is nothing to draw).
    Q_PROPERTY(bool rendered READ rendered NOTIFY renderedChanged)

public:
    explicit PdfPageItem(QQuickItem *parent = nullptr);

    PdfPages *pages() const { return m_pages; }
    void setPages(PdfPages *pages);
    int page() const { return m_page; }
    void setPage(int page);
    bool rendered() const { return m_rendered; }

    void paint(QPainter *painter) override;

signals:
    void pagesChanged();
    void pageChanged();
    void renderedChanged();

private:
    void setRendered(bool rendered);
    QPointer<PdfPages> m_pages;
    int m_page = 0;
    bool m_rendered = false;
};

}  // namespace cairn::app
