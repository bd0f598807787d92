#pragma once
// The app shell's destinations for the signed-in role (tablet-ux §4.3): at most five, chosen from
// the permission table (Permissions::offers) and put in the order of the role's work, the one it
// lands on first. The navigation rail and the bottom bar both show this model; Main.qml keeps one
// page stack per row. QML compares the Destination enum, never the labels.
// Roles: destination (Destination), label (translated), description (the accessible name),
// objectName ("nav_today", …, the same in the rail and the bottom bar).

#include <QAbstractListModel>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class Navigation : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    // Session.role ("medical_assistant", …); empty when signed out, which empties the list.
    Q_PROPERTY(QString role READ role WRITE setRole NOTIFY roleChanged)
    Q_PROPERTY(int count READ count NOTIFY roleChanged)

public:
    enum Destination { Today, Calls, Registry, Patients, Refills, Measures, Practise, Administration };
    Q_ENUM(Destination)
    enum Roles { DestinationRole = Qt::UserRole + 1, LabelRole, DescriptionRole, ObjectNameRole };
    Q_ENUM(Roles)

    explicit Navigation(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString role() const { return m_role; }
    void setRole(const QString &role);
    int count() const { return static_cast<int>(m_destinations.size()); }

    // The destinations a role sees, in order (the first is where it lands); only those
    // Permissions::offers gives it, never more than five. Empty for an unknown role.
    static QList<Destination> destinationsFor(const QString &role);
    // The permission table's screen name behind a destination ("huddle", "peg_outreach", …).
    static QString screenFor(Destination destination);
    static QString objectNameFor(Destination destination);
    // The row of a destination, or -1 when the role does not have it.
    Q_INVOKABLE int indexOf(cairn::app::Navigation::Destination destination) const;
    Q_INVOKABLE cairn::app::Navigation::Destination destinationAt(int row) const;

signals:
    void roleChanged();

protected:
    // The labels are words of the screen's language: shown again after a language switch.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString m_role;
    QList<Destination> m_destinations;
};

}  // namespace cairn::app
