// Every user-visible string of the app has a finished Spanish translation. lupdate runs over the
// current qml/ tree and the sources of tools/i18n/translatable-paths.txt (sync/client, the
// registry's refusal, the measures' names, ...) into a copy of assets/translations/cairn_es.ts,
// so a string added anywhere since the .ts was last updated shows up here as unfinished, and the
// test lists it. English plurals: the same sources, and the script that refreshes them.

#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations : public QObject {
    Q_OBJECT

    struct Untranslated {
        QString context;
        QString source;
    };

    // Messages of a .ts file whose translation is missing, empty or marked unfinished
    // (every plural form counts).
    static QList<Untranslated> untranslated(const QString &tsPath, int *total)
    {
        QFile file(tsPath);
        if (!file.open(QIODevice::ReadOnly))
            return {{QStringLiteral("(file)"), tsPath}};
        QXmlStreamReader xml(&file);
        QList<Untranslated> missing;
        QString context;
        QString source;
        bool finished = true;
        bool hasText = false;
        bool numerus = false;
        bool inTranslation = false;
        *total = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                const auto name = xml.name();
                if (name == QLatin1String("name")) {
                    context = xml.readElementText();
                } else if (name == QLatin1String("message")) {
                    source.clear();
                    finished = true;
                    hasText = false;
                    numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                    ++*total;
                } else if (name == QLatin1String("source")) {
                    source = xml.readElementText();
                } else if (name == QLatin1String("translation")) {
                    const auto type = xml.attributes().value(QLatin1String("type"));
                    finished = type.isEmpty();  // "unfinished", "vanished", "obsolete" all fail
                    inTranslation = true;
                    if (!numerus)
                        hasText = !xml.readElementText().trimmed().isEmpty();
                    else
                        hasText = true;  // checked form by form below
                } else if (name == QLatin1String("numerusform") && inTranslation) {
                    if (xml.readElementText().trimmed().isEmpty())
                        hasText = false;
                }
            } else if (xml.isEndElement()) {
                if (xml.name() == QLatin1String("translation"))
                    inTranslation = false;
                else if (xml.name() == QLatin1String("message") && (!finished || !hasText))
                    missing << Untranslated{context, source};
            }
        }
        if (xml.hasError())
            missing << Untranslated{QStringLiteral("(xml)"), xml.errorString()};
        return missing;
    }

    // The sources beyond qml/ the app's catalogues are made from (tools/i18n/translatable-paths.txt).
    static QStringList translatablePaths()
    {
        QFile file(QStringLiteral(CAIRN_SOURCE_DIR "/tools/i18n/translatable-paths.txt"));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            return {};
        QStringList paths;
        for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
            const QString path = line.trimmed();
            if (!path.isEmpty() && !path.startsWith(QLatin1Char('#')))
                paths << path;
        }
        return paths;
    }

    // The plural messages (context, source) of a .ts file.
    static QSet<QPair<QString, QString>> pluralMessages(const QString &tsPath)
    {
        QFile file(tsPath);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QXmlStreamReader xml(&file);
        QSet<QPair<QString, QString>> plurals;
        QString context;
        bool numerus = false;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("message"))
                numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            else if (xml.name() == QLatin1String("source") && numerus)
                plurals.insert({context, xml.readElementText()});
        }
        return plurals;
    }

    // lupdate over the current tree into a copy of the shipped catalogue `name`; returns the copy.
    static QString refreshedCopy(const QTemporaryDir &dir, const QString &name, const QStringList &extraOptions = {})
    {
        const QString source = QStringLiteral(CAIRN_SOURCE_DIR "/assets/translations/") + name;
        const QString copy = dir.filePath(name);
        if (!QFile::copy(source, copy))
            return {};
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(CAIRN_SOURCE_DIR));
        lupdate.start(QStringLiteral(CAIRN_LUPDATE),
                      extraOptions +
                          QStringList{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                                      QStringLiteral("none"), QStringLiteral("-I"), QStringLiteral("."),
                                      QStringLiteral("qml")} +
                          translatablePaths() + QStringList{QStringLiteral("-ts"), copy});
        if (!lupdate.waitForFinished(60'000) || lupdate.exitCode() != 0)
            return {};
        return copy;
    }

private slots:
    // English shows "1 patient" and "2 patients", never "patient(s)": every plural message has
    // its English forms in cairn_en.ts.
    void everyPluralHasItsEnglishForms()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = refreshedCopy(dir, QStringLiteral("cairn_en.ts"), {QStringLiteral("-pluralonly")});
        QVERIFY(!copy.isEmpty());
        int total = 0;
        const auto missing = untranslated(copy, &total);
        QVERIFY2(total >= 10, qPrintable(QStringLiteral("only %1 plural strings found").arg(total)));
        QStringList lines;
        for (const auto &m : missing)
            lines << QStringLiteral("  %1: \"%2\"").arg(m.context, m.source);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("plural strings without English forms (run "
                                                              "tools/i18n/update-english-plurals.sh):\n") +
                                               lines.join(QLatin1Char('\n'))));
        // And the forms are real English, not the "(s)" spelling.
        QFile file(copy);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("numerusform"))
                QVERIFY2(!xml.readElementText().contains(QStringLiteral("(s)")),
                         "an English plural form still says (s)");
        }
    }

    // tools/i18n/update-english-plurals.sh, run over a copy of cairn_en.ts, keeps every plural
    // message the app translates (the Spanish catalogue's, wherever its source lives: a scan of
    // qml/ alone would drop those of core/ and sync/) and gives each its English forms.
    void theEnglishPluralsScriptKeepsEveryPluralOfTheApp()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("cairn_en.ts"));
        QVERIFY(QFile::copy(QStringLiteral(CAIRN_SOURCE_DIR "/assets/translations/cairn_en.ts"), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess script;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LUPDATE"), QStringLiteral(CAIRN_LUPDATE));
        env.insert(QStringLiteral("CAIRN_EN_TS"), copy);
        script.setProcessEnvironment(env);
        script.start(QStringLiteral(CAIRN_SOURCE_DIR "/tools/i18n/update-english-plurals.sh"), {});
        QVERIFY(script.waitForFinished(120'000));
        QVERIFY2(script.exitStatus() == QProcess::NormalExit && script.exitCode() == 0,
                 script.readAllStandardError().constData());

        const auto english = pluralMessages(copy);
        const auto spanish = pluralMessages(QStringLiteral(CAIRN_SOURCE_DIR "/assets/translations/cairn_es.ts"));
        QVERIFY2(spanish.size() >= 10, "the Spanish catalogue's plural messages were not read");
        QStringList dropped;
        for (const auto &message : spanish)
            if (!english.contains(message))
                dropped << QStringLiteral("  %1: \"%2\"").arg(message.first, message.second);
        QVERIFY2(dropped.isEmpty(),
                 qPrintable(QStringLiteral("plural messages the script drops:\n") + dropped.join(QLatin1Char('\n'))));
        int total = 0;
        const auto unfinished = untranslated(copy, &total);
        QVERIFY2(unfinished.isEmpty(), "the script left a plural message without its English forms");
    }

    void everyStringInTheAppHasASpanishTranslation()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = refreshedCopy(dir, QStringLiteral("cairn_es.ts"));
        QVERIFY(!copy.isEmpty());

        int total = 0;
        const auto missing = untranslated(copy, &total);
        QVERIFY2(total > 100, qPrintable(QStringLiteral("only %1 strings found").arg(total)));
        QStringList lines;
        for (const auto &m : missing)
            lines << QStringLiteral("  %1: \"%2\"").arg(m.context, m.source);
        QVERIFY2(missing.isEmpty(),
                 qPrintable(
                     QStringLiteral("%1 of %2 strings have no finished Spanish translation (run the cairn_qml_lupdate "
                                    "target, translate them in assets/translations/cairn_es.ts):\n%3")
                         .arg(missing.size())
                         .arg(total)
                         .arg(lines.join(QLatin1Char('\n')))));
    }

    // The shipped .ts itself (what lrelease compiles) is complete too, whatever lupdate would add.
    void theShippedCatalogueIsComplete()
    {
        int total = 0;
        const auto missing = untranslated(QStringLiteral(CAIRN_SOURCE_DIR "/assets/translations/cairn_es.ts"), &total);
        QStringList lines;
        for (const auto &m : missing)
            lines << QStringLiteral("  %1: \"%2\"").arg(m.context, m.source);
        QVERIFY2(missing.isEmpty(), qPrintable(lines.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
