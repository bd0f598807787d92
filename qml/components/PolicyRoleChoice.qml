import QtQml
import QtQuick
import QtQuick.Controls
import Cairn

// The policy editor's responsibilities section: the role that closes one care gap, chosen from the
// roles that could record what closes it (ClinicPolicyModel.roleChoices). The registry still
// validates the saved policy; a refused choice shows on the row like any other value.
ComboBox {
    id: choice
    // The row's key ("responsibilities.PDMP_CHECK"), its role name and the policy model.
    required property string key
    required property string role
    required property ClinicPolicyModel policyModel
    signal chosen(string role)

    model: choice.key.startsWith("responsibilities.") ? choice.policyModel.roleChoices(choice.key) : []
    textRole: "label"
    valueRole: "value"
    currentIndex: indexOfValue(choice.role)
    font.pixelSize: Theme.fontBody
    onActivated: choice.chosen(choice.currentValue)
}
