#pragma once

#include "config/Config.h"
#include "engine/VerifyRunner.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace Tributary::Gui {

class VerifyReportModel;

// Source ▸ Verify: tributaryd verify's Verifier for one source (run by VerifyRunner on a thread
// of its own: it walks the whole source), with what the walk has read while it goes and Stop;
// then the table tributaryd verify prints, the checks, the examples the Verifier gives and the
// verdict in words. Not modal: the console stays usable; closing the dialog stops the verify.
class VerifyDialog : public QDialog
{
    Q_OBJECT
public:
    // `config` must hold `source`; it is copied.
    VerifyDialog(const Config &config, const QString &source, QWidget *parent = nullptr);
    ~VerifyDialog() override;

    QString source() const { return m_source; }
    // Starts the verify, or starts it again once it has ended.
    void start();
    void stop();
    bool isRunning() const;
    bool isFinished() const { return m_finished; }
    const VerifyOutcome &outcome() const { return m_outcome; }

    // IN SYNC, NOT IN SYNC (with the differences), or why it could not finish.
    QString verdictText() const;
    // The lines below the tables: examples, what "kept local", "quarantined" and "before start"
    // mean here, what could not be checked.
    QString detailsText() const;
    VerifyReportModel *entitiesModel() const { return m_entities; }
    VerifyReportModel *checksModel() const { return m_checks; }

Q_SIGNALS:
    void started(const QString &source);
    void verified(const Tributary::VerifyOutcome &outcome);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void onProgress(const QString &entity, qint64 records);
    void onFinished(const VerifyOutcome &outcome);
    QString verdict(const VerifyOutcome &o) const;
    QString details(const VerifyOutcome &o) const;

    const Config m_config;
    const QString m_source;
    QStringList m_order; // the entities, in the order verify takes them
    VerifyRunner *m_runner = nullptr;
    VerifyOutcome m_outcome;
    bool m_finished = false;

    QLabel *m_status = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_verdict = nullptr;
    QTableView *m_entitiesView = nullptr;
    QTableView *m_checksView = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPushButton *m_againButton = nullptr;
    VerifyReportModel *m_entities = nullptr;
    VerifyReportModel *m_checks = nullptr;
};

} // namespace Tributary::Gui
