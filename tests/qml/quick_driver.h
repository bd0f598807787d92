#pragma once
// Drives the real screens the way a user does: finds items by objectName in the window's visual
// tree (delegates and pushed pages are not always QObject children), waits while the event loop
// runs, and taps an item's centre with a mouse click on the window. Plain return values, no QTest
// macros, so that a child process outside any test function can use them too.

#include <QCoreApplication>
#include <QDate>
#include <QDeadlineTimer>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStringList>
#include <QTest>
#include <QThread>
#include <QtQuickTest/quicktest.h>

#include <algorithm>
#include <functional>

namespace cairn::testing {

// Runs the event loop until `condition` holds; false when `ms` pass first.
inline bool waitFor(const std::function<bool()> &condition, int ms = 60000)
{
    QDeadlineTimer deadline(ms);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

// The first item called `name` in the window; with `usable`, only one that is shown and enabled
// (a page being pushed or popped may still hold a hidden one).
inline QQuickItem *findItem(QQuickWindow *window, const QString &name, bool usable = true)
{
    std::function<QQuickItem *(QQuickItem *)> walk = [&](QQuickItem *item) -> QQuickItem * {
        if (usable && !item->isVisible())
            return nullptr;
        if (item->objectName() == name && (!usable || item->isEnabled()))
            return item;
        for (QQuickItem *child : item->childItems())
            if (QQuickItem *found = walk(child))
                return found;
        return nullptr;
    };
    return window ? walk(window->contentItem()) : nullptr;
}

// The shown button under `root` whose text is `text` (a chip, a choice), or null.
inline QQuickItem *findButton(QQuickItem *root, const QString &text)
{
    if (!root)
        return nullptr;
    if (root->inherits("QQuickAbstractButton") && root->property("text").toString() == text && root->isVisible())
        return root;
    for (QQuickItem *child : root->childItems())
        if (QQuickItem *found = findButton(child, text))
            return found;
    return nullptr;
}

// The visible item that shows exactly `text` (a label, a button), else null.
inline QQuickItem *findText(QQuickItem *root, const QString &text)
{
    if (!root || !root->isVisible())
        return nullptr;
    if (root->property("text").toString() == text)
        return root;
    for (QQuickItem *child : root->childItems())
        if (QQuickItem *found = findText(child, text))
            return found;
    return nullptr;
}

// The text of every visible item, for finding a string whatever item shows it.
inline QStringList visibleTexts(QQuickWindow *window)
{
    QStringList texts;
    std::function<void(QQuickItem *)> walk = [&](QQuickItem *item) {
        if (!item->isVisible())
            return;
        const QVariant text = item->property("text");
        if (text.isValid())
            texts << text.toString();
        for (QQuickItem *child : item->childItems())
            walk(child);
    };
    walk(window->contentItem());
    return texts;
}

// A tap (mouse press and release) on the centre of `item`.
inline void tap(QQuickWindow *window, QQuickItem *item)
{
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(window, Qt::LeftButton, {}, centre.toPoint());
}

// True while a StackView holding `item` is pushing or popping (it swallows taps meanwhile), or
// while the window has a layout not yet applied (after a turn, an item is still where it was).
inline bool inTransition(QQuickItem *item)
{
    if (item->window() && QQuickTest::qIsPolishScheduled(item->window()))
        return true;
    for (QQuickItem *up = item; up; up = up->parentItem())
        if (up->inherits("QQuickStackView") && up->property("busy").toBool())
            return true;
    return false;
}

// Turns or resizes the window as the platform would and waits until the new size is laid out:
// until then items sit where the old size put them, and a tap lands on the wrong one.
inline bool resize(QQuickWindow *window, const QSize &size, int ms = 10000)
{
    window->resize(size);
    return waitFor([&] { return window->contentItem()->size() == QSizeF(size); }, ms) &&
           QQuickTest::qWaitForPolish(window, ms);
}

// Waits until the item called `name` is shown, enabled, inside the window and not in a page
// transition, then taps it. False when it never was.
inline bool tapWhenReady(QQuickWindow *window, const QString &name, int ms = 60000)
{
    QQuickItem *item = nullptr;
    const bool ready = waitFor(
        [&] {
            item = findItem(window, name);
            if (!item || inTransition(item))
                return false;
            const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
            return QRectF(QPointF(0, 0), window->size()).contains(centre);
        },
        ms);
    if (ready)
        tap(window, item);
    return ready;
}

// Scrolls the page holding `item` until the item is in view (a tall form on a tablet).
inline void reveal(QQuickItem *item)
{
    QQuickItem *flick = item ? item->parentItem() : nullptr;
    while (flick && !flick->inherits("QQuickFlickable"))
        flick = flick->parentItem();
    if (!flick)
        return;
    QQuickItem *content = flick->property("contentItem").value<QQuickItem *>();
    if (!content)
        return;
    const qreal top = item->mapToItem(content, QPointF(0, 0)).y();
    const qreal viewTop = flick->property("contentY").toReal();
    const qreal height = flick->height();
    if (top >= viewTop && top + item->height() <= viewTop + height)
        return;
    const qreal maxY = std::max<qreal>(0, flick->property("contentHeight").toReal() - height);
    flick->setProperty("contentY", std::clamp<qreal>(top - height / 3, 0, maxY));
    QTest::qWait(30);
}

// Taps `item` once it is in view. The page may still be settling (pushed onto its stack just now,
// a preview appearing above, a field taking focus): it waits for the page's transition to end (a
// StackView swallows taps while it pushes: a form opened a moment ago ignored the tap on its first
// field) and brings the item into view until its centre is in the window.
inline void tapInView(QQuickWindow *window, QQuickItem *item)
{
    waitFor([&] { return !inTransition(item); }, 10000);
    for (int attempt = 0; attempt < 10; ++attempt) {
        reveal(item);
        const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        if (centre.y() >= 0 && centre.y() < window->height())
            break;
        QTest::qWait(50);
    }
    tap(window, item);
}

// Waits until the item called `name` is shown, enabled and settled, brings it into view, taps it.
inline bool tapNamedInView(QQuickWindow *window, const QString &name)
{
    QQuickItem *item = nullptr;
    if (!waitFor([&] {
            item = findItem(window, name);
            return item && !inTransition(item);
        }))
        return false;
    tapInView(window, item);
    return true;
}

// Taps the field called `name` and types `text` into it (Latin-1 keys); whether it then ends with it.
inline bool typeInto(QQuickWindow *window, const QString &name, const QString &text)
{
    if (!tapNamedInView(window, name))
        return false;
    QQuickItem *input = findItem(window, name);
    if (!waitFor([&] { return input && input->hasActiveFocus(); }))
        return false;
    for (const QChar c : text)
        QTest::keyClick(window, c.toLatin1());
    return input->property("text").toString().endsWith(text);
}

// Chooses `day` in the date field called `name` as a user does: taps the field, types the date
// into the calendar's box and taps Use; whether the field then holds it.
inline bool chooseDate(QQuickWindow *window, const QString &name, const QDate &day)
{
    QQuickItem *field = nullptr;
    if (!waitFor([&] { return (field = findItem(window, name)) != nullptr; }))
        return false;
    QQuickItem *opener = nullptr;
    QList<QQuickItem *> items{field};
    while (!items.isEmpty() && !opener) {
        QQuickItem *item = items.takeFirst();
        if (item->objectName() == QLatin1String("dateFieldOpener"))
            opener = item;
        items << item->childItems();
    }
    if (!opener)
        return false;
    tapInView(window, opener);
    if (!typeInto(window, QStringLiteral("dateTyped"), day.toString(Qt::ISODate)) ||
        !tapNamedInView(window, QStringLiteral("dateUseTyped")) ||
        !waitFor([&] { return !findItem(window, QStringLiteral("dateTyped")); }))
        return false;
    return field->property("isoDate").toString() == day.toString(Qt::ISODate);
}

// Taps the chip showing `text` among the choices of the field called `name`; whether it is then checked.
inline bool tapChip(QQuickWindow *window, const QString &name, const QString &text)
{
    QQuickItem *chip = nullptr;
    if (!waitFor([&] { return (chip = findButton(findItem(window, name), text)) != nullptr; }))
        return false;
    tapInView(window, chip);
    return waitFor([&] { return chip->property("checked").toBool(); });
}

}  // namespace cairn::testing
