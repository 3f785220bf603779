#ifndef AUDIT_H
#define AUDIT_H
#define AUDIT_LINE 16
#endif
