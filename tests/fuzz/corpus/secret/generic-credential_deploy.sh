#!/bin/sh
export REDIS_PASSWORD='p9Xk2Lq7Zt4Vm8Rw'
exec ./server
