# syntax=docker/dockerfile:1
FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.4.0 AS xx
FROM --platform=$BUILDPLATFORM alpine:3.20 AS build
COPY --from=xx / /
ARG TARGETPLATFORM
RUN apk add --no-cache clang lld make
RUN xx-apk add --no-cache musl-dev gcc
WORKDIR /src
COPY . .
RUN xx-clang --setup-target-triple \
 && make CC=xx-clang CFLAGS="-O2 -static" \
 && xx-verify --static build/tool

FROM scratch
COPY --from=build /src/build/tool /tool
ENTRYPOINT ["/tool"]
