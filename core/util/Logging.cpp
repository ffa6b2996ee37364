#include "Logging.h"

Q_LOGGING_CATEGORY(lcEngine, "tributary.core.engine", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApplier, "tributary.core.applier", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "tributary.core.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConfig, "tributary.core.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttpClient, "tributary.core.net.client", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttpServer, "tributary.core.net.server", QtWarningMsg)
Q_LOGGING_CATEGORY(lcVerify, "tributary.core.verify", QtInfoMsg)
Q_LOGGING_CATEGORY(lcService, "tributary.service", QtInfoMsg)
