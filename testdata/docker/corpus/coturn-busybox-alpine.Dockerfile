# syntax=docker/dockerfile:1
# coturn 4.6.2: built from source in one stage, shipped on busybox:1.36-glibc.
ARG COTURN_VERSION=4.6.2
ARG COTURN_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG COTURN_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers autoconf automake libtool libevent-dev openssl-dev sqlite-dev
RUN --mount=type=cache,target=/var/cache/src \
    test -f /var/cache/src/coturn-4.6.2.tar || curl -fsSL -o /var/cache/src/coturn-4.6.2.tar https://github.com/coturn/coturn/archive/4.6.2.tar.gz; \
    mkdir -p /usr/src/coturn \
    && tar -xf /var/cache/src/coturn-4.6.2.tar -C /usr/src/coturn --strip-components=1
WORKDIR /usr/src/coturn
RUN ./configure --prefix=/usr/local --prefix=/usr/local CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/turnserver
RUN ldd /out/usr/local/bin/turnserver 2>&1 | grep -q 'not a dynamic' || echo 'expected a static binary'

FROM busybox:1.36-glibc
LABEL org.opencontainers.image.title="coturn" \
      org.opencontainers.image.version="4.6.2" \
      org.opencontainers.image.source="https://example.org/coturn"
COPY --from=build --chmod=0755 /out/usr/local/bin/turnserver /usr/local/bin/turnserver
EXPOSE 3478
STOPSIGNAL SIGTERM
USER 65534:65534
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/bin/turnserver --version || exit 1
ENTRYPOINT exec /usr/local/bin/turnserver "$@"
