// The app's reusable components (qml/components/) as a user meets them: real instances on the
// offscreen platform, driven with mouse and key clicks. Language is the C++ singleton main.cpp
// makes, as the app's main() does.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtTest
import Cairn

Item {
    id: root
    width: 900
    height: 900

    // Every item under `item` (visible or not) for which `accept` holds, in tree order; the insides
    // of items for which `prune` holds are not searched.
    function collect(item, accept, prune) {
        let found = []
        for (let i = 0; i < item.children.length; ++i) {
            const child = item.children[i]
            if (accept(child))
                found.push(child)
            if (!prune || !prune(child))
                found = found.concat(collect(child, accept, prune))
        }
        return found
    }
    // Buttons (Qt Quick Controls AbstractButton) have a clicked signal and autoExclusive.
    function isButton(item) {
        return item.clicked !== undefined && item.autoExclusive !== undefined && item.text !== undefined
    }
    function buttons(item) {
        return collect(item, isButton)
    }
    function buttonWithText(item, text) {
        const found = collect(item, child => isButton(child) && child.text === text)
        return found.length === 1 ? found[0] : null
    }
    // Text shown by labels (not buttons or fields) that the user can see right now.
    function shownTexts(item) {
        // A button's or a field's own text items are their business, not shown text.
        const control = child => isButton(child) || child.placeholderText !== undefined
        return collect(item, child => child.text !== undefined && !control(child) && isShown(child, item), control)
               .map(child => child.text)
    }
    function isShown(item, top) {
        for (let it = item; it; it = it.parent) {
            if (!it.visible)
                return false
            if (it === top)
                return true
        }
        return true
    }

    Component { id: pinPadComponent; PinPad {} }
    Component { id: gapChipComponent; GapChip {} }
    Component { id: narrowFlowComponent; Flow { width: 220 } }
    Component { id: scriptCardComponent; ScriptCard { width: 700 } }
    Component { id: languageSwitchComponent; LanguageSwitch {} }
    Component { id: signalSpyComponent; SignalSpy {} }

    TestCase {
        name: "PinPad"
        when: windowShown

        SignalSpy { id: submittedSpy; signalName: "submitted" }

        function createPad() {
            const pad = createTemporaryObject(pinPadComponent, root)
            verify(pad)
            submittedSpy.target = pad
            submittedSpy.clear()
            // The keys are laid out once the layouts have been polished.
            tryVerify(() => root.buttons(pad).every(key => key.width > 0 && key.height > 0))
            return pad
        }
        function key(pad, text) {
            const found = root.buttonWithText(pad, text)
            verify(found, "no key " + text)
            return found
        }
        function display(pad) {
            const texts = root.shownTexts(pad)
            compare(texts.length, 1)
            return texts[0]
        }

        function test_twelveKeysLargeAndNamed() {
            const pad = createPad()
            const keys = root.buttons(pad)
            compare(keys.length, 12)
            const names = []
            for (const k of keys) {
                verify(k.Accessible.name.length > 0, "key " + k.text + " has no accessible name")
                verify(k.width >= 48, "key " + k.text + " is " + k.width + " px wide")
                verify(k.height >= 48, "key " + k.text + " is " + k.height + " px high")
                names.push(k.Accessible.name)
            }
            for (let d = 0; d <= 9; ++d)
                verify(names.indexOf("Digit " + d) >= 0, "no key named Digit " + d)
            verify(names.indexOf("Delete last digit") >= 0)
            verify(names.indexOf("Sign in") >= 0)
        }

        function test_tappingDigitsBuildsAMaskedPin() {
            const pad = createPad()
            compare(display(pad), "Enter your PIN")
            mouseClick(key(pad, "2"))
            mouseClick(key(pad, "4"))
            mouseClick(key(pad, "6"))
            compare(pad.pin, "246")
            // Only dots are shown, never the digits; the count is spoken.
            compare(display(pad), "●●●")
            for (const text of root.shownTexts(pad))
                verify(!/[0-9]/.test(text), "a digit is shown: " + text)
            const shown = root.collect(pad, child => child.text === "●●●")
            compare(shown.length, 1)
            compare(shown[0].Accessible.name, "3 digits entered")
        }

        function test_deleteRemovesTheLastDigit() {
            const pad = createPad()
            mouseClick(key(pad, "1"))
            mouseClick(key(pad, "2"))
            mouseClick(key(pad, "3"))
            mouseClick(key(pad, "Delete"))
            compare(pad.pin, "12")
            compare(display(pad), "●●")
            mouseClick(key(pad, "Delete"))
            mouseClick(key(pad, "Delete"))
            compare(pad.pin, "")
            compare(display(pad), "Enter your PIN")
            // Delete on an empty PIN does nothing harmful.
            mouseClick(key(pad, "Delete"))
            compare(pad.pin, "")
        }

        function test_signInNeedsFourDigitsThenEmitsThePinAndClearsIt() {
            const pad = createPad()
            const signIn = key(pad, "Sign in")
            mouseClick(key(pad, "9"))
            mouseClick(key(pad, "0"))
            mouseClick(key(pad, "7"))
            verify(!signIn.enabled)
            mouseClick(signIn)
            compare(submittedSpy.count, 0)
            compare(pad.pin, "907")
            mouseClick(key(pad, "5"))
            verify(signIn.enabled)
            mouseClick(signIn)
            compare(submittedSpy.count, 1)
            compare(submittedSpy.signalArguments[0][0], "9075")
            // The digits are not kept once submitted.
            compare(pad.pin, "")
            compare(display(pad), "Enter your PIN")
            verify(!signIn.enabled)
        }

        function test_stopsAtMaxLength() {
            const pad = createPad()
            pad.maxLength = 4
            for (const d of ["1", "2", "3", "4", "5", "6"])
                mouseClick(key(pad, d))
            compare(pad.pin, "1234")
        }

        function test_busyIgnoresTaps() {
            const pad = createPad()
            mouseClick(key(pad, "1"))
            pad.busy = true
            for (const k of root.buttons(pad))
                verify(!k.enabled, "key " + k.text + " is enabled while busy")
            mouseClick(key(pad, "2"))
            compare(pad.pin, "1")
        }
    }

    TestCase {
        name: "GapChip"
        when: windowShown

        function test_showsLabelAndStatusInWords() {
            const chip = createTemporaryObject(gapChipComponent, root,
                                               { label: "Urine drug test", statusLabel: "Overdue", severity: "high" })
            verify(chip)
            const texts = root.shownTexts(chip)
            compare(texts.length, 1)
            verify(texts[0].indexOf("Urine drug test") >= 0, texts[0])
            verify(texts[0].indexOf("Overdue") >= 0, texts[0])
            compare(chip.Accessible.name, "Urine drug test, Overdue")
            compare(chip.Accessible.role, Accessible.StaticText)
            verify(chip.height >= 48, "chip is " + chip.height + " px high")
        }

        function test_aLongGapNameWrapsInsideItsRowAndIsNeverCut() {
            // Spanish and large text make gap names long; a row of chips (a Flow) gives no width.
            const flow = createTemporaryObject(narrowFlowComponent, root)
            const chip = createTemporaryObject(gapChipComponent, flow,
                                               { label: "Prueba de drogas en orina", statusLabel: "Vencida", severity: "high" })
            const labels = root.collect(chip, child => child.text !== undefined && child.lineCount !== undefined)
            compare(labels.length, 1)
            tryVerify(() => chip.width <= flow.width, 1000, "chip " + chip.width + " px in a " + flow.width + " px row")
            verify(labels[0].lineCount > 1, "the label wraps")
            verify(!labels[0].truncated)
            verify(chip.height >= labels[0].height, "chip " + chip.height + " px holds its " + labels[0].height + " px label")
            verify(labels[0].x + labels[0].width <= chip.width)
        }

        function test_severityIsNotColourAlone() {
            // Each level has its own icon shape and its own words for assistive technology, not
            // only its own colour.
            const levels = ["urgent", "high", "medium", "low"]
            const glyphs = []
            const descriptions = []
            for (const severity of levels) {
                const chip = createTemporaryObject(gapChipComponent, root,
                                                   { label: "Naloxone", statusLabel: "Missing", severity: severity })
                const icons = root.collect(chip, child => child.objectName === "gapChipIcon")
                compare(icons.length, 1)
                verify(root.isShown(icons[0], chip))
                glyphs.push(icons[0].glyph)
                descriptions.push(chip.Accessible.description)
                compare(root.shownTexts(chip)[0], "Naloxone · Missing")
            }
            compare(new Set(glyphs).size, 4, glyphs)
            compare(new Set(descriptions).size, 4, descriptions)
            compare(descriptions[0], "Urgent")
        }

        function test_onlyAnInteractiveChipLooksAndActsLikeAButton() {
            const plain = createTemporaryObject(gapChipComponent, root, { label: "PEG score", statusLabel: "Overdue", severity: "high" })
            compare(plain.border.width, 0)
            compare(plain.Accessible.role, Accessible.StaticText)
            const chip = createTemporaryObject(gapChipComponent, root,
                                               { label: "PEG score", statusLabel: "Overdue", severity: "high", interactive: true })
            verify(chip.border.width > 0)
            compare(chip.Accessible.role, Accessible.Button)
            const spy = createTemporaryObject(signalSpyComponent, root, { target: chip, signalName: "activated" })
            mouseClick(chip)
            compare(spy.count, 1)
        }

        function test_withoutStatusTheNameIsTheLabel() {
            const chip = createTemporaryObject(gapChipComponent, root, { label: "PEG score" })
            compare(root.shownTexts(chip)[0], "PEG score")
            compare(chip.Accessible.name, "PEG score")
        }
    }

    TestCase {
        name: "ScriptCard"
        when: windowShown

        SignalSpy { id: usedSpy; signalName: "markUsed" }

        readonly property var steps: [
            { title: "Open", phrasings: ["How has the pain been this month?"] },
            { title: "Listen", phrasings: ["Tell me more.", "What helps?"] },
            { title: "Plan", phrasings: ["Let us decide together."] }
        ]

        function createCard(extra) {
            const properties = { scriptId: "taper-talk", title: "Talking about a taper",
                                 situation: "When the dose is high", steps: steps, used: false }
            for (const k in extra)
                properties[k] = extra[k]
            const card = createTemporaryObject(scriptCardComponent, root, properties)
            verify(card)
            usedSpy.target = card
            usedSpy.clear()
            return card
        }
        function button(card, text) {
            const found = root.buttonWithText(card, text)
            verify(found, "no button " + text)
            tryVerify(() => found.width > 0 && found.height > 0)
            return found
        }
        function stepLine(card) {
            const lines = root.shownTexts(card).filter(t => t.startsWith("Step "))
            compare(lines.length, 1)
            return lines[0]
        }

        function test_closedShowsTitleAndSituation() {
            const card = createCard({})
            const texts = root.shownTexts(card)
            verify(texts.indexOf("Talking about a taper") >= 0, texts)
            verify(texts.indexOf("When the dose is high") >= 0, texts)
            verify(texts.every(t => !t.startsWith("Step ")), texts)
            compare(button(card, "Open").Accessible.name, "Open Talking about a taper")
        }

        function test_stepsAdvanceAndGoBack() {
            const card = createCard({})
            mouseClick(button(card, "Open"))
            verify(card.open)
            compare(stepLine(card), "Step 1 of 3: Open")
            verify(root.shownTexts(card).indexOf("“How has the pain been this month?”") >= 0)
            const previous = button(card, "Previous")
            const next = button(card, "Next")
            verify(!previous.enabled)
            verify(next.enabled)
            verify(previous.height >= 48 && next.height >= 48)

            mouseClick(next)
            compare(stepLine(card), "Step 2 of 3: Listen")
            let texts = root.shownTexts(card)
            verify(texts.indexOf("“Tell me more.”") >= 0, texts)
            verify(texts.indexOf("“What helps?”") >= 0, texts)
            verify(texts.indexOf("“How has the pain been this month?”") < 0, texts)
            verify(previous.enabled)

            mouseClick(next)
            compare(stepLine(card), "Step 3 of 3: Plan")
            verify(!next.enabled)
            mouseClick(next)  // disabled: stays on the last step
            compare(stepLine(card), "Step 3 of 3: Plan")

            mouseClick(previous)
            compare(stepLine(card), "Step 2 of 3: Listen")

            // Closing and opening again starts from the first step.
            mouseClick(button(card, "Close"))
            verify(!card.open)
            mouseClick(button(card, "Open"))
            compare(stepLine(card), "Step 1 of 3: Open")
        }

        function test_markUsedEmitsTheScriptAndTheNote() {
            const card = createCard({})
            mouseClick(button(card, "Open"))
            const fields = root.collect(card, child => child.placeholderText !== undefined)
            compare(fields.length, 1)
            const note = fields[0]
            tryVerify(() => note.width > 0 && note.height > 0)
            mouseClick(note)
            tryVerify(() => note.activeFocus)
            for (const ch of "ok")
                keyClick(ch)
            compare(note.text, "ok")

            const markUsed = button(card, "Mark as used")
            compare(markUsed.Accessible.name, "Record that Talking about a taper was used")
            verify(markUsed.height >= 48)
            mouseClick(markUsed)
            compare(usedSpy.count, 1)
            compare(usedSpy.signalArguments[0][0], "taper-talk")
            compare(usedSpy.signalArguments[0][1], "ok")
            // The private note is not kept after it is recorded.
            compare(note.text, "")
        }

        function test_usedScriptsSayUsed() {
            const card = createCard({ used: true })
            verify(root.shownTexts(card).indexOf("Talking about a taper · used") >= 0)
        }

        function test_rehearsalRecordsNothing() {
            const card = createCard({ recordable: false })
            mouseClick(button(card, "Open"))
            const markUsed = root.buttonWithText(card, "Mark as used")
            verify(markUsed)
            verify(!root.isShown(markUsed, card))
            const fields = root.collect(card, child => child.placeholderText !== undefined)
            verify(!root.isShown(fields[0], card))
        }
    }

    TestCase {
        name: "LanguageSwitch"
        when: windowShown

        function cleanup() {
            Language.setLanguage("en")
        }

        function createSwitch() {
            const languageSwitch = createTemporaryObject(languageSwitchComponent, root)
            verify(languageSwitch)
            tryVerify(() => root.buttons(languageSwitch).every(b => b.width > 0 && b.height > 0))
            return languageSwitch
        }
        function choice(languageSwitch, code) {
            const found = root.collect(languageSwitch, child => child.objectName === "language_" + code)
            compare(found.length, 1)
            return found[0]
        }

        function test_oneButtonPerLanguageCurrentHighlighted() {
            const languageSwitch = createSwitch()
            const choices = root.buttons(languageSwitch)
            compare(choices.length, Language.available.length)
            compare(choices.length, 2)
            for (const language of Language.available) {
                const b = choice(languageSwitch, language.code)
                compare(b.text, language.name)
                verify(b.height >= 48, language.code + " is " + b.height + " px high")
                verify(b.Accessible.name.indexOf(language.name) >= 0, b.Accessible.name)
            }
            compare(Language.current, "en")
            verify(choice(languageSwitch, "en").highlighted)
            verify(choice(languageSwitch, "en").Accessible.checked)
            verify(!choice(languageSwitch, "es").highlighted)
            verify(!choice(languageSwitch, "es").Accessible.checked)
            compare(choice(languageSwitch, "en").Accessible.name, "Show the app in English")
        }

        function test_tappingALanguageSwitchesAndHighlightsIt() {
            const languageSwitch = createSwitch()
            const english = choice(languageSwitch, "en")
            const spanish = choice(languageSwitch, "es")
            verify(root.shownTexts(languageSwitch).indexOf("Language") >= 0)
            mouseClick(spanish)
            compare(Language.current, "es")
            verify(spanish.highlighted)
            verify(!english.highlighted)
            // The switch itself now speaks Spanish; the language names stay in their own language.
            verify(root.shownTexts(languageSwitch).indexOf("Language") < 0, root.shownTexts(languageSwitch))
            compare(spanish.text, "Español")
            compare(english.text, "English")
            // Tapping the chosen language again keeps it chosen.
            mouseClick(spanish)
            compare(Language.current, "es")
            verify(spanish.highlighted)

            mouseClick(english)
            compare(Language.current, "en")
            verify(english.highlighted)
            verify(!spanish.highlighted)
            verify(root.shownTexts(languageSwitch).indexOf("Language") >= 0)
        }
    }

    // --- the design system (Theme v2 and its components) ----------------------------------------

    // WCAG 2.2 relative luminance and contrast ratio, computed here and not taken from the Theme,
    // so the check does not trust the code it checks.
    function luminance(c) {
        const lin = v => v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)
        return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
    }
    function contrast(a, b) {
        const la = luminance(Qt.color(a)), lb = luminance(Qt.color(b))
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
    }
    // The pairs below their minimum: 4.5:1 for text, 3:1 for control boundaries and icons.
    function contrastFailures(pairs) {
        const failures = []
        for (const p of pairs) {
            const needed = p.kind === Theme.TextPair ? 4.5 : 3.0
            const ratio = contrast(p.fg, p.bg)
            if (!(ratio >= needed))
                failures.push(p.name + ": " + ratio.toFixed(2) + ":1, needs " + needed + ":1")
        }
        return failures
    }
    // Everything a finger can use: buttons and text fields.
    function isInteractive(item) {
        return isButton(item) || item.placeholderText !== undefined
    }

    Component { id: cButtonComponent; CButton { text: "Save PEG" } }
    Component { id: scaleFieldComponent; ScaleField { width: 800; question: "Pain on average"; shortName: "Pain"; lowAnchor: "No pain"; highAnchor: "Worst imaginable" } }
    Component {
        id: formFieldComponent
        FormField {
            width: 400
            label: "Days' supply"
            required: true
            helperText: "From the prescription"
            CTextField { suffix: "days" }
        }
    }
    Component { id: dateFieldComponent; DateField { width: 400; label: "Last fill" } }
    Component { id: timeFieldComponent; TimeField { label: "Call time" } }
    Component { id: bannerComponent; StatusBanner { width: 600 } }
    Component { id: chipsComponent; ChoiceChips { width: 600; label: "Outcome"; model: ["Reached", "No answer", "Left a message"] } }
    Component {
        id: listRowComponent
        ListRow {
            width: 700
            title: "Maria Guadalupe Fernández-Ortega de la Cruz"
            meta: "SYN-000057"
            identityWidth: 220
            Label { text: "54 MME"; Layout.fillWidth: true }
        }
    }
    Component { id: emptyStateComponent; EmptyState { width: 500; title: "No one due"; text: "Every PEG is up to date."; actionText: "Show everyone" } }
    Component { id: snackbarComponent; Snackbar {} }
    Component { id: cardComponent; Card { width: 500; title: "Naloxone"; Label { text: "Prescribed 3 Mar 2026" } } }

    TestCase {
        name: "ThemeContrast"

        function test_theKnownRatiosComeOut() {
            fuzzyCompare(root.contrast("#000000", "#ffffff"), 21, 0.01)
            fuzzyCompare(root.contrast("#ffffff", "#ffffff"), 1, 0.001)
            fuzzyCompare(root.contrast("#767676", "#ffffff"), 4.54, 0.01)
            fuzzyCompare(root.contrast("#ffffff", "#767676"), 4.54, 0.01)
        }

        function test_aPairThatIsTooLightFails() {
            // The v1 `high` on the background (4.12:1) and Basic's field border (1.72:1).
            const bad = [{ name: "old high text", fg: "#c2571a", bg: "#f6f5f2", kind: Theme.TextPair },
                         { name: "old field border", fg: "#bdbdbd", bg: "#f6f5f2", kind: Theme.ControlPair },
                         { name: "outline as text", fg: "#767676", bg: "#f6f5f2", kind: Theme.TextPair }]
            const failures = root.contrastFailures(bad)
            compare(failures.length, 3, failures)
            // The same outline is fine as a control boundary.
            compare(root.contrastFailures([{ name: "outline", fg: "#767676", bg: "#f6f5f2", kind: Theme.ControlPair }]).length, 0)
        }

        function test_everyThemePairMeetsWcagAA() {
            const pairs = Theme.contrastPairs
            verify(pairs.length >= 40, "only " + pairs.length + " pairs")
            for (const p of pairs) {
                verify(p.kind === Theme.TextPair || p.kind === Theme.ControlPair, p.name)
                verify(Qt.color(p.fg).a === 1 && Qt.color(p.bg).a === 1, p.name + " is not opaque")
            }
            const failures = root.contrastFailures(pairs)
            compare(failures.length, 0, failures.join("; "))
        }

        function test_oldNamesMapOntoV2() {
            compare(Theme.high, Theme.warning)
            compare(String(Theme.high), "#9a4313")
            compare(String(Theme.medium), "#735b00")
            compare(Theme.accent, Theme.primary)
            compare(Theme.text, Theme.textOnSurface)
            compare(Theme.minTouch, 48)
            verify(Theme.fontSmall >= 16)
            for (const f of [Theme.display, Theme.headline, Theme.titleLarge, Theme.titleMedium, Theme.bodyLarge,
                             Theme.bodyMedium, Theme.labelLarge])
                verify(f.pixelSize >= 16, "a type token is " + f.pixelSize + " px")
        }
    }

    TestCase {
        name: "CButton"
        when: windowShown

        SignalSpy { id: cButtonClicked; signalName: "clicked" }

        function test_variantsAreLargeAndNamedByTheirText() {
            for (const variant of [CButton.Filled, CButton.Tonal, CButton.Outlined, CButton.Text, CButton.Danger]) {
                const b = createTemporaryObject(cButtonComponent, root, { variant: variant })
                verify(b.height >= 48 && b.width >= 48, "variant " + variant + " is " + b.width + "×" + b.height)
                compare(b.Accessible.name, "Save PEG")
            }
            const large = createTemporaryObject(cButtonComponent, root, { large: true })
            compare(large.height, 56)
        }

        function test_aDisabledButtonSaysWhy() {
            const b = createTemporaryObject(cButtonComponent, root, { disabledReason: "Answer all three questions first" })
            cButtonClicked.target = b
            cButtonClicked.clear()
            verify(root.shownTexts(b).indexOf("Answer all three questions first") < 0, "reason shown while enabled")
            mouseClick(b)
            compare(cButtonClicked.count, 1)
            b.enabled = false
            verify(root.shownTexts(b).indexOf("Answer all three questions first") >= 0, root.shownTexts(b))
            compare(b.Accessible.description, "Answer all three questions first")
            verify(b.height >= 48 + 16, "no room for the reason: " + b.height)
            mouseClick(b, b.width / 2, 24)
            compare(cButtonClicked.count, 1)
        }
    }

    TestCase {
        name: "ScaleField"
        when: windowShown

        SignalSpy { id: chosenSpy; signalName: "chosen" }

        function createScale(extra) {
            const scale = createTemporaryObject(scaleFieldComponent, root, extra || {})
            verify(scale)
            chosenSpy.target = scale
            chosenSpy.clear()
            tryVerify(() => root.buttons(scale).every(b => b.width > 0 && b.height > 0))
            return scale
        }

        function test_startsWithNoAnswer() {
            const scale = createScale()
            compare(scale.value, -1)
            verify(!scale.answered)
            const scores = root.buttons(scale)
            compare(scores.length, 11)
            for (let i = 0; i <= 10; ++i) {
                compare(scores[i].text, String(i))
                verify(!scores[i].checked, "score " + i + " is chosen before any tap")
                compare(scores[i].Accessible.role, Accessible.RadioButton)
                compare(scores[i].Accessible.name, "Pain, " + i + " of 10")
                verify(scores[i].width >= 48 && scores[i].height >= 48, "score " + i + " is " + scores[i].width + "×" + scores[i].height)
            }
            const texts = root.shownTexts(scale)
            verify(texts.indexOf("No pain") >= 0 && texts.indexOf("Worst imaginable") >= 0, texts)
            compare(chosenSpy.count, 0)
        }

        function test_anchorsSitUnderZeroAndTen() {
            const scale = createScale()
            const scores = root.buttons(scale)
            const low = root.collect(scale, c => c.text === "No pain")[0]
            const high = root.collect(scale, c => c.text === "Worst imaginable")[0]
            const zero = scores[0].mapToItem(scale, 0, 0)
            const ten = scores[10].mapToItem(scale, scores[10].width, 0)
            const lowAt = low.mapToItem(scale, 0, 0)
            const highAt = high.mapToItem(scale, high.width, 0)
            fuzzyCompare(lowAt.x, zero.x, 1)
            fuzzyCompare(highAt.x, ten.x, 1)
            verify(lowAt.y > zero.y + scores[0].height - 1)
        }

        function test_onlyATapChooses() {
            const scale = createScale()
            // A value given by the screen is shown but is not a new answer.
            scale.value = 4
            compare(chosenSpy.count, 0)
            scale.value = -1
            const scores = root.buttons(scale)
            mouseClick(scores[7])
            compare(chosenSpy.count, 1)
            compare(chosenSpy.signalArguments[0][0], 7)
            compare(scale.value, 7)
            for (let i = 0; i <= 10; ++i)
                compare(scores[i].checked, i === 7, "score " + i)
            verify(scores[7].Accessible.checked)
            mouseClick(scores[0])
            compare(scale.value, 0)
            compare(chosenSpy.count, 2)
        }

        function test_digitKeysChoose() {
            const scale = createScale()
            scale.forceActiveFocus()
            keyClick(Qt.Key_7)
            compare(scale.value, 7)
            compare(chosenSpy.count, 1)
            // "1" then "0" is ten, not one and then zero.
            keyClick(Qt.Key_1)
            keyClick(Qt.Key_0)
            compare(scale.value, 10)
            compare(chosenSpy.count, 2)
            // "1" on its own is one, after a moment.
            keyClick(Qt.Key_1)
            tryCompare(scale, "value", 1)
            compare(chosenSpy.count, 3)
            keyClick(Qt.Key_A)
            compare(scale.value, 1)
        }
    }

    TestCase {
        name: "FormField"
        when: windowShown

        function test_labelHelperAndErrorAreShownAndSpoken() {
            const field = createTemporaryObject(formFieldComponent, root)
            const input = field.control
            verify(input)
            let texts = root.shownTexts(field)
            verify(texts.indexOf("Days' supply *") >= 0, texts)
            verify(texts.indexOf("From the prescription") >= 0, texts)
            compare(input.Accessible.name, "Days' supply")
            compare(input.Accessible.description, "From the prescription")
            verify(input.height >= 56)
            compare(input.width, field.width)

            field.error = "Enter the number of days, 1 to 90"
            texts = root.shownTexts(field)
            verify(texts.indexOf("Enter the number of days, 1 to 90") >= 0, texts)
            verify(texts.indexOf("From the prescription") < 0, texts)
            compare(input.Accessible.description, "Enter the number of days, 1 to 90")
            compare(field.Accessible.description, "Enter the number of days, 1 to 90")
            compare(input.error, "Enter the number of days, 1 to 90")
            // An icon goes with the error, so it is not told by colour alone.
            const icons = root.collect(field, c => c.glyph === Icon.Error && root.isShown(c, field))
            compare(icons.length, 1)

            field.error = ""
            compare(input.Accessible.description, "From the prescription")
            compare(input.error, "")
        }
    }

    TestCase {
        name: "DateField"
        when: windowShown

        SignalSpy { id: dateChosen; signalName: "chosen" }

        function opener(field) {
            const found = root.collect(field, c => c.objectName === "dateFieldOpener")
            compare(found.length, 1)
            return found[0]
        }
        function popupButton(name) {
            const found = root.collect(Overlay.overlay ?? root.Window.contentItem, c => c.objectName === name && root.isShown(c, null))
            return found.length > 0 ? found[0] : null
        }
        function tag(field) {
            return root.collect(field, c => c.objectName === "fromRecordTag")[0]
        }
        function today() {
            const now = new Date()
            const pad = n => (n < 10 ? "0" : "") + n
            return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate())
        }

        function test_emptyUntilChosen() {
            const field = createTemporaryObject(dateFieldComponent, root)
            dateChosen.target = field
            dateChosen.clear()
            verify(!field.hasDate)
            compare(field.isoDate, "")
            compare(root.collect(field, c => c.objectName === "dateFieldText")[0].text, "Choose a date")
            verify(!root.isShown(tag(field), field))
            // fromRecord with no date shows no tag.
            field.fromRecord = true
            verify(!root.isShown(tag(field), field))
            field.fromRecord = false
            const o = opener(field)
            verify(o.height >= 48)
            verify(o.Accessible.name.length > 0)

            mouseClick(o)
            let todayButton = null
            tryVerify(() => (todayButton = popupButton("dateToday")) !== null && todayButton.width > 0)
            compare(dateChosen.count, 0)
            verify(!field.hasDate, "opening the calendar chose a date")
            mouseClick(todayButton)
            compare(dateChosen.count, 1)
            verify(field.hasDate)
            compare(field.isoDate, today())
            verify(!root.isShown(tag(field), field))
        }

        function test_fromRecordTagOnlyForARecordedDate() {
            const field = createTemporaryObject(dateFieldComponent, root, { date: new Date(2026, 10, 7), fromRecord: true })
            compare(field.isoDate, "2026-11-07")
            compare(field.displayText, "7 Nov 2026")
            compare(root.collect(field, c => c.objectName === "dateFieldText")[0].text, "7 Nov 2026")
            verify(root.isShown(tag(field), field))
            compare(tag(field).text, "From record")
            // Once someone chooses another date it is theirs, not the record's.
            field.choose(new Date(2026, 10, 9))
            verify(!field.fromRecord)
            verify(!root.isShown(tag(field), field))
        }

        function test_typedDatesAreChecked() {
            const field = createTemporaryObject(dateFieldComponent, root)
            mouseClick(opener(field))
            let typed = null
            tryVerify(() => (typed = popupButton("dateTyped")) !== null && typed.width > 0)
            typed.text = "2026-02-30"
            mouseClick(popupButton("dateUseTyped"))
            verify(!field.hasDate)
            verify(typed.error.length > 0)
            typed.text = "2026-02-28"
            mouseClick(popupButton("dateUseTyped"))
            compare(field.isoDate, "2026-02-28")
        }
    }

    TestCase {
        name: "TimeField"
        when: windowShown

        function test_emptyByDefaultAndChecked() {
            const field = createTemporaryObject(timeFieldComponent, root)
            compare(field.text, "")
            compare(field.time, "")
            verify(field.height >= 48)
            compare(field.Accessible.name, "Call time")
            mouseClick(field)
            tryVerify(() => field.activeFocus)
            for (const k of [Qt.Key_7, Qt.Key_Colon, Qt.Key_0, Qt.Key_5])
                keyClick(k)
            compare(field.time, "07:05")
            field.text = "12:"
            field.focus = false
            verify(field.error.length > 0)
            compare(field.time, "")
        }
    }

    TestCase {
        name: "StatusBanner"
        when: windowShown

        function test_errorsAreAlertsAndStay() {
            const banner = createTemporaryObject(bannerComponent, root,
                                                 { kind: StatusBanner.Error, title: "Sync problem", text: "Records stay on this tablet.", dismissible: true })
            compare(banner.Accessible.role, Accessible.AlertMessage)
            verify(banner.Accessible.name.indexOf("Sync problem") >= 0)
            verify(banner.Accessible.name.indexOf("Error") >= 0, banner.Accessible.name)
            compare(root.buttons(banner).filter(b => root.isShown(b, banner)).length, 0)
            verify(banner.height >= 56)
            const icons = root.collect(banner, c => c.glyph === Icon.Error && root.isShown(c, banner))
            compare(icons.length, 1)
        }

        function test_otherKindsSayTheirKindAndMayBeDismissed() {
            const banner = createTemporaryObject(bannerComponent, root,
                                                 { kind: StatusBanner.Warning, text: "Offline for more than a day", dismissible: true })
            compare(banner.Accessible.role, Accessible.StaticText)
            compare(banner.Accessible.name, "Warning: Offline for more than a day")
            const shown = root.buttons(banner).filter(b => root.isShown(b, banner))
            compare(shown.length, 1)
            verify(shown[0].width >= 48 && shown[0].height >= 48)
            verify(shown[0].Accessible.name.length > 0)
            mouseClick(shown[0])
            verify(!banner.visible)
        }
    }

    TestCase {
        name: "ChoiceChips"
        when: windowShown

        SignalSpy { id: chipActivated; signalName: "activated" }

        function test_nothingChosenUntilTapped() {
            const chips = createTemporaryObject(chipsComponent, root)
            chipActivated.target = chips
            chipActivated.clear()
            const options = root.buttons(chips)
            compare(options.length, 3)
            compare(chips.currentIndex, -1)
            for (const o of options) {
                verify(!o.checked)
                compare(o.Accessible.role, Accessible.RadioButton)
            }
            compare(options[1].Accessible.name, "Outcome: No answer")
            mouseClick(options[1])
            compare(chips.currentIndex, 1)
            compare(chips.currentItem, "No answer")
            compare(chipActivated.count, 1)
            verify(options[1].checked && !options[0].checked && !options[2].checked)
        }
    }

    TestCase {
        name: "ListRow"
        when: windowShown

        function test_theNameWrapsAndIsNeverElided() {
            const row = createTemporaryObject(listRowComponent, root)
            verify(row.height >= 72)
            const title = root.collect(row, c => c.objectName === "listRowTitle")[0]
            tryVerify(() => title.width > 0)
            compare(title.text, "Maria Guadalupe Fernández-Ortega de la Cruz")
            verify(!title.truncated)
            verify(title.lineCount >= 2, "the long name is on " + title.lineCount + " line(s)")
            verify(row.Accessible.name.indexOf("Maria Guadalupe") === 0)
        }
    }

    TestCase {
        name: "Snackbar"
        when: windowShown

        SignalSpy { id: undoSpy; signalName: "actionTriggered" }

        function test_undoAndAutoDismiss() {
            const bar = createTemporaryObject(snackbarComponent, root)
            undoSpy.target = bar
            undoSpy.clear()
            bar.show("Naloxone recorded as prescribed today", "Undo")
            tryVerify(() => bar.opened)
            const undo = root.collect(bar.contentItem, c => c.objectName === "snackbarAction")[0]
            verify(undo.height >= 48 && undo.width >= 48)
            compare(undo.Accessible.name, "Undo")
            mouseClick(undo)
            compare(undoSpy.count, 1)
            tryVerify(() => !bar.visible)

            bar.timeout = 100
            bar.show("Saved", "")
            tryVerify(() => bar.opened)
            verify(!root.isShown(undo, bar.contentItem))
            tryVerify(() => !bar.visible, 3000)
            compare(undoSpy.count, 1)
        }
    }

    TestCase {
        name: "EveryControlIsLargeAndNamed"
        when: windowShown

        function test_sizesAndNames() {
            const made = [createTemporaryObject(cButtonComponent, root),
                          createTemporaryObject(scaleFieldComponent, root),
                          createTemporaryObject(formFieldComponent, root),
                          createTemporaryObject(dateFieldComponent, root),
                          createTemporaryObject(timeFieldComponent, root),
                          createTemporaryObject(bannerComponent, root, { kind: StatusBanner.Info, text: "Not connected", dismissible: true, actionText: "Set up" }),
                          createTemporaryObject(chipsComponent, root),
                          createTemporaryObject(listRowComponent, root),
                          createTemporaryObject(emptyStateComponent, root),
                          createTemporaryObject(cardComponent, root, { clickable: true }),
                          createTemporaryObject(gapChipComponent, root, { label: "Naloxone", statusLabel: "Missing", severity: "urgent", interactive: true })]
            let checked = 0
            for (const top of made) {
                const controls = (root.isInteractive(top) || top.clickable || top.interactive) ? [top] : []
                for (const c of controls.concat(root.collect(top, root.isInteractive))) {
                    if (!root.isShown(c, top))
                        continue
                    tryVerify(() => c.width > 0)
                    verify(c.width >= 48 && c.height >= 48, (c.Accessible.name || c.text) + " is " + c.width + "×" + c.height)
                    verify(c.Accessible.name.length > 0, "a control in " + top + " has no accessible name")
                    ++checked
                }
            }
            verify(checked >= 24, "only " + checked + " controls checked")
        }
    }
}
