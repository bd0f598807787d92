// The app's reusable components (qml/components/) as a user meets them: real instances on the
// offscreen platform, driven with mouse and key clicks. Language is the C++ singleton main.cpp
// makes, as the app's main() does.
import QtQuick
import QtQuick.Controls
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
    Component { id: scoreRowComponent; ScoreRow { width: 700 } }
    Component { id: scriptCardComponent; ScriptCard { width: 700 } }
    Component { id: languageSwitchComponent; LanguageSwitch {} }

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

        function test_severityIsNotColourAlone() {
            // Urgent is marked in the text itself, not only by the border colour.
            const urgent = createTemporaryObject(gapChipComponent, root,
                                                 { label: "Naloxone", statusLabel: "Missing", severity: "urgent" })
            const low = createTemporaryObject(gapChipComponent, root,
                                              { label: "Naloxone", statusLabel: "Missing", severity: "low" })
            const urgentText = root.shownTexts(urgent)[0]
            const lowText = root.shownTexts(low)[0]
            verify(urgentText.indexOf("⚠") >= 0, urgentText)
            verify(lowText.indexOf("⚠") < 0, lowText)
            verify(urgentText !== lowText)
            verify(urgent.border.color !== low.border.color)
        }

        function test_withoutStatusTheNameIsTheLabel() {
            const chip = createTemporaryObject(gapChipComponent, root, { label: "PEG score" })
            compare(root.shownTexts(chip)[0], "PEG score")
            compare(chip.Accessible.name, "PEG score")
        }
    }

    TestCase {
        name: "ScoreRow"
        when: windowShown

        function createRow() {
            const row = createTemporaryObject(scoreRowComponent, root,
                                              { question: "Pain on average", lowAnchor: "No pain", highAnchor: "Worst imaginable" })
            verify(row)
            tryVerify(() => root.buttons(row).every(b => b.width > 0 && b.height > 0))
            return row
        }

        function test_elevenLargeNamedButtons() {
            const row = createRow()
            const scores = root.buttons(row)
            compare(scores.length, 11)
            for (let i = 0; i <= 10; ++i) {
                compare(scores[i].text, String(i))
                compare(scores[i].Accessible.name, "Pain on average: " + i)
                verify(scores[i].width >= 48, "score " + i + " is " + scores[i].width + " px wide")
                verify(scores[i].height >= 48, "score " + i + " is " + scores[i].height + " px high")
                verify(!scores[i].checked)
            }
            compare(row.value, -1)
            const texts = root.shownTexts(row)
            verify(texts.indexOf("Pain on average") >= 0)
            verify(texts.indexOf("0 = No pain") >= 0)
            verify(texts.indexOf("10 = Worst imaginable") >= 0)
        }

        function test_choosingAScoreExposesItAndMarksOnlyThatButton() {
            const row = createRow()
            const scores = root.buttons(row)
            for (const chosen of [7, 0, 10, 3]) {
                mouseClick(scores[chosen])
                compare(row.value, chosen)
                for (let i = 0; i <= 10; ++i)
                    compare(scores[i].checked, i === chosen, "score " + i + " after choosing " + chosen)
            }
        }

        function test_aValueSetFromOutsideIsShown() {
            const row = createRow()
            row.value = 5
            const scores = root.buttons(row)
            for (let i = 0; i <= 10; ++i)
                compare(scores[i].checked, i === 5)
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
}
