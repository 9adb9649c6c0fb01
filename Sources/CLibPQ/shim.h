// libpq, PostgreSQL's C client, for the PostgresStore target (the only one that imports this
// module). libpq's calls have fixed arity; the helpers below only keep C callbacks out of Swift.
#ifndef SENTAG_CLIBPQ_SHIM_H
#define SENTAG_CLIBPQ_SHIM_H

#include <libpq-fe.h>

static void sentag_pq_ignore_notice(void *arg, const char *message) {
    (void)arg;
    (void)message;
}

/// Drops the server's notices (`relation … already exists, skipping`) that libpq would otherwise
/// print on standard error, in the middle of a labeling screen.
static inline void sentag_pq_silence_notices(PGconn *connection) {
    PQsetNoticeProcessor(connection, sentag_pq_ignore_notice, NULL);
}

#endif
