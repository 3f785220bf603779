#!/usr/bin/env python3
"""Generate Juliet-style (NIST SARD) test cases for Bulkhead.

Layout: cases/<cwe>/<source>[+<sink>]/<variant>/<context>/{*.c,std_testcase.h,support.c,compile_commands.json}
Each case dir also gets meta.json: {"cwe":..., "context":..., "marks": [[file,line],...]}
The expected bad sink line carries the comment  /* EXPECTED-SINK */.

Usage: python3 gen.py [--all-sources] [--combined] [OUTDIR]
  --combined: Juliet layout instead: one directory per CWE (default OUTDIR combined/) holding all
              testcases, bad() and the Juliet good functions of a testcase in the same file(s).
  default: all flow variants with the primary source (fgets / console),
           plus variant 01 with every source and every alternative sink.
"""
import json, os, re, shutil, sys, textwrap

MARK = "/* EXPECTED-SINK */"

# ---------------------------------------------------------------- support files
STD_H = r'''#ifndef STD_TESTCASE_H
#define STD_TESTCASE_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stddef.h>
#include <time.h>
#include <wchar.h>
#include <limits.h>
#ifndef _WIN32
#include <unistd.h>
#endif

#define URAND31() (((unsigned)rand()<<30) ^ ((unsigned)rand()<<15) ^ rand())
#define RAND32() ((int)(rand() & 1 ? URAND31() : -URAND31() - 1))

void printLine(const char * line);
void printIntLine(int intNumber);
void printSizeTLine(size_t sizeTNumber);

int globalReturnsTrue(void);
int globalReturnsFalse(void);
int globalReturnsTrueOrFalse(void);

extern const int GLOBAL_CONST_TRUE;
extern const int GLOBAL_CONST_FALSE;
extern const int GLOBAL_CONST_FIVE;
extern int globalTrue;
extern int globalFalse;
extern int globalFive;
#endif
'''

SUPPORT_C = r'''#include "std_testcase.h"

void printLine(const char * line)
{
    if(line != NULL)
    {
        printf("%s\n", line);
    }
}

void printIntLine(int intNumber)
{
    printf("%d\n", intNumber);
}

void printSizeTLine(size_t sizeTNumber)
{
    printf("%zu\n", sizeTNumber);
}

int globalReturnsTrue(void)
{
    return 1;
}

int globalReturnsFalse(void)
{
    return 0;
}

int globalReturnsTrueOrFalse(void)
{
    return (rand() % 2);
}

const int GLOBAL_CONST_TRUE = 1;
const int GLOBAL_CONST_FALSE = 0;
const int GLOBAL_CONST_FIVE = 5;
int globalTrue = 1;
int globalFalse = 0;
int globalFive = 5;
'''

SOCKET_PRELUDE = r'''#ifdef _WIN32
#include <winsock2.h>
#include <windows.h>
#include <direct.h>
#pragma comment(lib, "ws2_32")
#define CLOSE_SOCKET closesocket
#else /* NOT _WIN32 */
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>
#define INVALID_SOCKET -1
#define SOCKET_ERROR -1
#define CLOSE_SOCKET close
#define SOCKET int
#endif
#define TCP_PORT 27015
#define IP_ADDRESS "127.0.0.1"
#define LISTEN_BACKLOG 5
'''

# ---------------------------------------------------------------- sources
def str_sources(BUF):
    return {
        "console": r'''{
    /* Read input from the console */
    size_t dataLen = strlen(data);
    /* if there is room in data, read into it from the console */
    if (BUF-dataLen > 1)
    {
        /* POTENTIAL FLAW: Read data from the console */
        if (fgets(data+dataLen, (int)(BUF-dataLen), stdin) != NULL)
        {
            /* The next few lines remove the carriage return from the string that is
             * inserted by fgets() */
            dataLen = strlen(data);
            if (dataLen > 0 && data[dataLen-1] == '\n')
            {
                data[dataLen-1] = '\0';
            }
        }
        else
        {
            printLine("fgets() failed");
            /* Restore NUL terminator if fgets fails */
            data[dataLen] = '\0';
        }
    }
}'''.replace("BUF", BUF),
        "environment": r'''{
    /* Append input from an environment variable to data */
    size_t dataLen = strlen(data);
    char * environment = GETENV(ENV_VARIABLE);
    /* If there is data in the environment variable */
    if (environment != NULL)
    {
        /* POTENTIAL FLAW: Read data from an environment variable */
        strncat(data+dataLen, environment, BUF-dataLen-1);
    }
}'''.replace("BUF", BUF),
        "file": r'''{
    /* Read input from a file */
    size_t dataLen = strlen(data);
    FILE * pFile;
    /* if there is room in data, attempt to read the input from a file */
    if (BUF-dataLen > 1)
    {
        pFile = fopen(FILENAME, "r");
        if (pFile != NULL)
        {
            /* POTENTIAL FLAW: Read data from a file */
            if (fgets(data+dataLen, (int)(BUF-dataLen), pFile) == NULL)
            {
                printLine("fgets() failed");
                /* Restore NUL terminator if fgets fails */
                data[dataLen] = '\0';
            }
            fclose(pFile);
        }
    }
}'''.replace("BUF", BUF),
        "connect_socket": r'''{
    int recvResult;
    struct sockaddr_in service;
    char *replace;
    SOCKET connectSocket = INVALID_SOCKET;
    size_t dataLen = strlen(data);
    do
    {
        /* POTENTIAL FLAW: Read data using a connect socket */
        connectSocket = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        if (connectSocket == INVALID_SOCKET)
        {
            break;
        }
        memset(&service, 0, sizeof(service));
        service.sin_family = AF_INET;
        service.sin_addr.s_addr = inet_addr(IP_ADDRESS);
        service.sin_port = htons(TCP_PORT);
        if (connect(connectSocket, (struct sockaddr*)&service, sizeof(service)) == SOCKET_ERROR)
        {
            break;
        }
        /* Abort on error or the connection was closed, make sure to recv one
         * less char than is in the recv_buf in order to append a terminator */
        /* Abort on error or the connection was closed */
        recvResult = recv(connectSocket, (char *)(data + dataLen), sizeof(char) * (BUF - dataLen - 1), 0);
        if (recvResult == SOCKET_ERROR || recvResult == 0)
        {
            break;
        }
        /* Append null terminator */
        data[dataLen + recvResult / sizeof(char)] = '\0';
        /* Eliminate CRLF */
        replace = strchr(data, '\r');
        if (replace)
        {
            *replace = '\0';
        }
        replace = strchr(data, '\n');
        if (replace)
        {
            *replace = '\0';
        }
    }
    while (0);
    if (connectSocket != INVALID_SOCKET)
    {
        CLOSE_SOCKET(connectSocket);
    }
}'''.replace("BUF", BUF),
        "listen_socket": r'''{
    int recvResult;
    struct sockaddr_in service;
    char *replace;
    SOCKET listenSocket = INVALID_SOCKET;
    SOCKET acceptSocket = INVALID_SOCKET;
    size_t dataLen = strlen(data);
    do
    {
        listenSocket = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        if (listenSocket == INVALID_SOCKET)
        {
            break;
        }
        memset(&service, 0, sizeof(service));
        service.sin_family = AF_INET;
        service.sin_addr.s_addr = INADDR_ANY;
        service.sin_port = htons(TCP_PORT);
        if (bind(listenSocket, (struct sockaddr*)&service, sizeof(service)) == SOCKET_ERROR)
        {
            break;
        }
        if (listen(listenSocket, LISTEN_BACKLOG) == SOCKET_ERROR)
        {
            break;
        }
        acceptSocket = accept(listenSocket, NULL, NULL);
        if (acceptSocket == SOCKET_ERROR)
        {
            break;
        }
        /* Abort on error or the connection was closed */
        recvResult = recv(acceptSocket, (char *)(data + dataLen), sizeof(char) * (BUF - dataLen - 1), 0);
        if (recvResult == SOCKET_ERROR || recvResult == 0)
        {
            break;
        }
        /* Append null terminator */
        data[dataLen + recvResult / sizeof(char)] = '\0';
        /* Eliminate CRLF */
        replace = strchr(data, '\r');
        if (replace)
        {
            *replace = '\0';
        }
        replace = strchr(data, '\n');
        if (replace)
        {
            *replace = '\0';
        }
    }
    while (0);
    if (listenSocket != INVALID_SOCKET)
    {
        CLOSE_SOCKET(listenSocket);
    }
    if (acceptSocket != INVALID_SOCKET)
    {
        CLOSE_SOCKET(acceptSocket);
    }
}'''.replace("BUF", BUF),
    }


def int_sources(conv, fmt):
    """conv: e.g. 'atoi(inputBuffer)'; fmt: fscanf format"""
    sock_common_head = r'''{
    int recvResult;
    struct sockaddr_in service;
    SOCKET %s = INVALID_SOCKET;
%s    char inputBuffer[CHAR_ARRAY_SIZE];
    do
    {
'''
    return {
        "fscanf": r'''/* POTENTIAL FLAW: Read data from the console using fscanf() */
fscanf(stdin, "%s", &data);''' % fmt,
        "fgets": r'''{
    char inputBuffer[CHAR_ARRAY_SIZE] = "";
    /* POTENTIAL FLAW: Read data from the console using fgets() */
    if (fgets(inputBuffer, CHAR_ARRAY_SIZE, stdin) != NULL)
    {
        /* Convert to int */
        data = CONV;
    }
    else
    {
        printLine("fgets() failed.");
    }
}'''.replace("CONV", conv),
        "connect_socket": r'''{
    int recvResult;
    struct sockaddr_in service;
    SOCKET connectSocket = INVALID_SOCKET;
    char inputBuffer[CHAR_ARRAY_SIZE];
    do
    {
        /* POTENTIAL FLAW: Read data using a connect socket */
        connectSocket = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        if (connectSocket == INVALID_SOCKET)
        {
            break;
        }
        memset(&service, 0, sizeof(service));
        service.sin_family = AF_INET;
        service.sin_addr.s_addr = inet_addr(IP_ADDRESS);
        service.sin_port = htons(TCP_PORT);
        if (connect(connectSocket, (struct sockaddr*)&service, sizeof(service)) == SOCKET_ERROR)
        {
            break;
        }
        /* Abort on error or the connection was closed, make sure to recv one
         * less char than is in the recv_buf in order to append a terminator */
        recvResult = recv(connectSocket, inputBuffer, CHAR_ARRAY_SIZE - 1, 0);
        if (recvResult == SOCKET_ERROR || recvResult == 0)
        {
            break;
        }
        /* NUL-terminate the string */
        inputBuffer[recvResult] = '\0';
        /* Convert to int */
        data = CONV;
    }
    while (0);
    if (connectSocket != INVALID_SOCKET)
    {
        CLOSE_SOCKET(connectSocket);
    }
}'''.replace("CONV", conv),
        "listen_socket": r'''{
    int recvResult;
    struct sockaddr_in service;
    SOCKET listenSocket = INVALID_SOCKET;
    SOCKET acceptSocket = INVALID_SOCKET;
    char inputBuffer[CHAR_ARRAY_SIZE];
    do
    {
        listenSocket = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        if (listenSocket == INVALID_SOCKET)
        {
            break;
        }
        memset(&service, 0, sizeof(service));
        service.sin_family = AF_INET;
        service.sin_addr.s_addr = INADDR_ANY;
        service.sin_port = htons(TCP_PORT);
        if (bind(listenSocket, (struct sockaddr*)&service, sizeof(service)) == SOCKET_ERROR)
        {
            break;
        }
        if (listen(listenSocket, LISTEN_BACKLOG) == SOCKET_ERROR)
        {
            break;
        }
        acceptSocket = accept(listenSocket, NULL, NULL);
        if (acceptSocket == SOCKET_ERROR)
        {
            break;
        }
        /* Abort on error or the connection was closed */
        recvResult = recv(acceptSocket, inputBuffer, CHAR_ARRAY_SIZE - 1, 0);
        if (recvResult == SOCKET_ERROR || recvResult == 0)
        {
            break;
        }
        /* NUL-terminate the string */
        inputBuffer[recvResult] = '\0';
        /* Convert to int */
        data = CONV;
    }
    while (0);
    if (listenSocket != INVALID_SOCKET)
    {
        CLOSE_SOCKET(listenSocket);
    }
    if (acceptSocket != INVALID_SOCKET)
    {
        CLOSE_SOCKET(acceptSocket);
    }
}'''.replace("CONV", conv),
        "rand": r'''/* POTENTIAL FLAW: Set data to a random value */
data = RAND32();''',
    }

# ---------------------------------------------------------------- CWE specs
# Each spec: kind str/int, T (type), decl lines, sources, good_src, sinks{name:(bad,good|None,extra_prelude)}
CWES = {}

CWES["CWE78"] = dict(
    name="CWE78_OS_Command_Injection__char",
    T="char *",
    decl='char * data;\nchar dataBuffer[100] = FULL_COMMAND;\ndata = dataBuffer;',
    prelude=r'''#include <wchar.h>
#ifdef _WIN32
#define FULL_COMMAND "dir "
#else
#include <unistd.h>
#define FULL_COMMAND "ls "
#endif
#define ENV_VARIABLE "ADD"
#ifdef _WIN32
#define GETENV getenv
#else
#define GETENV getenv
#endif
#ifdef _WIN32
#define FILENAME "C:\\temp\\file.txt"
#else
#define FILENAME "/tmp/file.txt"
#endif
#ifdef _WIN32
#define COMMAND_INT_PATH "%WINDIR%\\system32\\cmd.exe"
#define COMMAND_INT "cmd.exe"
#define COMMAND_ARG1 "/c"
#define COMMAND_ARG2 "dir "
#define COMMAND_ARG3 data
#else /* NOT _WIN32 */
#include <unistd.h>
#define COMMAND_INT_PATH "/bin/sh"
#define COMMAND_INT "sh"
#define COMMAND_ARG1 "-c"
#define COMMAND_ARG2 "ls "
#define COMMAND_ARG3 data
#endif
#ifdef _WIN32
#include <process.h>
#define EXECL _execl
#define POPEN _popen
#define PCLOSE _pclose
#else /* NOT _WIN32 */
#define EXECL execl
#define POPEN popen
#define PCLOSE pclose
#endif
#ifdef _WIN32
#define SYSTEM system
#else /* NOT _WIN32 */
#define SYSTEM system
#endif
''',
    sources=str_sources("100"),
    primary="console",
    good_src='/* FIX: Append a fixed string to data (not user input) */\nstrcat(data, "*.*");',
    b2g=False,
    sinks={
        "system": (r'''/* POTENTIAL FLAW: Execute command in data possibly leading to command injection */
if (SYSTEM(data) != 0) %s
{
    printLine("command execution failed!");
    exit(1);
}''' % MARK, None),
        "popen": (r'''{
    FILE *pipe;
    /* POTENTIAL FLAW: Execute command in data possibly leading to command injection */
    pipe = POPEN(data, "w"); %s
    if (pipe != NULL)
    {
        PCLOSE(pipe);
    }
}''' % MARK, None),
        "execl": (r'''/* execl - specify the path where the command is located */
/* POTENTIAL FLAW: Execute command without validating input possibly leading to command injection */
EXECL(COMMAND_INT_PATH, COMMAND_INT_PATH, COMMAND_ARG1, COMMAND_ARG3, NULL); %s''' % MARK, None),
    },
    primary_sink="system",
    recall_rules={"c.command-injection"},
    fam_rules={"c.command-injection"},
)

CWES["CWE134"] = dict(
    name="CWE134_Uncontrolled_Format_String__char",
    T="char *",
    decl='char * data;\nchar dataBuffer[100] = "";\ndata = dataBuffer;',
    prelude=r'''#ifndef _WIN32
#include <wchar.h>
#endif
#include <stdarg.h>
#include <syslog.h>
#define ENV_VARIABLE "ADD"
#ifdef _WIN32
#define GETENV getenv
#else
#define GETENV getenv
#endif
#ifdef _WIN32
#define FILENAME "C:\\temp\\file.txt"
#else
#define FILENAME "/tmp/file.txt"
#endif
#ifdef _WIN32
#define SNPRINTF _snprintf
#else
#define SNPRINTF snprintf
#endif
''',
    sources=str_sources("100"),
    primary="console",
    good_src='/* FIX: Use a fixed string that does not contain a format specifier */\nstrcpy(data, "fixedstringtest");',
    b2g=True,
    sinks={
        "printf": ('/* POTENTIAL FLAW: Do not specify the format allowing a possible format string vulnerability */\nprintf(data); %s' % MARK,
                   '/* FIX: Specify the format disallowing a format string vulnerability */\nprintf("%s\\n", data);'),
        "fprintf": ('/* POTENTIAL FLAW: Do not specify the format allowing a possible format string vulnerability */\nfprintf(stdout, data); %s' % MARK,
                    '/* FIX: Specify the format disallowing a format string vulnerability */\nfprintf(stdout, "%s\\n", data);'),
        "snprintf": (r'''{
    char dest[100] = "";
    /* POTENTIAL FLAW: Do not specify the format allowing a possible format string vulnerability */
    SNPRINTF(dest, 100-1, data); %s
    printLine(dest);
}''' % MARK, r'''{
    char dest[100] = "";
    /* FIX: Specify the format disallowing a format string vulnerability */
    SNPRINTF(dest, 100-1, "%s", data);
    printLine(dest);
}'''),
        "syslog": ('/* POTENTIAL FLAW: Do not specify the format allowing a possible format string vulnerability */\nsyslog(LOG_INFO, data); %s' % MARK,
                   '/* FIX: Specify the format disallowing a format string vulnerability */\nsyslog(LOG_INFO, "%s", data);'),
        # vprintf: the flaw is in a variadic helper (static, defined in the prelude of the file holding the sink)
        "vprintf": ('vaSinkBad(data, data);', 'vaSinkGood(data, data);'),
    },
    sink_helpers={"vprintf": r'''static void vaSinkBad(char * data, ...)
{
    {
        va_list args;
        va_start(args, data);
        /* POTENTIAL FLAW: Do not specify the format allowing a possible format string vulnerability */
        vprintf(data, args); %s
        va_end(args);
    }
}

static void vaSinkGood(char * data, ...)
{
    {
        va_list args;
        va_start(args, data);
        /* FIX: Specify the format disallowing a format string vulnerability */
        vprintf("%%s", args);
        va_end(args);
    }
}
''' % MARK},
    primary_sink="printf",
    recall_rules={"c.format-string"},
    fam_rules={"c.format-string"},
)

CWES["CWE23"] = dict(
    name="CWE23_Relative_Path_Traversal__char",
    T="char *",
    decl='char * data;\nchar dataBuffer[FILENAME_MAX] = BASEPATH;\ndata = dataBuffer;',
    prelude=r'''#ifdef _WIN32
#define BASEPATH "c:\\temp\\"
#else
#include <wchar.h>
#define BASEPATH "/tmp/"
#endif
#define ENV_VARIABLE "ADD"
#ifdef _WIN32
#define GETENV getenv
#else
#define GETENV getenv
#endif
#ifdef _WIN32
#define FILENAME "C:\\temp\\file.txt"
#else
#define FILENAME "/tmp/file.txt"
#endif
#ifdef _WIN32
#define FOPEN fopen
#define OPEN _open
#define CLOSE _close
#else
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>
#define FOPEN fopen
#define OPEN open
#define CLOSE close
#endif
''',
    sources=str_sources("FILENAME_MAX"),
    primary="console",
    good_src='/* FIX: Use a fixed file name */\nstrcat(data, "file.txt");',
    b2g=False,
    sinks={
        "fopen": (r'''{
    FILE *pFile = NULL;
    /* POTENTIAL FLAW: Possibly opening a file without validating the file name or path */
    pFile = FOPEN(data, "wb+"); %s
    if (pFile != NULL)
    {
        fclose(pFile);
    }
}''' % MARK, None),
        "open": (r'''{
    int fileDesc;
    /* POTENTIAL FLAW: Possibly opening a file without validating the file name or path */
    fileDesc = OPEN(data, O_RDWR|O_CREAT, S_IREAD|S_IWRITE); %s
    if (fileDesc != -1)
    {
        CLOSE(fileDesc);
    }
}''' % MARK, None),
    },
    primary_sink="fopen",
    recall_rules={"c.path-traversal"},
    fam_rules={"c.path-traversal"},
)

CWES["CWE606"] = dict(
    name="CWE606_Unchecked_Loop_Condition__char",
    T="char *",
    decl='char * data;\nchar dataBuffer[100] = "";\ndata = dataBuffer;',
    prelude=r'''#define MAX_LOOP 10000
#ifndef _WIN32
#include <wchar.h>
#endif
#define ENV_VARIABLE "ADD"
#ifdef _WIN32
#define GETENV getenv
#else
#define GETENV getenv
#endif
#ifdef _WIN32
#define FILENAME "C:\\temp\\file.txt"
#else
#define FILENAME "/tmp/file.txt"
#endif
''',
    sources=str_sources("100"),
    primary="console",
    good_src='/* FIX: Set data to a number less than MAX_LOOP */\nstrcpy(data, "15");',
    b2g=True,
    sinks={
        "loop": (r'''{
    int i, n, intVariable;
    if (sscanf(data, "%%d", &n) == 1)
    {
        /* POTENTIAL FLAW: user-supplied value 'n' could lead to very large loop iteration */
        intVariable = 0;
        for (i = 0; i < n; i++) %s
        {
            /* INCIDENTAL: CWE 191 Integer Underflow */
            intVariable++; /* avoid a dead/empty code block issue */
        }
        printIntLine(intVariable);
    }
}''' % MARK, r'''{
    int i, n, intVariable;
    if (sscanf(data, "%d", &n) == 1)
    {
        /* FIX: limit loop iteration counts */
        if (n < MAX_LOOP)
        {
            intVariable = 0;
            for (i = 0; i < n; i++)
            {
                /* INCIDENTAL: CWE 191 Integer Underflow */
                intVariable++; /* avoid a dead/empty code block issue */
            }
            printIntLine(intVariable);
        }
    }
}'''),
    },
    primary_sink="loop",
    recall_rules={"c.tainted-loop-bound"},
    fam_rules={"c.tainted-loop-bound"},
)

CWES["CWE789"] = dict(
    name="CWE789_Uncontrolled_Mem_Alloc__malloc_char",
    T="size_t",
    decl='size_t data;\n/* Initialize data */\ndata = 0;',
    prelude=r'''#define HELLO_STRING "hello"
#define CHAR_ARRAY_SIZE (3 * sizeof(data) + 2)
''',
    sources=int_sources("strtoul(inputBuffer, NULL, 0)", "%zu"),
    primary="fgets",
    good_src='/* FIX: Use a relatively small number for memory allocation */\ndata = 20;',
    b2g=True,
    sinks={
        "malloc": (r'''{
    char * myString;
    /* POTENTIAL FLAW: No maximum size for data */
    /* POTENTIAL FLAW: There is a possible integer overflow in this calculation */
    if (data > strlen(HELLO_STRING))
    {
        myString = (char *)malloc(data*sizeof(char)); %s
        if (myString == NULL) {exit(-1);}
        /* Copy a small string into myString */
        strcpy(myString, HELLO_STRING);
        printLine(myString);
        free(myString);
    }
    else
    {
        printLine("Input is less than the length of the source string");
    }
}''' % MARK, r'''{
    char * myString;
    /* FIX: Include a MAXIMUM limitation for memory allocation and a check to ensure data is large enough
     * for the strcpy() function to not cause a buffer overflow */
    /* INCIDENTAL FLAW: The source could cause a type overrun in data or in the memory allocation */
    if (data > strlen(HELLO_STRING) && data < 100)
    {
        myString = (char *)malloc(data*sizeof(char));
        if (myString == NULL) {exit(-1);}
        /* Copy a small string into myString */
        strcpy(myString, HELLO_STRING);
        printLine(myString);
        free(myString);
    }
    else
    {
        printLine("Input is less than the length of the source string or is too large");
    }
}'''),
    },
    primary_sink="malloc",
    recall_rules={"c.tainted-alloc-size"},
    fam_rules={"c.tainted-alloc-size", "c.integer-overflow", "c.tainted-length"},
)

CWES["CWE129"] = dict(
    name="CWE121_Stack_Based_Buffer_Overflow__CWE129",
    T="int",
    decl='int data;\n/* Initialize data */\ndata = -1;',
    prelude=r'''#define CHAR_ARRAY_SIZE (3 * sizeof(data) + 2)
''',
    sources=dict(int_sources("atoi(inputBuffer)", "%d"),
                 large='/* POTENTIAL FLAW: Use an invalid index */\ndata = 10;'),
    primary="fgets",
    good_src='/* FIX: Use a value greater than 0, but less than 10 to avoid attempting to\n * access an index of the array in the sink that is out-of-bounds */\ndata = 7;',
    b2g=True,
    sinks={
        "stack_write": (r'''{
    int i;
    int buffer[10] = { 0 };
    /* POTENTIAL FLAW: Attempt to write to an index of the array that is above the upper bound
     * This code does check to see if the array index is negative */
    if (data >= 0)
    {
        buffer[data] = 1; %s
        /* Print the array values */
        for(i = 0; i < 10; i++)
        {
            printIntLine(buffer[i]);
        }
    }
    else
    {
        printLine("ERROR: Array index is negative.");
    }
}''' % MARK, r'''{
    int i;
    int buffer[10] = { 0 };
    /* FIX: Properly validate the array index and prevent a buffer overflow */
    if (data >= 0 && data < (10))
    {
        buffer[data] = 1;
        /* Print the array values */
        for(i = 0; i < 10; i++)
        {
            printIntLine(buffer[i]);
        }
    }
    else
    {
        printLine("ERROR: Array index is out-of-bounds");
    }
}'''),
        "heap_write": (r'''{
    int i;
    int * buffer = (int *)malloc(10 * sizeof(int));
    if (buffer == NULL) {exit(-1);}
    /* initialize buffer */
    for (i = 0; i < 10; i++)
    {
        buffer[i] = 0;
    }
    /* POTENTIAL FLAW: Attempt to write to an index of the array that is above the upper bound
     * This code does check to see if the array index is negative */
    if (data >= 0)
    {
        buffer[data] = 1; %s
        /* Print the array values */
        for(i = 0; i < 10; i++)
        {
            printIntLine(buffer[i]);
        }
    }
    else
    {
        printLine("ERROR: Array index is negative.");
    }
    free(buffer);
}''' % MARK, None),
        "read": (r'''{
    int buffer[10] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
    /* POTENTIAL FLAW: Attempt to access an index of the array that is above the upper bound
     * This check does not check the upper bounds of the array index */
    if (data >= 0)
    {
        printIntLine(buffer[data]); %s
    }
    else
    {
        printLine("ERROR: Array index is negative");
    }
}''' % MARK, None),
    },
    primary_sink="stack_write",
    recall_rules={"c.tainted-index", "c.stack-buffer-overflow", "c.heap-buffer-overflow", "c.buffer-over-read"},
    fam_rules={"c.tainted-index", "c.stack-buffer-overflow", "c.heap-buffer-overflow", "c.buffer-overflow",
               "c.buffer-over-read", "c.buffer-underwrite", "c.buffer-under-read"},
)

CWES["CWE122"] = dict(
    name="CWE122_Heap_Based_Buffer_Overflow__c_CWE805_char",
    T="char *",
    decl='char * data;\ndata = NULL;',
    prelude="",
    sources=dict(malloc='/* FLAW: Allocate and point data to a small buffer that is smaller than the large buffer used in the sinks */\n'
                        'data = (char *)malloc(50*sizeof(char));\nif (data == NULL) {exit(-1);}\ndata[0] = \'\\0\'; /* null terminate */'),
    primary="malloc",
    good_src='/* FIX: Allocate and point data to a large buffer that is at least as large as the large buffer used in the sink */\n'
             'data = (char *)malloc(100*sizeof(char));\nif (data == NULL) {exit(-1);}\ndata[0] = \'\\0\'; /* null terminate */',
    b2g=False,
    sinks={
        "memcpy": (r'''{
    char source[100];
    memset(source, 'C', 100-1); /* fill with 'C's */
    source[100-1] = '\0'; /* null terminate */
    /* POTENTIAL FLAW: Possible buffer overflow if source is larger than data */
    memcpy(data, source, 100*sizeof(char)); %s
    data[100-1] = '\0'; /* Ensure the destination buffer is null terminated */
    printLine(data);
    free(data);
}''' % MARK, None),
        "loop": (r'''{
    size_t i;
    char source[100];
    memset(source, 'C', 100-1); /* fill with 'C's */
    source[100-1] = '\0'; /* null terminate */
    /* POTENTIAL FLAW: Possible buffer overflow if the size of data is less than the length of source */
    for (i = 0; i < 100; i++)
    {
        data[i] = source[i]; %s
    }
    data[100-1] = '\0'; /* Ensure the destination buffer is null terminated */
    printLine(data);
    free(data);
}''' % MARK, None),
    },
    primary_sink="memcpy",
    recall_rules={"c.heap-buffer-overflow", "c.buffer-overflow"},
    fam_rules={"c.stack-buffer-overflow", "c.heap-buffer-overflow", "c.buffer-overflow",
               "c.buffer-over-read", "c.buffer-underwrite", "c.buffer-under-read"},
)

MEM_FAM = {"c.double-free", "c.use-after-free", "c.null-deref", "c.uninitialized-read"}

CWES["CWE415"] = dict(
    name="CWE415_Double_Free__malloc_free_char",
    T="char *",
    decl='char * data;\n/* Initialize data */\ndata = NULL;',
    prelude="",
    sources=dict(malloc='data = (char *)malloc(100*sizeof(char));\nif (data == NULL) {exit(-1);}\n'
                        '/* POTENTIAL FLAW: Free data in the source - the bad sink frees data as well */\nfree(data);'),
    primary="malloc",
    good_src='data = (char *)malloc(100*sizeof(char));\nif (data == NULL) {exit(-1);}\n'
             '/* FIX: Do NOT free data in the source - the bad sink frees data */',
    b2g=True,
    sinks={
        "free": ('/* POTENTIAL FLAW: Possibly freeing memory twice */\nfree(data); %s' % MARK,
                 '/* do nothing */\n; /* empty statement needed for some flow variants */'),
    },
    primary_sink="free",
    recall_rules={"c.double-free"},
    fam_rules=MEM_FAM,
)

CWES["CWE416"] = dict(
    name="CWE416_Use_After_Free__malloc_free_char",
    T="char *",
    decl='char * data;\n/* Initialize data */\ndata = NULL;',
    prelude="",
    sources=dict(malloc='data = (char *)malloc(100*sizeof(char));\nif (data == NULL) {exit(-1);}\n'
                        "memset(data, 'A', 100-1);\ndata[100-1] = '\\0';\n"
                        '/* POTENTIAL FLAW: Free data in the source - the bad sink attempts to use data */\nfree(data);'),
    primary="malloc",
    good_src='data = (char *)malloc(100*sizeof(char));\nif (data == NULL) {exit(-1);}\n'
             "memset(data, 'A', 100-1);\ndata[100-1] = '\\0';",
    b2g=True,
    sinks={
        "use": ('/* POTENTIAL FLAW: Use of data that may have been freed */\nprintLine(data); %s\n'
                '/* POTENTIAL INCIDENTAL - Possible memory leak here if data was not freed */' % MARK,
                '/* FIX: Don\'t use data that may have been freed already */\n'
                '/* POTENTIAL INCIDENTAL - Possible memory leak here if data was not freed */\n'
                '/* do nothing */\n; /* empty statement needed for some flow variants */'),
    },
    primary_sink="use",
    recall_rules={"c.use-after-free"},
    fam_rules=MEM_FAM,
)

CWES["CWE476"] = dict(
    name="CWE476_NULL_Pointer_Dereference__int",
    T="int *",
    decl='int * data;',
    prelude="",
    sources=dict(null='/* POTENTIAL FLAW: Set data to NULL */\ndata = NULL;'),
    primary="null",
    good_src='{\n    int tmpData = 5;\n    /* FIX: Initialize data */\n    {\n        data = &tmpData;\n    }\n}',
    b2g=True,
    sinks={
        "deref": ('/* POTENTIAL FLAW: Attempt to use data, which may be NULL */\nprintIntLine(*data); %s' % MARK,
                  '/* FIX: Check for NULL before attempting to print data */\nif (data != NULL)\n{\n'
                  '    printIntLine(*data);\n}\nelse\n{\n    printLine("data is NULL");\n}'),
    },
    primary_sink="deref",
    recall_rules={"c.null-deref"},
    fam_rules=MEM_FAM,
)

CWES["CWE457"] = dict(
    name="CWE457_Use_of_Uninitialized_Variable__int",
    T="int",
    decl='int data;',
    prelude="",
    sources=dict(noinit='/* POTENTIAL FLAW: Don\'t initialize data */\n; /* empty statement needed for some flow variants */'),
    primary="noinit",
    good_src='/* FIX: Initialize data */\ndata = 5;',
    b2g=True,
    sinks={
        "use": ('/* POTENTIAL FLAW: Use data without initializing it */\nprintIntLine(data); %s' % MARK,
                '/* FIX: Ensure data is initialized before use */\ndata = 5;\nprintIntLine(data);'),
    },
    primary_sink="use",
    recall_rules={"c.uninitialized-read"},
    fam_rules=MEM_FAM,
)

# ---------------------------------------------------------------- helpers
def ind(code, n=1):
    return textwrap.indent(code, "    " * n)


def fdef(sig, body):
    return "%s\n{\n%s\n}\n" % (sig, ind(body.rstrip("\n")))


def iff(cond, then, els=None):
    s = "if(%s)\n{\n%s\n}" % (cond, ind(then))
    if els is not None:
        s += "\nelse\n{\n%s\n}" % ind(els)
    return s

BENIGN = '/* INCIDENTAL: CWE 561 Dead Code, the code below will never run */\nprintLine("Benign, fixed string");'

# control-flow variants: (true cond, false cond, file-level statics)
CF = {
    "02": ("1", "0", ""),
    "03": ("5==5", "5!=5", ""),
    "04": ("STATIC_CONST_TRUE", "STATIC_CONST_FALSE",
           "/* The two variables below are declared \"const\", so a tool should\n * be able to identify that reads of these will always return their\n * initialized values.\n */\nstatic const int STATIC_CONST_TRUE = 1; /* true */\nstatic const int STATIC_CONST_FALSE = 0; /* false */\n"),
    "05": ("staticTrue", "staticFalse",
           "/* The two variables below are not defined as \"const\", but are never\n * assigned any other value, so a tool should be able to identify that\n * reads of these will always return their initialized values.\n */\nstatic int staticTrue = 1; /* true */\nstatic int staticFalse = 0; /* false */\n"),
    "06": ("STATIC_CONST_FIVE==5", "STATIC_CONST_FIVE!=5",
           "/* The variable below is declared \"const\", so a tool should be able\n * to identify that reads of this will always give its initialized value. */\nstatic const int STATIC_CONST_FIVE = 5;\n"),
    "07": ("staticFive==5", "staticFive!=5",
           "/* The variable below is not declared \"const\", but is never assigned\n * any other value so a tool should be able to identify that reads of\n * this will always give its initialized value. */\nstatic int staticFive = 5;\n"),
    "08": ("staticReturnsTrue()", "staticReturnsFalse()",
           "/* The two function below always return the same value, so a tool\n * should be able to identify that calls to the functions will always\n * return a fixed value. */\nstatic int staticReturnsTrue()\n{\n    return 1;\n}\n\nstatic int staticReturnsFalse()\n{\n    return 0;\n}\n"),
    "09": ("GLOBAL_CONST_TRUE", "GLOBAL_CONST_FALSE", ""),
    "10": ("globalTrue", "globalFalse", ""),
    "11": ("globalReturnsTrue()", "globalReturnsFalse()", ""),
    "13": ("GLOBAL_CONST_FIVE==5", "GLOBAL_CONST_FIVE!=5", ""),
    "14": ("globalFive==5", "globalFive!=5", ""),
}
VARIANTS = ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18",
            "21", "22", "31", "32", "34", "41", "42", "44", "45", "51", "52", "53", "54", "61", "63", "64", "65", "66",
            "67", "68"]


class Ctx:
    pass


SENTINEL = "/* @@BODY@@ */\n"
COMBINED = False


def header(spec, extra=""):
    return '#include "std_testcase.h"\n\n' + spec["prelude"] + "\n" + extra + ("\n" + SENTINEL if COMBINED else "")


def sinkhelper(spec, sink):
    return spec.get("sink_helpers", {}).get(sink, "")


def wrap_func(base, ctx, body):
    """Juliet: bad() is extern; good functions are static and called from good()."""
    if COMBINED:
        if ctx == "bad":
            return fdef("void %s_bad()" % base, body)
        return fdef("static void %s()" % ctx, body)
    if ctx == "bad":
        return "#ifndef OMITBAD\n\n" + fdef("void %s_bad()" % base, body) + "\n#endif /* OMITBAD */\n"
    return ("#ifndef OMITGOOD\n\n" + fdef("static void %s()" % ctx, body) + "\n" +
            fdef("void %s_good()" % base, "%s();" % ctx) + "\n#endif /* OMITGOOD */\n")


MAIN = '''
/* Below is the main(). It is only used when building this testcase on
 * its own for testing or for building a binary to use in testing binary
 * analysis tools. It is not used when compiling all the testcases as one
 * application, which is how source code analysis tools are tested.
 */
#ifdef INCLUDEMAIN
int main(int argc, char * argv[])
{
    srand( (unsigned)time(NULL) );
    %s();
    return 0;
}
#endif
'''


def gen_case(spec, srcname, sinkname, var, ctx):
    """returns {filename: text} for one context, or None if context not applicable."""
    T = spec["T"]
    DECL = spec["decl"]
    SB = spec["sources"][srcname]
    SG = spec["good_src"]
    KB, KG = spec["sinks"][sinkname]
    b2g = KG is not None
    helper = sinkhelper(spec, sinkname)
    if helper:
        ren = lambda x: x.replace("vaSinkBad", ctx + "VaSinkB").replace("vaSinkGood", ctx + "VaSinkG")
        helper, KB, KG = ren(helper), ren(KB), (ren(KG) if KG else KG)
    base = "%s_%s_%s_%s" % (spec["name"], srcname, sinkname, var)
    files = {}
    main_call = "%s_bad" % base if ctx == "bad" else "%s_good" % base
    H = lambda extra="": header(spec, extra)

    if var in CF or var in ("15", "16", "17", "18"):
        if var in CF:
            t, f, statics = CF[var]
            W = lambda c, body: iff(c, body)
        else:
            t, f, statics = "T", "F", ""
        def W(c, body, els=None):
            if var in CF:
                return iff(c, body, els)
            if var == "15":
                val = "6" if c == "T" else "7"
                other = els if els is not None else BENIGN
                return "switch(%s)\n{\ncase 6:\n%s\n    break;\ndefault:\n%s\n    break;\n}" % (val, ind(body), ind(other))
            if var == "16":
                return "while(1)\n{\n%s\n    break;\n}" % ind(body)
            if var == "17":
                return "for(i = 0; i < 1; i++)\n{\n%s\n}" % ind(body)
            if var == "18":
                lab = "source" if "sinkpart" not in c else "sink"
                return "goto %s;\n%s:\n%s" % (lab, lab, body)
        d = DECL + ("\nint i;" if var == "17" else "")
        T1 = t
        if var in ("16", "17", "18"):
            # only single goods in Juliet for these
            if ctx == "bad":
                body = d + "\n" + W("T", SB) + "\n" + W("T sinkpart", KB)
            elif ctx == "goodG2B":
                body = d + "\n" + W("T", SG) + "\n" + W("T sinkpart", KB)
            elif ctx == "goodB2G" and b2g:
                body = d + "\n" + W("T", SB) + "\n" + W("T sinkpart", KG)
            else:
                return None
        else:
            if ctx == "bad":
                body = d + "\n" + W(t, SB) + "\n" + W(t, KB)
            elif ctx == "goodG2B1":       # negated condition, bad source in the dead branch
                body = d + "\n" + W(f, SB, SG) + "\n" + W(t, KB)
            elif ctx == "goodG2B1j":      # Juliet-faithful: dead branch prints a benign string
                body = d + "\n" + W(f, BENIGN, SG) + "\n" + W(t, KB)
            elif ctx == "goodG2B2":
                body = d + "\n" + W(t, SG) + "\n" + W(t, KB)
            elif ctx == "goodB2G1" and b2g:
                body = d + "\n" + W(t, SB) + "\n" + W(f, BENIGN, KG)
            elif ctx == "goodB2G2" and b2g:
                body = d + "\n" + W(t, SB) + "\n" + W(t, KG)
            else:
                return None
        files[base + ".c"] = H(statics + "\n" + helper) + "\n" + wrap_func(base, ctx, body) + MAIN % main_call
        return files

    if var == "01":
        if ctx == "bad":
            body = DECL + "\n" + SB + "\n" + KB
        elif ctx == "goodG2B":
            body = DECL + "\n" + SG + "\n" + KB
        elif ctx == "goodB2G" and b2g:
            body = DECL + "\n" + SB + "\n" + KG
        else:
            return None
        files[base + ".c"] = H(helper) + "\n" + wrap_func(base, ctx, body) + MAIN % main_call
        return files

    if var == "12":
        R = "globalReturnsTrueOrFalse()"
        if ctx == "bad":
            src = iff(R, SB, SG)
            snk = iff(R, KB, KG) if b2g else KB
        elif ctx == "goodG2B":
            src = iff(R, SG, SG)
            snk = iff(R, KB, KB) if b2g else KB
        elif ctx == "goodB2G" and b2g:
            src = iff(R, SB, SB)
            snk = iff(R, KG, KG)
        else:
            return None
        files[base + ".c"] = H(helper) + "\n" + wrap_func(base, ctx, DECL + "\n" + src + "\n" + snk) + MAIN % main_call
        return files

    # ---- data-flow variants: contexts bad / goodG2B / goodB2G (21/22 have 1/2 splits)
    sel = {"bad": (SB, KB), "goodG2B": (SG, KB), "goodB2G": (SB, KG),
           "goodB2G1": (SB, KG), "goodB2G2": (SB, KG), "goodG2B1": (SG, KB), "goodG2B2": (SG, KB),
           "goodG2B1j": (SG, KB)}
    if var in ("21", "22"):
        valid = (["bad", "goodG2B", "goodB2G1", "goodB2G2"] if b2g else ["bad", "goodG2B1", "goodG2B1j", "goodG2B2"])
    else:
        valid = ["bad", "goodG2B"] + (["goodB2G"] if b2g else [])
    if ctx not in valid:
        return None
    SRC, SNK = sel[ctx]
    fn = "bad" if ctx == "bad" else ctx     # name stem for helper functions
    if ctx == "bad":
        ext = lambda nm: "%s_%s" % (base, nm)   # externally visible helper name
    else:
        ext = lambda nm: "%s_%s" % (base, nm)

    if var in ("21", "22"):
        if b2g:
            # flag set in caller, sink function checks it
            flagval = {"bad": "1", "goodG2B": "1", "goodB2G1": "0", "goodB2G2": "1"}[ctx]
            if ctx == "goodB2G1":
                sinkbody = iff("FLAG", BENIGN, SNK)
            else:
                sinkbody = iff("FLAG", SNK)
            if var == "21":
                flag = "%sStatic" % fn
                sinkf = fdef("static void %sSink(%s data)" % (fn, T), sinkbody.replace("FLAG", flag))
                body = DECL + "\n" + SRC + "\n%s = %s; /* %s */\n%sSink(data);" % (flag, flagval, "true" if flagval == "1" else "false", fn)
                files[base + ".c"] = (H(helper) + "\n" + "/* The static variable below is used to drive control flow in the sink function */\nstatic int %s = 0;\n\n" % flag
                                      + sinkf + "\n" + wrap_func(base, ctx, body) + MAIN % main_call)
            else:
                flag = ext("%sGlobal" % fn)
                sinkname_ = ext("%sSink" % fn)
                body = DECL + "\n" + SRC + "\n%s = %s; /* %s */\n%s(data);" % (flag, flagval, "true" if flagval == "1" else "false", sinkname_)
                files[base + "a.c"] = (H() + "\n/* The global variable below is used to drive control flow in the sink function */\nint %s = 0;\n\nvoid %s(%s data);\n\n" % (flag, sinkname_, T)
                                       + wrap_func(base, ctx, body) + MAIN % main_call)
                files[base + "b.c"] = (H(helper) + "\n/* The global variable below is used to drive control flow in the sink function */\nextern int %s;\n\n" % flag
                                       + fdef("void %s(%s data)" % (sinkname_, T), sinkbody.replace("FLAG", flag)))
        else:
            flagval = {"bad": "1", "goodG2B1": "0", "goodG2B1j": "0", "goodG2B2": "1"}[ctx]
            if ctx == "goodG2B1":
                srcbody = iff("FLAG", SB, SG)
            elif ctx == "goodG2B1j":
                srcbody = iff("FLAG", BENIGN, SG)
            else:
                srcbody = iff("FLAG", SRC)
            srcbody += "\nreturn data;"
            if var == "21":
                flag = "%sStatic" % fn
                srcf = fdef("static %s %sSource(%s data)" % (T, fn, T), srcbody.replace("FLAG", flag))
                body = DECL + "\n%s = %s; /* %s */\ndata = %sSource(data);\n" % (flag, flagval, "true" if flagval == "1" else "false", fn) + SNK
                files[base + ".c"] = (H(helper) + "\n/* The static variable below is used to drive control flow in the source function */\nstatic int %s = 0;\n\n" % flag
                                      + srcf + "\n" + wrap_func(base, ctx, body) + MAIN % main_call)
            else:
                flag = ext("%sGlobal" % fn)
                srcname_ = ext("%sSource" % fn)
                body = DECL + "\n%s = %s; /* %s */\ndata = %s(data);\n" % (flag, flagval, "true" if flagval == "1" else "false", srcname_) + SNK
                files[base + "a.c"] = (H(helper) + "\n/* The global variable below is used to drive control flow in the source function */\nint %s = 0;\n\n%s %s(%s data);\n\n" % (flag, T, srcname_, T)
                                       + wrap_func(base, ctx, body) + MAIN % main_call)
                files[base + "b.c"] = (H() + "\n/* The global variable below is used to drive control flow in the source function */\nextern int %s;\n\n" % flag
                                       + fdef("%s %s(%s data)" % (T, srcname_, T), srcbody.replace("FLAG", flag)))
        return files

    if var == "31":
        body = DECL + "\n" + SRC + "\n{\n%s\n}" % ind("%s dataCopy = data;\n%s data = dataCopy;\n" % (T, T) + SNK)
        files[base + ".c"] = H(helper) + "\n" + wrap_func(base, ctx, body) + MAIN % main_call
    elif var == "32":
        Tp = T.rstrip() + " *"
        d0 = DECL.split("\n")
        body = (d0[0] + "\n%s dataPtr1 = &data;\n%s dataPtr2 = &data;\n" % (Tp, Tp) + "\n".join(d0[1:]) +
                "\n{\n%s\n}\n{\n%s\n}" % (ind("%s data = *dataPtr1;\n" % T + SRC + "\n*dataPtr1 = data;"),
                                              ind("%s data = *dataPtr2;\n" % T + SNK)))
        files[base + ".c"] = H(helper) + "\n" + wrap_func(base, ctx, body) + MAIN % main_call
    elif var == "34":
        ut = "%s_unionType" % base
        union = "typedef union\n{\n    %s unionFirst;\n    %s unionSecond;\n} %s;\n" % (T, T, ut)
        d0 = DECL.split("\n")
        body = d0[0] + "\n%s myUnion;\n" % ut + "\n".join(d0[1:]) + "\n" + SRC + "\nmyUnion.unionFirst = data;\n{\n%s\n}" % ind("%s data = myUnion.unionSecond;\n" % T + SNK)
        files[base + ".c"] = H(union + "\n" + helper) + "\n" + wrap_func(base, ctx, body) + MAIN % main_call
    elif var == "41":
        sk = fdef("static void %sSink(%s data)" % (fn, T), SNK)
        body = DECL + "\n" + SRC + "\n%sSink(data);" % fn
        files[base + ".c"] = H(helper) + "\n" + sk + "\n" + wrap_func(base, ctx, body) + MAIN % main_call
    elif var == "42":
        sf = fdef("static %s %sSource(%s data)" % (T, fn, T), SRC + "\nreturn data;")
        body = DECL + "\ndata = %sSource(data);\n" % fn + SNK
        files[base + ".c"] = H(helper) + "\n" + sf + "\n" + wrap_func(base, ctx, body) + MAIN % main_call
    elif var == "44":
        sk = fdef("static void %sSink(%s data)" % (fn, T), SNK)
        d0 = DECL.split("\n")
        body = d0[0] + "\n/* define a function pointer */\nvoid (*funcPtr) (%s) = %sSink;\n" % (T, fn) + "\n".join(d0[1:]) + "\n" + SRC + "\n/* use the function pointer */\nfuncPtr(data);"
        files[base + ".c"] = H(helper) + "\n" + sk + "\n" + wrap_func(base, ctx, body) + MAIN % main_call
    elif var == "45":
        g = "%s_%sData" % (base, fn)
        sk = fdef("static void %sSink()" % fn, "%s data = %s;\n" % (T, g) + SNK)
        body = DECL + "\n" + SRC + "\n%s = data;\n%sSink();" % (g, fn)
        files[base + ".c"] = H("static %s %s;\n\n" % (T, g) + helper) + "\n" + sk + "\n" + wrap_func(base, ctx, body) + MAIN % main_call
    elif var in ("51", "52", "53", "54"):
        n = {"51": 2, "52": 3, "53": 4, "54": 5}[var]
        letters = "abcde"[:n]
        sinkn = lambda L: "%s%s_%sSink" % (base, L, fn)
        body = DECL + "\n" + SRC + "\n%s(data);" % sinkn("b")
        files[base + "a.c"] = H() + "\n/* all the sinks are the same, we just want to know where the hit originated if a tool flags one */\nvoid %s(%s data);\n\n" % (sinkn("b"), T) + wrap_func(base, ctx, body) + MAIN % main_call
        for k in range(1, n):
            L = letters[k]
            if k < n - 1:
                nxt = letters[k + 1]
                files[base + L + ".c"] = (H() + "\n/* all the sinks are the same, we just want to know where the hit originated if a tool flags one */\nvoid %s(%s data);\n\n" % (sinkn(nxt), T)
                                          + fdef("void %s(%s data)" % (sinkn(L), T), "%s(data);" % sinkn(nxt)))
            else:
                files[base + L + ".c"] = H(helper) + "\n" + fdef("void %s(%s data)" % (sinkn(L), T), SNK)
    elif var == "61":
        srcn = "%sb_%sSource" % (base, fn)
        body = DECL + "\ndata = %s(data);\n" % srcn + SNK
        files[base + "a.c"] = H(helper) + "\n/* The source function */\n%s %s(%s data);\n\n" % (T, srcn, T) + wrap_func(base, ctx, body) + MAIN % main_call
        files[base + "b.c"] = H() + "\n" + fdef("%s %s(%s data)" % (T, srcn, T), SRC + "\nreturn data;")
    elif var in ("63", "64"):
        sk = "%sb_%sSink" % (base, fn)
        ptype = "%s *" % T.rstrip() if var == "63" else "void *"
        pname = "dataPtr" if var == "63" else "dataVoidPtr"
        body = DECL + "\n" + SRC + "\n%s(&data);" % sk
        files[base + "a.c"] = H() + "\n/* bad function declaration */\nvoid %s(%s %s);\n\n" % (sk, ptype, pname) + wrap_func(base, ctx, body) + MAIN % main_call
        if var == "63":
            sb = "%s data = *dataPtr;\n" % T + SNK
        else:
            sb = "/* cast void pointer to a pointer of the appropriate type */\n%s * dataPtr = (%s *)dataVoidPtr;\n/* dereference dataPtr into data */\n%s data = (*dataPtr);\n" % (T.rstrip(), T.rstrip(), T) + SNK
        files[base + "b.c"] = H(helper) + "\n" + fdef("void %s(%s %s)" % (sk, ptype, pname), sb)
    elif var == "65":
        sk = "%sb_%sSink" % (base, fn)
        d0 = DECL.split("\n")
        body = d0[0] + "\n/* define a function pointer */\nvoid (*funcPtr) (%s) = %s;\n" % (T, sk) + "\n".join(d0[1:]) + "\n" + SRC + "\n/* use the function pointer */\nfuncPtr(data);"
        files[base + "a.c"] = H() + "\n/* bad function declaration */\nvoid %s(%s data);\n\n" % (sk, T) + wrap_func(base, ctx, body) + MAIN % main_call
        files[base + "b.c"] = H(helper) + "\n" + fdef("void %s(%s data)" % (sk, T), SNK)
    elif var == "66":
        sk = "%sb_%sSink" % (base, fn)
        d0 = DECL.split("\n")
        body = d0[0] + "\n%s dataArray[5];\n" % T + "\n".join(d0[1:]) + "\n" + SRC + "\n/* put data in array */\ndataArray[2] = data;\n%s(dataArray);" % sk
        files[base + "a.c"] = H() + "\n/* bad function declaration */\nvoid %s(%s dataArray[]);\n\n" % (sk, T) + wrap_func(base, ctx, body) + MAIN % main_call
        files[base + "b.c"] = H(helper) + "\n" + fdef("void %s(%s dataArray[])" % (sk, T), "/* copy data out of dataArray */\n%s data = dataArray[2];\n" % T + SNK)
    elif var == "67":
        st = "%s_structType" % base
        sdef = "typedef struct _%s\n{\n    %s structFirst;\n} %s;\n\n" % (st, T, st)
        sk = "%sb_%sSink" % (base, fn)
        d0 = DECL.split("\n")
        body = d0[0] + "\n%s myStruct;\n" % st + "\n".join(d0[1:]) + "\n" + SRC + "\nmyStruct.structFirst = data;\n%s(myStruct);" % sk
        files[base + "a.c"] = H(sdef) + "\n/* bad function declaration */\nvoid %s(%s myStruct);\n\n" % (sk, st) + wrap_func(base, ctx, body) + MAIN % main_call
        files[base + "b.c"] = H(sdef + helper) + "\n" + fdef("void %s(%s myStruct)" % (sk, st), "%s data = myStruct.structFirst;\n" % T + SNK)
    elif var == "68":
        g = "%s_%sData" % (base, fn)
        sk = "%sb_%sSink" % (base, fn)
        body = DECL + "\n" + SRC + "\n%s = data;\n%s();" % (g, sk)
        files[base + "a.c"] = H() + "\n%s %s;\n\nvoid %s();\n\n" % (T, g, sk) + wrap_func(base, ctx, body) + MAIN % main_call
        files[base + "b.c"] = H(helper) + "\n/* copy data out of dataArray */\nextern %s %s;\n\n" % (T, g) + fdef("void %s()" % sk, "%s data = %s;\n" % (T, g) + SNK)
    else:
        raise ValueError(var)
    return files


CONTEXTS = ["bad", "goodG2B", "goodG2B1", "goodG2B1j", "goodG2B2", "goodB2G", "goodB2G1", "goodB2G2"]


def write_case(d, files, spec, cwe, ctx, meta_extra):
    os.makedirs(d, exist_ok=True)
    files = dict(files)
    files["support.c"] = SUPPORT_C
    std = STD_H
    # socket headers come from std_testcase.h in Juliet
    std = std.replace("#endif\n", "#endif\n", 1)
    files["std_testcase.h"] = std.replace("#include <limits.h>\n", "#include <limits.h>\n" + SOCKET_PRELUDE)
    marks = []
    for fnm, txt in files.items():
        with open(os.path.join(d, fnm), "w") as fh:
            fh.write(txt)
        for i, line in enumerate(txt.split("\n"), 1):
            if MARK in line:
                marks.append([fnm, i])
    cc = [{"directory": d, "file": f, "arguments": ["cc", "-c", f]} for f in sorted(files) if f.endswith(".c")]
    with open(os.path.join(d, "compile_commands.json"), "w") as fh:
        json.dump(cc, fh, indent=1)
    meta = dict(cwe=cwe, context=ctx, marks=marks, **meta_extra)
    with open(os.path.join(d, "meta.json"), "w") as fh:
        json.dump(meta, fh)


# ---------------------------------------------------------------- Juliet layout (combined)
JULIET_CTX = ["bad", "goodG2B", "goodG2B1j", "goodG2B2", "goodB2G", "goodB2G1", "goodB2G2"]


def merge_headers(hs):
    chunks = []
    for h in hs:
        for c in h.split("\n\n"):
            if c.strip() and c not in chunks:
                chunks.append(c)
    return "\n\n".join(chunks) + "\n\n"


def gen_combined(out, all_sources=False):
    """One directory per CWE holding every testcase, each testcase with its bad() and its good
    functions in the same file(s), as in Juliet; one support.c / std_testcase.h, one compile_commands.json."""
    global COMBINED, MAIN
    COMBINED, saved_main = True, MAIN
    MAIN = "%.0s"
    try:
        if os.path.isdir(out):
            shutil.rmtree(out)
        for cwe, spec in CWES.items():
            d = os.path.join(out, cwe)
            os.makedirs(d)
            tcs = {}
            allfiles = {"support.c": SUPPORT_C,
                        "std_testcase.h": STD_H.replace("#include <limits.h>\n", "#include <limits.h>\n" + SOCKET_PRELUDE)}
            for src, sink, vs in combos_for(spec, all_sources):
                for var in vs:
                    per = {}
                    goods = []
                    for ctx in JULIET_CTX:
                        files = gen_case(spec, src, sink, var, ctx)
                        if files is None:
                            continue
                        if ctx != "bad":
                            goods.append(ctx)
                        for fnm, txt in files.items():
                            h, b = txt.split(SENTINEL, 1)
                            per.setdefault(fnm, ([], []))
                            per[fnm][0].append(h)
                            per[fnm][1].append(b)
                    base = "%s_%s_%s_%s" % (spec["name"], src, sink, var)
                    mainf = base + "a.c" if base + "a.c" in per else base + ".c"
                    marks = []
                    for fnm, (hs, bs) in per.items():
                        txt = merge_headers(hs) + "\n".join(bs)
                        if fnm == mainf:
                            txt += "\n" + fdef("void %s_good()" % base, "\n".join("%s();" % g for g in goods))
                            txt += MAIN_TMPL % ("%s_good();\n    %s_bad();" % (base, base))
                        allfiles[fnm] = txt
                        for i, line in enumerate(txt.split("\n"), 1):
                            if MARK in line:
                                marks.append([fnm, i])
                    tcs[base] = dict(files=sorted(per), marks=marks, goods=goods, source=src, sink=sink, variant=var,
                                     informational=(src in ("rand", "large")))
            for fnm, txt in allfiles.items():
                with open(os.path.join(d, fnm), "w") as fh:
                    fh.write(txt)
            cc = [{"directory": d, "file": f, "arguments": ["cc", "-c", f]} for f in sorted(allfiles) if f.endswith(".c")]
            json.dump(cc, open(os.path.join(d, "compile_commands.json"), "w"), indent=1)
            json.dump(dict(cwe=cwe, recall_rules=sorted(spec["recall_rules"]), fam_rules=sorted(spec["fam_rules"]),
                           testcases=tcs), open(os.path.join(d, "meta_combined.json"), "w"), indent=1)
            print("combined %s: %d testcases, %d files" % (cwe, len(tcs), len(allfiles)))
    finally:
        COMBINED, MAIN = False, saved_main


MAIN_TMPL = """
#ifdef INCLUDEMAIN
int main(int argc, char * argv[])
{
    /* seed randomness */
    srand( (unsigned)time(NULL) );
    %s
    return 0;
}
#endif
"""


def combos_for(spec, all_sources):
    combos = []
    for src in spec["sources"]:
        for sink in spec["sinks"]:
            if src == spec["primary"] and sink == spec["primary_sink"]:
                combos.append((src, sink, VARIANTS))
            elif all_sources and sink == spec["primary_sink"]:
                combos.append((src, sink, VARIANTS))
            elif src == spec["primary"] or sink == spec["primary_sink"]:
                combos.append((src, sink, ["01"]))
    return combos


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    all_sources = "--all-sources" in sys.argv
    if "--combined" in sys.argv:
        gen_combined(os.path.abspath(args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "combined")), all_sources)
        return
    out = os.path.abspath(args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases"))
    if os.path.isdir(out):
        shutil.rmtree(out)
    n = 0
    for cwe, spec in CWES.items():
        for src, sink, vs in combos_for(spec, all_sources):
            label = src if sink == spec["primary_sink"] else "%s+%s" % (src, sink)
            for var in vs:
                for ctx in CONTEXTS:
                    files = gen_case(spec, src, sink, var, ctx)
                    if files is None:
                        continue
                    d = os.path.join(out, cwe, label, var, ctx)
                    write_case(d, files, spec, cwe, ctx,
                               dict(source=src, sink=sink, variant=var,
                                    recall_rules=sorted(spec["recall_rules"]), fam_rules=sorted(spec["fam_rules"]),
                                    informational=(src in ("rand", "large"))))
                    n += 1
    print("wrote %d cases under %s" % (n, out))


if __name__ == "__main__":
    main()
