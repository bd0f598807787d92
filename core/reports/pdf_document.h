#pragma once
// A printable document (reports, case summaries) laid out top to bottom on Letter pages and rendered
// into memory with Qt's own PDF writer: no file is written until the caller chooses where, so no
// temporary file ever holds patient data. Needs a QGuiApplication (fonts); any platform will do,
// "offscreen" included.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace cairn::reports {

// One line on a chart: a value per point (none: nothing to plot there, e.g. no patients counted),
// the point labels under the axis, and an optional target drawn as a dashed line.
struct ChartSeries {
    QList<std::optional<double>> values;
    QStringList labels;
    std::optional<double> target;
    double maximum = 100;  // the top of the value axis
    QString unit;          // appended to axis values ("%")
};

class PdfDocument {
public:
    // `title` heads the first page and every page's footer with `footer` (e.g. who may see it).
    PdfDocument(const QString &title, const QString &footer);
    ~PdfDocument();
    PdfDocument(const PdfDocument &) = delete;
    PdfDocument &operator=(const PdfDocument &) = delete;

    void heading(const QString &text);
    void subheading(const QString &text);
    void paragraph(const QString &text);
    // Columns share the width by `weights` (equal when empty); the header repeats on a new page.
    void table(const QStringList &headers, const QList<QStringList> &rows, const QList<int> &weights = {});
    void lineChart(const QString &caption, const ChartSeries &series);
    void newPage();

    [[nodiscard]] int pageCount() const;
    // The finished PDF. Nothing can be added afterwards.
    [[nodiscard]] QByteArray finish();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

}  // namespace cairn::reports
