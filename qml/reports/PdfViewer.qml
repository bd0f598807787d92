pragma ComponentBehavior: Bound
import QtQml
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Cairn

// A PDF shown from memory (PdfPages): the pages one under the other, fitted to the width and
// zoomed from there, with "Page 2 of 5" for the page in view. Nothing is written to disk here.
ColumnLayout {
    id: viewer
    required property PdfPages pages
    // 1: a page as wide as the viewer.
    property real zoom: 1
    readonly property real minZoom: 0.5
    readonly property real maxZoom: 3
    readonly property int currentPage: pageList.indexAt(pageList.contentX + pageList.width / 2,
                                                        pageList.contentY + pageList.height / 3)
    spacing: Theme.spacingS

    function zoomBy(step: real) {
        viewer.zoom = Math.max(viewer.minZoom, Math.min(viewer.maxZoom, viewer.zoom + step))
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacingS
        Label {
            objectName: "pdfPageCount"
            text: qsTr("Page %1 of %2").arg(Math.max(viewer.currentPage, 0) + 1).arg(viewer.pages.pageCount)
            font: Theme.bodyMedium
            color: Theme.textOnSurfaceVariant
            Layout.fillWidth: true
        }
        CButton {
            objectName: "pdfZoomOut"
            variant: CButton.Outlined
            text: "−"
            Accessible.name: qsTr("Zoom out")
            enabled: viewer.zoom > viewer.minZoom
            onClicked: viewer.zoomBy(-0.25)
        }
        CButton {
            objectName: "pdfFitWidth"
            variant: CButton.Outlined
            text: qsTr("Fit width")
            enabled: viewer.zoom !== 1
            onClicked: viewer.zoom = 1
        }
        CButton {
            objectName: "pdfZoomIn"
            variant: CButton.Outlined
            text: "+"
            Accessible.name: qsTr("Zoom in")
            enabled: viewer.zoom < viewer.maxZoom
            onClicked: viewer.zoomBy(0.25)
        }
    }

    ListView {
        id: pageList
        objectName: "pdfPageList"
        readonly property real pageWidth: pageList.width * viewer.zoom
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        spacing: Theme.spacingM
        contentWidth: pageList.pageWidth
        flickableDirection: Flickable.AutoFlickIfNeeded
        model: viewer.pages.pageCount
        ScrollBar.vertical: ScrollBar { }
        ScrollBar.horizontal: ScrollBar { }
        delegate: PdfPageItem {
            required property int index
            objectName: "pdfPage_" + index
            pages: viewer.pages
            page: index
            width: pageList.pageWidth
            height: {
                const size = viewer.pages.pageSize(index)
                return pageList.pageWidth * size.height / size.width
            }
        }
    }
}
