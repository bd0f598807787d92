pragma Singleton
import QtQuick
import Cairn

// Theme v2 (tablet-ux.md §4.2): colour roles (M3's "onX" roles are called textOnX here: QML reads
// a property named onX as a signal handler), a type scale, spacing, sizes and radii in one place.
// Touch targets are at least 48 px and text at least 16 px so the screens work with gloves on;
// status is never shown by colour alone. Every colour pair the components draw is listed in
// `contrastPairs`, which tst_components checks against WCAG 2.2 AA.
QtObject {
    id: theme

    // --- colour roles --------------------------------------------------------------------------
    readonly property color primary: "#2f5d62"
    readonly property color textOnPrimary: "#ffffff"
    readonly property color primaryContainer: "#d3e8ea"
    readonly property color textOnPrimaryContainer: "#0f2e31"

    readonly property color background: "#f6f5f2"
    readonly property color surface: "#ffffff"
    readonly property color surfaceContainer: "#eceae4"
    readonly property color textOnSurface: "#1d1d1b"
    readonly property color textOnSurfaceVariant: "#55534e"

    // Input, check box and switch boundaries (≥ 3:1 on surface and background).
    readonly property color outline: "#767676"
    // Dividers and card borders: decorative, never the only boundary of a control.
    readonly property color outlineVariant: "#c9c6bf"

    readonly property color error: "#a4161a"
    readonly property color textOnError: "#ffffff"
    readonly property color errorContainer: "#fbe9e9"
    readonly property color textOnErrorContainer: "#5c0a0c"

    readonly property color warning: "#9a4313"
    readonly property color textOnWarning: "#ffffff"
    readonly property color warningContainer: "#fcebdd"
    readonly property color textOnWarningContainer: "#5a2608"

    readonly property color caution: "#735b00"
    readonly property color cautionContainer: "#fff4cc"
    readonly property color textOnCautionContainer: "#4a3b00"

    readonly property color success: "#2f6a2a"
    readonly property color successContainer: "#e3f1df"
    readonly property color textOnSuccessContainer: "#173d14"

    readonly property color info: "#1f5a96"
    readonly property color infoContainer: "#e2ecf8"
    readonly property color textOnInfoContainer: "#0d2f52"

    // Snackbar.
    readonly property color inverseSurface: "#2b2b29"
    readonly property color inverseOnSurface: "#ffffff"
    readonly property color inversePrimary: "#9ed0d6"

    // Examples in empty fields only, never the field's label.
    readonly property color placeholder: "#6b6b6b"

    // --- type scale (px at 1×; 16 is the floor everywhere) ---------------------------------------
    // The user's text size (qml/app/text_size.h, chosen with TextSizeSwitch): every size of the
    // type scale is multiplied by it, so text grows while targets stay at least 48 px.
    readonly property real fontScale: TextSize.scale
    function scaled(pixels: int): int {
        return Math.round(pixels * theme.fontScale)
    }
    readonly property font display: Qt.font({ pixelSize: theme.scaled(32), weight: Font.Normal })
    readonly property font headline: Qt.font({ pixelSize: theme.scaled(26), weight: Font.Normal })
    readonly property font titleLarge: Qt.font({ pixelSize: theme.scaled(22), weight: Font.Medium })
    readonly property font titleMedium: Qt.font({ pixelSize: theme.scaled(18), weight: Font.DemiBold })
    readonly property font bodyLarge: Qt.font({ pixelSize: theme.scaled(18), weight: Font.Normal })
    readonly property font bodyMedium: Qt.font({ pixelSize: theme.scaled(16), weight: Font.Normal })
    readonly property font labelLarge: Qt.font({ pixelSize: theme.scaled(16), weight: Font.Medium })
    // Line heights to go with them (lineHeightMode: Text.FixedHeight).
    readonly property int displayLine: theme.scaled(40)
    readonly property int headlineLine: theme.scaled(32)
    readonly property int titleLargeLine: theme.scaled(28)
    readonly property int titleMediumLine: theme.scaled(24)
    readonly property int bodyLargeLine: theme.scaled(26)
    readonly property int bodyMediumLine: theme.scaled(22)
    readonly property int labelLargeLine: theme.scaled(20)

    // --- spacing (a 4 px grid) -------------------------------------------------------------------
    readonly property int spacingXs: 4
    readonly property int spacingS: 8       // the least between two targets
    readonly property int spacingM: 12
    readonly property int spacingL: 16
    readonly property int spacingXl: 24
    readonly property int spacingXxl: 32
    readonly property int spacingXxxl: 48
    readonly property int pageMarginWide: 24
    readonly property int pageMarginNarrow: 16
    readonly property int cardPadding: 16

    // --- sizes -----------------------------------------------------------------------------------
    readonly property int control: 48
    readonly property int controlLarge: 56
    readonly property int icon: 24
    readonly property int iconSmall: 20
    readonly property int appBar: 64
    readonly property int rowMin: 72
    readonly property int rail: 88
    readonly property int bottomBar: 80
    readonly property int focusRing: 3

    // --- widths of what holds words: they grow with the text size, like the words -------------
    // A layout shrinks them when the screen is narrower; never a raw number in a screen.
    readonly property int fieldShort: theme.scaled(160)   // a number, a time
    readonly property int fieldMedium: theme.scaled(240)  // a name, a short text
    readonly property int fieldLong: theme.scaled(320)    // a date with its picker, a choice of phrases
    readonly property int columnIdentity: theme.scaled(280)  // a list row's name and who it is
    readonly property int columnMeta: theme.scaled(200)   // a list row's secondary column
    readonly property int columnIdentityWide: theme.scaled(360)  // the same on a wide screen
    readonly property int sidePane: theme.scaled(520)     // a list beside its detail; a banner's line
    readonly property int paneNarrow: theme.scaled(400)   // a form beside a list; an empty state's words
    readonly property int formWidth: theme.scaled(760)    // a column of fields, at most
    readonly property int readingWidth: theme.scaled(880) // a document or table to read, at most
    readonly property int dialogWidth: theme.scaled(560)
    readonly property int dialogWideWidth: theme.scaled(720)
    readonly property int dialogHeight: theme.scaled(560)
    readonly property int keypadColumn: theme.scaled(360) // the sign-in keypad and its title
    readonly property int columnDate: theme.scaled(120)   // a date in a history's first column
    readonly property int chart: theme.scaled(320)        // a chart's plot with its axes' words
    readonly property int chartWithLegend: theme.scaled(380)  // a chart with a legend of many series

    // --- radii -----------------------------------------------------------------------------------
    readonly property int radiusField: 8
    readonly property int radiusChip: 8
    readonly property int radiusCard: 12
    readonly property int radiusSheet: 16

    // --- v1 names, kept so the screens written against them keep working -------------------------
    readonly property int touchTarget: controlLarge
    readonly property int minTouch: control
    readonly property int fontBody: bodyLarge.pixelSize
    readonly property int fontSmall: bodyMedium.pixelSize
    readonly property int fontTitle: theme.scaled(24)
    readonly property int fontHuge: display.pixelSize
    readonly property int spacing: spacingM
    readonly property int margin: spacingL
    readonly property int radius: radiusField
    readonly property color text: textOnSurface
    readonly property color textMuted: textOnSurfaceVariant
    readonly property color accent: primary
    readonly property color accentText: textOnPrimary
    readonly property color border: outlineVariant
    readonly property color urgent: error
    readonly property color high: warning      // was #c2571a: 4.1:1 on background, too light for text
    readonly property color medium: caution    // was #8a6d00
    readonly property color low: success

    // --- the colour pairs the components draw ----------------------------------------------------
    enum PairKind { TextPair, ControlPair }
    // foreground on background, and whether it is text (WCAG 1.4.3, 4.5:1) or a control's
    // boundary, an icon or a focus ring (1.4.11, 3:1). Add a pair here when a component draws a
    // new one; the contrast test reads this list.
    readonly property var contrastPairs: [
        // body text and secondary text on every surface
        { name: "textOnSurface on surface", fg: textOnSurface, bg: surface, kind: Theme.TextPair },
        { name: "textOnSurface on background", fg: textOnSurface, bg: background, kind: Theme.TextPair },
        { name: "textOnSurface on surfaceContainer", fg: textOnSurface, bg: surfaceContainer, kind: Theme.TextPair },
        { name: "textOnSurfaceVariant on surface", fg: textOnSurfaceVariant, bg: surface, kind: Theme.TextPair },
        { name: "textOnSurfaceVariant on background", fg: textOnSurfaceVariant, bg: background, kind: Theme.TextPair },
        { name: "textOnSurfaceVariant on surfaceContainer", fg: textOnSurfaceVariant, bg: surfaceContainer, kind: Theme.TextPair },
        { name: "placeholder on surface", fg: placeholder, bg: surface, kind: Theme.TextPair },
        // buttons: filled, tonal, outlined / text, danger
        { name: "textOnPrimary on primary", fg: textOnPrimary, bg: primary, kind: Theme.TextPair },
        { name: "textOnPrimaryContainer on primaryContainer", fg: textOnPrimaryContainer, bg: primaryContainer, kind: Theme.TextPair },
        { name: "primary on surface", fg: primary, bg: surface, kind: Theme.TextPair },
        { name: "primary on background", fg: primary, bg: background, kind: Theme.TextPair },
        { name: "textOnError on error", fg: textOnError, bg: error, kind: Theme.TextPair },
        // status text straight on the page (v1 urgent/high/medium/low)
        { name: "error on surface", fg: error, bg: surface, kind: Theme.TextPair },
        { name: "error on background", fg: error, bg: background, kind: Theme.TextPair },
        { name: "warning on surface", fg: warning, bg: surface, kind: Theme.TextPair },
        { name: "warning on background", fg: warning, bg: background, kind: Theme.TextPair },
        { name: "caution on surface", fg: caution, bg: surface, kind: Theme.TextPair },
        { name: "caution on background", fg: caution, bg: background, kind: Theme.TextPair },
        { name: "success on surface", fg: success, bg: surface, kind: Theme.TextPair },
        { name: "success on background", fg: success, bg: background, kind: Theme.TextPair },
        { name: "info on surface", fg: info, bg: surface, kind: Theme.TextPair },
        // banners and chips: text on their containers, and the strong colour as icon and border
        { name: "textOnErrorContainer on errorContainer", fg: textOnErrorContainer, bg: errorContainer, kind: Theme.TextPair },
        { name: "textOnWarningContainer on warningContainer", fg: textOnWarningContainer, bg: warningContainer, kind: Theme.TextPair },
        { name: "textOnCautionContainer on cautionContainer", fg: textOnCautionContainer, bg: cautionContainer, kind: Theme.TextPair },
        { name: "textOnSuccessContainer on successContainer", fg: textOnSuccessContainer, bg: successContainer, kind: Theme.TextPair },
        { name: "textOnInfoContainer on infoContainer", fg: textOnInfoContainer, bg: infoContainer, kind: Theme.TextPair },
        { name: "textOnSurface on errorContainer", fg: textOnSurface, bg: errorContainer, kind: Theme.TextPair },
        { name: "textOnSurface on warningContainer", fg: textOnSurface, bg: warningContainer, kind: Theme.TextPair },
        { name: "textOnSurface on cautionContainer", fg: textOnSurface, bg: cautionContainer, kind: Theme.TextPair },
        { name: "textOnSurface on successContainer", fg: textOnSurface, bg: successContainer, kind: Theme.TextPair },
        { name: "textOnSurface on infoContainer", fg: textOnSurface, bg: infoContainer, kind: Theme.TextPair },
        { name: "error icon on errorContainer", fg: error, bg: errorContainer, kind: Theme.ControlPair },
        { name: "warning icon on warningContainer", fg: warning, bg: warningContainer, kind: Theme.ControlPair },
        { name: "caution icon on cautionContainer", fg: caution, bg: cautionContainer, kind: Theme.ControlPair },
        { name: "success icon on successContainer", fg: success, bg: successContainer, kind: Theme.ControlPair },
        { name: "info icon on infoContainer", fg: info, bg: infoContainer, kind: Theme.ControlPair },
        // snackbar
        { name: "inverseOnSurface on inverseSurface", fg: inverseOnSurface, bg: inverseSurface, kind: Theme.TextPair },
        { name: "inversePrimary on inverseSurface", fg: inversePrimary, bg: inverseSurface, kind: Theme.TextPair },
        // control boundaries and focus rings
        { name: "outline on surface", fg: outline, bg: surface, kind: Theme.ControlPair },
        { name: "outline on background", fg: outline, bg: background, kind: Theme.ControlPair },
        { name: "primary on surface (focus ring, selected)", fg: primary, bg: surface, kind: Theme.ControlPair },
        { name: "primary on background (filled button)", fg: primary, bg: background, kind: Theme.ControlPair },
        { name: "error on surface (field in error)", fg: error, bg: surface, kind: Theme.ControlPair },
        { name: "error on background (danger button)", fg: error, bg: background, kind: Theme.ControlPair },
        { name: "primary on primaryContainer (selected chip border)", fg: primary, bg: primaryContainer, kind: Theme.ControlPair },
        { name: "inverseSurface on background (snackbar)", fg: inverseSurface, bg: background, kind: Theme.ControlPair }
    ]

    // The non-empty parts joined by `separator`: a row's accessible name or meta line never shows
    // an empty slot or a doubled separator.
    function joinParts(parts: var, separator: string): string {
        let joined = ""
        for (let i = 0; i < parts.length; ++i) {
            const part = String(parts[i])
            if (part !== "")
                joined = joined === "" ? part : joined + separator + part
        }
        return joined
    }
}
