# memcached 1.6.26: built from source in one stage, shipped on busybox:1.36-glibc.
ARG MEMCACHED_VERSION=1.6.26
ARG MEMCACHED_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM --platform=$BUILDPLATFORM alpine:3.20 AS build
ARG TARGETARCH
ARG MEMCACHED_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers autoconf automake libtool libevent-dev cyrus-sasl-dev
RUN --mount=type=cache,target=/var/cache/src \
    test -f /var/cache/src/memcached-1.6.26.tar || curl -fsSL -o /var/cache/src/memcached-1.6.26.tar https://memcached.org/files/memcached-1.6.26.tar.gz; \
    mkdir -p /usr/src/memcached \
    && tar -xf /var/cache/src/memcached-1.6.26.tar -C /usr/src/memcached --strip-components=1
WORKDIR /usr/src/memcached
RUN ./configure --prefix=/usr/local --enable-sasl --enable-tls CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/memcached
RUN ldd /out/usr/local/bin/memcached 2>&1 | grep -q 'not a dynamic' || echo 'expected a static binary'

FROM busybox:1.36-glibc
LABEL org.opencontainers.image.title="memcached" \
      org.opencontainers.image.version="1.6.26" \
      org.opencontainers.image.source="https://example.org/memcached"
COPY --from=build --chmod=0755 /out/usr/local/bin/memcached /usr/local/bin/memcached
STOPSIGNAL SIGTERM
USER 65534:65534
ENTRYPOINT exec /usr/local/bin/memcached "$@"
