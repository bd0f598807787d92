#pragma once
// One way to hand QML a singleton that C++ made (like KDE Itinerary's
// REGISTER_SINGLETON_INSTANCE): the app wiring calls Class::setInstance(&object) before loading
// QML, and the QML_SINGLETON's create() returns that object, owned by C++.
//
//   class SyncStatus : public QObject {
//       Q_OBJECT
//       QML_ELEMENT
//       QML_SINGLETON
//   public:
//       CAIRN_SINGLETON_INSTANCE(SyncStatus)
//
// Two optional hooks on the class: `static Class *makeStandIn()` gives QML an object when no
// instance was set (a test that loads a screen alone); `void setEngine(QQmlEngine *)` learns the
// engine that asked.

#include <QJSEngine>
#include <QQmlEngine>

namespace cairn::app {

template <typename T> class SingletonInstance {
public:
    static void set(T *instance) { s_instance = instance; }
    static T *get() { return s_instance; }

    static T *forQml(QQmlEngine *engine)
    {
        if (!s_instance) {
            if constexpr (requires { T::makeStandIn(); })
                return T::makeStandIn();  // the engine owns a stand-in
            Q_ASSERT_X(false, "SingletonInstance", "setInstance() must run before QML asks for the singleton");
            return nullptr;
        }
        QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
        if constexpr (requires(T * t) { t->setEngine(engine); }) {
            if (engine)
                s_instance->setEngine(engine);
        }
        return s_instance;
    }

private:
    inline static T *s_instance = nullptr;
};

}  // namespace cairn::app

// Declares Class::create() for QML_SINGLETON, Class::setInstance() for the app wiring and
// Class::instance() for C++.
#define CAIRN_SINGLETON_INSTANCE(Class)                                                                                \
    static Class *create(QQmlEngine *engine, QJSEngine *)                                                              \
    {                                                                                                                  \
        return ::cairn::app::SingletonInstance<Class>::forQml(engine);                                                 \
    }                                                                                                                  \
    static void setInstance(Class *instance)                                                                           \
    {                                                                                                                  \
        ::cairn::app::SingletonInstance<Class>::set(instance);                                                         \
    }                                                                                                                  \
    static Class *instance()                                                                                           \
    {                                                                                                                  \
        return ::cairn::app::SingletonInstance<Class>::get();                                                          \
    }
