#pragma once
// Whether the device appears to be online. QNetworkInformation's answer is a hint (a captive
// portal or a dead uplink still reads "online"), so the sync client confirms with a real request;
// where no backend loads, the state is "unknown" and treated as possibly online.

#include <QObject>

namespace cairn::platform {

class NetworkState : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool online READ online NOTIFY onlineChanged)
    Q_PROPERTY(bool known READ known CONSTANT)
public:
    explicit NetworkState(QObject *parent = nullptr);
    bool online() const { return m_online; }
    // False when the platform offers no reachability backend.
    bool known() const { return m_known; }
    // For tests and for the sync client when a real request proves the point.
    void setOnline(bool online);

signals:
    void onlineChanged(bool online);

private:
    bool m_online = true;
    bool m_known = false;
};

}  // namespace cairn::platform
