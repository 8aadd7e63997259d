#ifndef SKEIN_CCMARK_SHIM_H
#define SKEIN_CCMARK_SHIM_H
#include <cmark.h>
#endif
