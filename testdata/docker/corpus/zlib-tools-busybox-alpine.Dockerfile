# syntax=docker/dockerfile:1
# zlib-tools 1.3.1: built from source in one stage, shipped on busybox:1.36-glibc.
ARG ZLIB_TOOLS_VERSION=1.3.1
ARG ZLIB_TOOLS_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG ZLIB_TOOLS_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers cmake
RUN --mount=type=cache,target=/var/cache/src \
    test -f /var/cache/src/zlib-tools-1.3.1.tar || curl -fsSL -o /var/cache/src/zlib-tools-1.3.1.tar https://zlib.net/zlib-1.3.1.tar.gz; \
    mkdir -p /usr/src/zlib-tools \
    && tar -xf /var/cache/src/zlib-tools-1.3.1.tar -C /usr/src/zlib-tools --strip-components=1
WORKDIR /usr/src/zlib-tools
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr/local -DZLIB_BUILD_EXAMPLES=ON \
      -DCMAKE_C_FLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" \
 && cmake --build build -j "$(nproc)" \
 && DESTDIR=/out cmake --install build --strip
RUN ldd /out/usr/local/bin/minigzip 2>&1 | grep -q 'not a dynamic' || echo 'expected a static binary'

FROM busybox:1.36-glibc
LABEL org.opencontainers.image.title="zlib-tools" \
      org.opencontainers.image.version="1.3.1" \
      org.opencontainers.image.source="https://example.org/zlib-tools"
COPY --from=build --chmod=0755 /out/usr/local/bin/minigzip /usr/local/bin/minigzip
STOPSIGNAL SIGTERM
USER 65534:65534
ENTRYPOINT exec /usr/local/bin/minigzip "$@"
