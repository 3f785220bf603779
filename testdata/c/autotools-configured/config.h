/* config.h.  Generated from config.h.in by configure.  */
/* Configured on a host without accept4: the context's own header wins
   over what Bulkhead's host has. */
/* #undef HAVE_ACCEPT4 */
#define RELAY_CONFIGURED 1
