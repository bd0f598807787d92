#include "platform/system_font.h"

#include <QtGlobal>

#if defined(Q_OS_ANDROID)
#include <QCoreApplication>
#include <QJniObject>
#include <QtCore/qcoreapplication_platform.h>
#endif

namespace cairn::platform {

#if defined(Q_OS_ANDROID)
double systemFontScale()
{
    // context.getResources().getConfiguration().fontScale
#if QT_VERSION < QT_VERSION_CHECK(6, 7, 0)
    const QJniObject context(static_cast<jobject>(QNativeInterface::QAndroidApplication::context()));
#else
    const QJniObject context = QNativeInterface::QAndroidApplication::context();
#endif
    if (!context.isValid())
        return 1.0;
    const QJniObject resources = context.callObjectMethod("getResources", "()Landroid/content/res/Resources;");
    if (!resources.isValid())
        return 1.0;
    const QJniObject configuration =
        resources.callObjectMethod("getConfiguration", "()Landroid/content/res/Configuration;");
    if (!configuration.isValid())
        return 1.0;
    const float scale = configuration.getField<jfloat>("fontScale");
    return scale > 0 ? scale : 1.0;
}
#else
double systemFontScale()
{
    return 1.0;
}
#endif

}  // namespace cairn::platform
