#include "core/reports/pdf_document.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>

namespace cairn::reports {

// The page's own words (the page number, a chart's target line) in the document's language: the
// installed translator's, as for the words each report passes in.
struct PdfDocumentWords {
    Q_DECLARE_TR_FUNCTIONS(cairn::reports::PdfDocumentWords)
};

namespace {

// At 72 dots per inch one device unit is one typographic point: every size below is in points.
constexpr int kResolution = 72;
constexpr qreal kMargin = 54;  // three quarters of an inch
constexpr qreal kFooterHeight = 24;
constexpr qreal kCellPadding = 3;
constexpr qreal kChartHeight = 150;
const QColor kInk(0x1b, 0x1b, 0x1f);
const QColor kMuted(0x5f, 0x5f, 0x66);
const QColor kRule(0xc8, 0xc8, 0xcc);
const QColor kHeaderFill(0xee, 0xee, 0xf1);
const QColor kSeries(0x1f, 0x4e, 0x8c);

QFont font(qreal points, bool bold = false)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

QString axisValue(double value, const QString &unit)
{
    // In the document's language (the default locale follows it): 7,5 in Spanish.
    return QLocale().toString(value, 'f', value == std::floor(value) ? 0 : 1) + unit;
}

}  // namespace

struct PdfDocument::Private {
    QString title;
    QString footer;
    QByteArray bytes;
    QBuffer buffer{&bytes};
    std::unique_ptr<QPdfWriter> writer;
    QPainter painter;
    QRectF body;
    qreal y = 0;
    int pages = 1;
    bool finished = false;
    const QFont text = font(10);
    const QFont strong = font(10, true);
    const QFont small = font(8);
    const QFont h1 = font(16, true);
    const QFont h2 = font(12, true);

    qreal heightOf(const QFont &f, qreal width, const QString &s) const
    {
        const QFontMetricsF metrics(f, writer.get());
        return metrics.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, s).height();
    }

    void drawFooter()
    {
        painter.setFont(small);
        painter.setPen(kMuted);
        const QRectF line(body.left(), body.bottom() + kFooterHeight / 2, body.width(), kFooterHeight / 2);
        painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, title + QStringLiteral(" · ") + footer);
        painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, PdfDocumentWords::tr("Page %1").arg(pages));
    }

    void nextPage()
    {
        drawFooter();
        writer->newPage();
        ++pages;
        y = body.top();
    }

    // Starts a new page unless `height` fits below what is already on this one.
    void ensure(qreal height)
    {
        if (y + height > body.bottom() && y > body.top())
            nextPage();
    }

    void block(const QFont &f, const QString &s, qreal spaceBefore, qreal spaceAfter, const QColor &colour = kInk)
    {
        const qreal before = y > body.top() ? spaceBefore : 0;
        const qreal h = heightOf(f, body.width(), s);
        ensure(before + h);
        y += y > body.top() ? before : 0;
        painter.setFont(f);
        painter.setPen(colour);
        painter.drawText(QRectF(body.left(), y, body.width(), h), Qt::TextWordWrap, s);
        y += h + spaceAfter;
    }

    qreal rowHeight(const QStringList &cells, const QList<qreal> &widths, const QFont &f) const
    {
        qreal h = 0;
        for (qsizetype i = 0; i < widths.size(); ++i)
            h = std::max(h, heightOf(f, widths.at(i) - 2 * kCellPadding, cells.value(i)));
        return h + 2 * kCellPadding;
    }

    void drawRow(const QStringList &cells, const QList<qreal> &widths, const QFont &f, qreal h, bool header)
    {
        if (header)
            painter.fillRect(QRectF(body.left(), y, body.width(), h), kHeaderFill);
        painter.setFont(f);
        painter.setPen(kInk);
        qreal x = body.left();
        for (qsizetype i = 0; i < widths.size(); ++i) {
            painter.drawText(
                QRectF(x + kCellPadding, y + kCellPadding, widths.at(i) - 2 * kCellPadding, h - 2 * kCellPadding),
                Qt::TextWordWrap, cells.value(i));
            x += widths.at(i);
        }
        painter.setPen(QPen(kRule, 0.5));
        painter.drawLine(QPointF(body.left(), y + h), QPointF(body.right(), y + h));
        y += h;
    }
};

PdfDocument::PdfDocument(const QString &title, const QString &footer)
    : d(std::make_unique<Private>())
{
    d->title = title;
    d->footer = footer;
    d->buffer.open(QIODevice::WriteOnly);
    d->writer = std::make_unique<QPdfWriter>(&d->buffer);
    d->writer->setResolution(kResolution);
    d->writer->setTitle(title);
    d->writer->setCreator(QStringLiteral("Cairn"));
    d->writer->setPageLayout(QPageLayout(QPageSize(QPageSize::Letter), QPageLayout::Portrait, QMarginsF()));
    d->painter.begin(d->writer.get());
    d->painter.setRenderHint(QPainter::Antialiasing);
    const QRectF page(QPointF(0, 0), d->writer->pageLayout().fullRectPoints().size());
    d->body = page.adjusted(kMargin, kMargin, -kMargin, -kMargin - kFooterHeight);
    d->y = d->body.top();
    d->block(d->h1, title, 0, 10);
}

PdfDocument::~PdfDocument()
{
    if (d->painter.isActive())
        d->painter.end();
}

void PdfDocument::heading(const QString &text)
{
    constexpr qreal kWithNext = 60;
    d->ensure(14 + d->heightOf(d->h2, d->body.width(), text) + kWithNext);
    d->block(d->h2, text, 14, 6);
}

void PdfDocument::subheading(const QString &text)
{
    // Kept with what it heads: room for itself and the first lines below it, or a new page.
    constexpr qreal kWithNext = 60;
    d->ensure(10 + d->heightOf(d->strong, d->body.width(), text) + kWithNext);
    d->block(d->strong, text, 10, 4);
}

void PdfDocument::paragraph(const QString &text)
{
    d->block(d->text, text, 0, 6);
}

void PdfDocument::table(const QStringList &headers, const QList<QStringList> &rows, const QList<int> &weights)
{
    QList<qreal> widths;
    int total = 0;
    for (qsizetype i = 0; i < headers.size(); ++i)
        total += weights.value(i, 1);
    for (qsizetype i = 0; i < headers.size(); ++i)
        widths << d->body.width() * weights.value(i, 1) / total;
    const qreal headerHeight = d->rowHeight(headers, widths, d->strong);
    const qreal firstRow = rows.isEmpty() ? 0 : d->rowHeight(rows.first(), widths, d->text);
    d->ensure(headerHeight + firstRow);
    d->drawRow(headers, widths, d->strong, headerHeight, true);
    for (const QStringList &row : rows) {
        const qreal h = d->rowHeight(row, widths, d->text);
        if (d->y + h > d->body.bottom()) {
            d->nextPage();
            d->drawRow(headers, widths, d->strong, headerHeight, true);
        }
        d->drawRow(row, widths, d->text, h, false);
    }
    d->y += 8;
}

void PdfDocument::lineChart(const QString &caption, const ChartSeries &series)
{
    const qreal captionHeight = d->heightOf(d->strong, d->body.width(), caption);
    const qreal labelHeight = QFontMetricsF(d->small, d->writer.get()).height();
    d->ensure(captionHeight + 6 + kChartHeight + labelHeight + 12);
    d->painter.setFont(d->strong);
    d->painter.setPen(kInk);
    d->painter.drawText(QRectF(d->body.left(), d->y, d->body.width(), captionHeight), Qt::TextWordWrap, caption);
    d->y += captionHeight + 6;

    const QRectF plot(d->body.left() + 40, d->y, d->body.width() - 40 - 70, kChartHeight);
    const double top = series.maximum > 0 ? series.maximum : 1;
    const auto yOf = [&](double v) { return plot.bottom() - std::clamp(v / top, 0.0, 1.0) * plot.height(); };
    const qsizetype n = series.values.size();
    const qreal slot = plot.width() / static_cast<qreal>(std::max<qsizetype>(n, 1));  // each point's share
    const auto xOf = [&](qsizetype i) { return plot.left() + (static_cast<qreal>(i) + 0.5) * slot; };

    QPainter &p = d->painter;
    p.setFont(d->small);
    for (int step = 0; step <= 4; ++step) {
        const double v = top * step / 4;
        p.setPen(QPen(kRule, 0.5));
        p.drawLine(QPointF(plot.left(), yOf(v)), QPointF(plot.right(), yOf(v)));
        p.setPen(kMuted);
        p.drawText(QRectF(d->body.left(), yOf(v) - labelHeight / 2, 36, labelHeight), Qt::AlignRight | Qt::AlignVCenter,
                   axisValue(v, series.unit));
    }
    for (qsizetype i = 0; i < n; ++i)
        p.drawText(QRectF(xOf(i) - slot / 2, plot.bottom() + 2, slot, labelHeight),
                   Qt::AlignHCenter | Qt::AlignTop | Qt::TextDontClip,  // a label wider than its point's share
                   series.labels.value(i));
    if (series.target) {
        QPen dashed(kInk, 1, Qt::DashLine);
        p.setPen(dashed);
        p.drawLine(QPointF(plot.left(), yOf(*series.target)), QPointF(plot.right(), yOf(*series.target)));
        p.setPen(kInk);
        p.drawText(QRectF(plot.right() + 4, yOf(*series.target) - labelHeight / 2, 66, labelHeight),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   PdfDocumentWords::tr("target %1").arg(axisValue(*series.target, series.unit)));
    }
    // The series: a line through consecutive points; a point with no value breaks it.
    p.setPen(QPen(kSeries, 1.5));
    for (qsizetype i = 1; i < n; ++i)
        if (series.values.at(i - 1) && series.values.at(i))
            p.drawLine(QPointF(xOf(i - 1), yOf(*series.values.at(i - 1))), QPointF(xOf(i), yOf(*series.values.at(i))));
    p.setBrush(kSeries);
    for (qsizetype i = 0; i < n; ++i)
        if (series.values.at(i))
            p.drawEllipse(QPointF(xOf(i), yOf(*series.values.at(i))), 2.2, 2.2);
    p.setBrush(Qt::NoBrush);
    d->y = plot.bottom() + labelHeight + 12;
}

void PdfDocument::newPage()
{
    if (d->y > d->body.top())
        d->nextPage();
}

int PdfDocument::pageCount() const
{
    return d->pages;
}

QByteArray PdfDocument::finish()
{
    if (!d->finished) {
        d->drawFooter();
        d->painter.end();
        d->buffer.close();
        d->finished = true;
    }
    return d->bytes;
}

}  // namespace cairn::reports
