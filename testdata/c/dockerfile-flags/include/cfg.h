#ifndef CFG_H
#define CFG_H
#define NAME_LEN 8
#endif
