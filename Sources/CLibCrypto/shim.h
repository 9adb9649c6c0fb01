// The system's libcrypto (OpenSSL), for SHA-256 through its EVP digest calls. Only the
// Checksums target imports this module.
#ifndef SENTAG_CLIBCRYPTO_SHIM_H
#define SENTAG_CLIBCRYPTO_SHIM_H

#include <openssl/evp.h>

#endif
