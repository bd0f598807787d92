import QtQuick

// The dialog every "Save as PDF" opens (the case summary, the monthly report, the PDF reader).
// Open it with openInDocuments().
SaveFileDialog {
    nameFilters: [qsTr("PDF documents (*.pdf)")]
}
