import QtQuick
import QtQuick.Controls.impl
import Cairn

// A monochrome icon from qrc:/icons/ (assets/icons), drawn in `color`. IconImage recolours the
// black SVG on the CPU, so no shader effect is needed on Qt 6.4. Decorative: the text next to it
// carries the meaning (never an icon or a colour alone).
Item {
    id: icon
    enum Glyph { None, Info, Warning, Error, Success, Check, Clock, Circle, Hourglass, ChevronRight,
                 ChevronLeft, Calendar, Close, Inbox, Phone, People, List, Chart, Chat, Settings, Pill, Lock }
    property int glyph: Icon.None
    property int size: Theme.icon
    property color color: Theme.textOnSurface
    readonly property url source: icon.sourceFor(icon.glyph)

    // The file for a glyph, also usable as a Button's icon.source.
    function sourceFor(g: int): string {
        const names = ["", "info", "warning", "error", "success", "check", "clock", "circle", "hourglass",
                       "chevron_right", "chevron_left", "calendar", "close", "inbox", "phone", "people", "list",
                       "chart", "chat", "settings", "pill", "lock"]
        return g > 0 && g < names.length ? "qrc:/icons/" + names[g] + ".svg" : ""
    }

    visible: icon.glyph !== Icon.None
    implicitWidth: icon.size
    implicitHeight: icon.size
    Accessible.ignored: true

    IconImage {
        anchors.fill: parent
        source: icon.source
        color: icon.color
        sourceSize.width: icon.size
        sourceSize.height: icon.size
        fillMode: Image.PreserveAspectFit
    }
}
