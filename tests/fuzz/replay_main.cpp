// fuzz_regression: every file of tests/fuzz/corpus/TARGET and tests/fuzz/regressions/TARGET
// through TARGET's entry point, in the normal build (no libFuzzer), so a crash found once stays
// tested. A folder naming no target, or a target without seeds, fails too: nothing is skipped
// silently.
//   fuzz_regression DIR...   (each DIR holds one folder per target)

#include "tests/fuzz/fuzz_target.h"

#include <QDir>
#include <QFile>

#include <cstdio>
#include <set>

using namespace cairn;

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: fuzz_regression DIR... (folders of inputs named by target)\n");
        return 2;
    }
    int files = 0;
    std::set<std::string> seeded;
    for (int i = 1; i < argc; ++i) {
        const QDir root(QString::fromLocal8Bit(argv[i]));
        if (!root.exists()) {
            std::fprintf(stderr, "fuzz_regression: no folder %s\n", argv[i]);
            return 1;
        }
        for (const QString &name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const auto target = fuzz::targets().find(name.toStdString());
            if (target == fuzz::targets().end()) {
                std::fprintf(stderr, "fuzz_regression: %s/%s names no fuzz target\n", argv[i], qPrintable(name));
                return 1;
            }
            const QDir folder(root.filePath(name));
            for (const QString &entry : folder.entryList(QDir::Files, QDir::Name)) {
                QFile file(folder.filePath(entry));
                if (!file.open(QIODevice::ReadOnly)) {
                    std::fprintf(stderr, "fuzz_regression: cannot read %s\n", qPrintable(file.fileName()));
                    return 1;
                }
                const QByteArray input = file.readAll();
                fuzz::currentInput() = file.fileName().toStdString();
                target->second(reinterpret_cast<const std::uint8_t *>(input.constData()),
                               static_cast<std::size_t>(input.size()));
                seeded.insert(target->first);
                ++files;
            }
        }
    }
    fuzz::currentInput().clear();
    for (const auto &[name, entry] : fuzz::targets()) {
        if (!seeded.count(name)) {
            std::fprintf(stderr, "fuzz_regression: target %s has no inputs (add seeds to tests/fuzz/corpus/%s)\n",
                         name.c_str(), name.c_str());
            return 1;
        }
    }
    std::printf("fuzz_regression: %d inputs through %zu targets, every invariant held\n", files,
                fuzz::targets().size());
    return 0;
}
