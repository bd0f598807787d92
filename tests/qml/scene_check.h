#pragma once
// Checks a rendered Qt Quick scene the way a user with the tablet in hand would notice it: text
// that identifies (the app bar, the patient banner, a list row's name) is never elided or cut off,
// and every control a finger can reach is at least 48×48 px and has a name for a screen reader.
// Works on the live item tree of any window; returns one line per problem (empty: none).

#include <QAccessible>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRectF>
#include <QStringList>

#include <algorithm>
#include <functional>

namespace cairn::testing {

struct SceneCheckOptions {
    // Text inside an item with one of these objectNames must be whole.
    QStringList wholeTextAreas{QStringLiteral("appBar"), QStringLiteral("patientBanner")};
    // A text with this objectName must be whole wherever it is (a list row's name column).
    QStringList wholeTextNames{QStringLiteral("listRowTitle")};
    qreal minTarget = 48;
};

namespace scene_detail {

inline bool isFlickable(const QQuickItem *item)
{
    return item->inherits("QQuickFlickable");
}

inline QString describe(const QQuickItem *item)
{
    const QString text = item->property("text").toString();
    const QPointF at = item->mapToScene(QPointF(0, 0));
    return QStringLiteral("%1 \"%2\" (%3, %4×%5 at %6,%7)")
        .arg(QString::fromLatin1(item->metaObject()->className()), text.left(60), item->objectName())
        .arg(item->width())
        .arg(item->height())
        .arg(at.x())
        .arg(at.y());
}

// Whether `item` is a control a finger can reach: a button, a delegate, a text field, a combo
// box, or an item with a MouseArea-like handler of its own.
inline bool isInteractive(const QQuickItem *item)
{
    if (item->inherits("QQuickAbstractButton") || item->inherits("QQuickTextField") ||
        item->inherits("QQuickComboBox") || item->inherits("QQuickMouseArea") || item->inherits("QQuickSpinBox"))
        return true;
    for (const QObject *child : item->children())
        if (child->inherits("QQuickTapHandler"))
            return true;
    return false;
}

inline QString accessibleName(QQuickItem *item)
{
    if (QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(item)) {
        const QString name = iface->text(QAccessible::Name).trimmed();
        if (!name.isEmpty())
            return name;
    }
    // The attached Accessible object holds what the QML set, even when no interface is made.
    for (const QObject *child : item->children())
        if (qstrcmp(child->metaObject()->className(), "QQuickAccessibleAttached") == 0)
            return child->property("name").toString().trimmed();
    return {};
}

// The part of the scene where `item` can be seen: the window, cut by every clipping ancestor up to
// the nearest Flickable's viewport (scrolled out of view is not cut off).
inline QRectF visibleArea(const QQuickItem *item, const QQuickWindow *window)
{
    QRectF area(QPointF(0, 0), window->size());
    for (const QQuickItem *up = item->parentItem(); up; up = up->parentItem())
        if (up->clip() || isFlickable(up))
            area &= up->mapRectToScene(QRectF(0, 0, up->width(), up->height()));
    return area;
}

// Where the glyphs of a Text are drawn: its box, or more when the text runs past it unwrapped.
inline QRectF paintedRect(const QQuickItem *text)
{
    const qreal w = std::max(text->width(), text->property("contentWidth").toReal());
    const qreal h = std::max(text->height(), text->property("contentHeight").toReal());
    qreal x = 0;
    // A right-aligned or centred text spills to the left too.
    const int align = text->property("horizontalAlignment").toInt();
    if (w > text->width() && align == Qt::AlignRight)
        x = text->width() - w;
    else if (w > text->width() && align == Qt::AlignHCenter)
        x = (text->width() - w) / 2;
    return text->mapRectToScene(QRectF(x, 0, w, h));
}

// Cut off: drawn past a clipping ancestor, past the window, or past the nearest control around it
// (up to the nearest Flickable, whose scrolling is not a cut).
inline QString clipProblem(const QQuickItem *text, const QQuickWindow *window)
{
    const QRectF painted = paintedRect(text).adjusted(1, 1, -1, -1);  // anti-aliasing slack
    const QRectF windowArea(QPointF(0, 0), window->size());
    if (!windowArea.contains(painted)) {
        // Past the window only where it is also past the edge of a list wholly inside the window:
        // a row half scrolled out of view, which scrolling shows.
        const QQuickItem *list = text->parentItem();
        while (list && !isFlickable(list))
            list = list->parentItem();
        const bool scrolled =
            list && windowArea.contains(list->mapRectToScene(QRectF(0, 0, list->width(), list->height())));
        if (!scrolled)
            return QStringLiteral("runs past the window");
    }
    for (const QQuickItem *up = text->parentItem(); up && !isFlickable(up); up = up->parentItem()) {
        const bool boundary = up->clip() || up->inherits("QQuickControl");
        if (!boundary || up->width() <= 0 || up->height() <= 0)
            continue;
        if (!up->mapRectToScene(QRectF(0, 0, up->width(), up->height())).contains(painted))
            return QStringLiteral("cut off by %1 (%2)")
                .arg(QString::fromLatin1(up->metaObject()->className()), up->objectName());
    }
    return {};
}

}  // namespace scene_detail

inline QStringList checkScene(QQuickWindow *window, const SceneCheckOptions &options = {})
{
    using namespace scene_detail;
    QStringList problems;
    std::function<void(QQuickItem *, bool)> walk = [&](QQuickItem *item, bool inWholeArea) {
        if (!item->isVisible() || item->opacity() <= 0)
            return;
        inWholeArea = inWholeArea || options.wholeTextAreas.contains(item->objectName());
        const QRectF scene = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        const QRectF area = visibleArea(item, window);
        const bool onScreen = area.intersects(scene) && item->width() > 0 && item->height() > 0;

        if (onScreen && item->inherits("QQuickText") && !item->property("text").toString().isEmpty() &&
            (inWholeArea || options.wholeTextNames.contains(item->objectName()))) {
            if (item->property("truncated").toBool())
                problems << QStringLiteral("elided text: ") + describe(item);
            else if (const QString cut = clipProblem(item, window); !cut.isEmpty())
                problems << QStringLiteral("text %1: ").arg(cut) + describe(item);
        }
        // A control still being made (a list's delegate incubating for later) has no content item
        // yet and is not drawn; it is checked once it is.
        const bool unfinished = item->inherits("QQuickControl") && !item->property("contentItem").value<QQuickItem *>();
        if (onScreen && !unfinished && item->isEnabled() && isInteractive(item)) {
            // A bare handler inside a control (a style's own MouseArea) counts as that control; a
            // button inside a row is a target of its own.
            const bool control = item->inherits("QQuickControl") || item->inherits("QQuickTextField");
            bool inner = false;
            for (const QQuickItem *up = item->parentItem(); up && !inner && !control; up = up->parentItem())
                inner = up->inherits("QQuickAbstractButton") || up->inherits("QQuickTextField") ||
                        up->inherits("QQuickComboBox") || up->inherits("QQuickSpinBox");
            if (!inner) {
                if (item->width() < options.minTarget - 0.5 || item->height() < options.minTarget - 0.5)
                    problems << QStringLiteral("target under %1×%1: ").arg(options.minTarget) + describe(item);
                if (accessibleName(item).isEmpty())
                    problems << QStringLiteral("no accessible name: ") + describe(item);
            }
        }
        for (QQuickItem *child : item->childItems())
            walk(child, inWholeArea);
    };
    // The window's root item holds the header, the footer, the content and the popups' overlay.
    walk(window->contentItem(), false);
    problems.removeDuplicates();
    return problems;
}

}  // namespace cairn::testing
