#include "ForumLogging.h"

Q_LOGGING_CATEGORY(lcForumSim, "tributary.sources.forum.sim", QtInfoMsg)
