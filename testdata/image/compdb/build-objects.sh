#!/bin/sh
# Compiles every source of compile_commands.json (not run by the scanner).
cc -O2 -c -o server.o src/server.c
