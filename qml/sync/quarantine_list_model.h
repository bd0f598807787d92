#pragma once
// Pulled records this tablet could not read, for the registry manager and the administrator: each
// was set aside in quarantine (not stored among the records, so no screen reads it) with the
// reason. A row shows what the record is, whose it is when this tablet knows the patient, why it
// was set aside and when it arrived; never its content. Withdrawing one writes a retraction that
// syncs, so the server and the clinic's other tablets close it too.
//
// Like every asynchronous object here it exposes `loading`, `error` and `message`.

#include "qml/app/async_model.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

struct QuarantineRow {
    qint64 id = 0;
    QString kindLabel;  // "PEG score", "Clinic policy", or the stored kind when unknown
    QString owner;      // the patient's name, "Clinic settings", or "a patient not on this tablet"
    QString reason;     // "patient_id: names no patient this tablet holds"
    QString received;   // when it arrived, in the user's locale
    bool withdrawn = false;
};

class QuarantineListModel : public cairn::app::AsyncListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int count READ countProperty NOTIFY countChanged)

public:
    enum Roles {
        EntryIdRole = Qt::UserRole + 1,
        KindLabelRole,
        OwnerRole,
        ReasonRole,
        ReceivedRole,
        WithdrawnRole,
    };
    Q_ENUM(Roles)

    explicit QuarantineListModel(QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int countProperty() const { return static_cast<int>(m_rows.size()); }
    const QList<QuarantineRow> &rows() const { return m_rows; }

    Q_INVOKABLE void reload() override;
    // Withdraws the entry (a retraction sent with the next sync); the reason is required.
    Q_INVOKABLE void withdraw(qint64 entryId, const QString &reason);

signals:
    void countChanged();

private:
    QList<QuarantineRow> m_rows;
};

}  // namespace cairn::app
