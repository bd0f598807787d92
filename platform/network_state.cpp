#include "platform/network_state.h"

#include <QNetworkInformation>

namespace cairn::platform {

NetworkState::NetworkState(QObject *parent)
    : QObject(parent)
{
    if (QNetworkInformation::loadDefaultBackend() && QNetworkInformation::instance()) {
        auto *info = QNetworkInformation::instance();
        m_known = info->supports(QNetworkInformation::Feature::Reachability);
        if (m_known) {
            m_online = info->reachability() != QNetworkInformation::Reachability::Disconnected;
            connect(info, &QNetworkInformation::reachabilityChanged, this, [this](QNetworkInformation::Reachability r) {
                setOnline(r != QNetworkInformation::Reachability::Disconnected);
            });
        }
    }
}

void NetworkState::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    emit onlineChanged(online);
}

}  // namespace cairn::platform
