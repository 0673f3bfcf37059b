#pragma once

#include "Database.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>

// A fresh workspace file in a temporary folder, removed with the fixture.
struct TestWorkspace
{
    QTemporaryDir dir;
    std::unique_ptr<overrule::Database> db;

    TestWorkspace()
    {
        overrule::Database::Options options;
        options.attachSearch = true; // as the window's connection
        auto opened = overrule::Database::open(path(), options);
        if (!opened)
            qFatal("cannot open test workspace: %s", qPrintable(opened.error().toString()));
        db = std::move(opened).value();
    }
    QString path() const { return dir.filePath(QStringLiteral("workspace.overrule")); }
};
