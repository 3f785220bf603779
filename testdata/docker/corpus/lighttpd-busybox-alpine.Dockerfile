# lighttpd 1.4.76: built from source in one stage, shipped on busybox:1.36-glibc.
ARG LIGHTTPD_VERSION=1.4.76
ARG LIGHTTPD_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG LIGHTTPD_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers meson samurai pcre2-dev zlib-dev openssl-dev
RUN --mount=type=cache,target=/var/cache/src \
    test -f /var/cache/src/lighttpd-1.4.76.tar || curl -fsSL -o /var/cache/src/lighttpd-1.4.76.tar https://download.lighttpd.net/lighttpd/releases-1.4.x/lighttpd-1.4.76.tar.xz; \
    mkdir -p /usr/src/lighttpd \
    && tar -xf /var/cache/src/lighttpd-1.4.76.tar -C /usr/src/lighttpd --strip-components=1
WORKDIR /usr/src/lighttpd
RUN meson setup build --prefix=/usr/local --buildtype=release -Dwith_openssl=true -Dwith_zlib=enabled \
 && ninja -C build \
 && DESTDIR=/out meson install -C build --strip
RUN ldd /out/usr/local/sbin/lighttpd 2>&1 | grep -q 'not a dynamic' || echo 'expected a static binary'

FROM busybox:1.36-glibc
LABEL org.opencontainers.image.title="lighttpd" \
      org.opencontainers.image.version="1.4.76" \
      org.opencontainers.image.source="https://example.org/lighttpd"
COPY --from=build --chmod=0755 /out/usr/local/sbin/lighttpd /usr/local/sbin/lighttpd
USER 65534:65534
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/sbin/lighttpd --version || exit 1
ENTRYPOINT exec /usr/local/sbin/lighttpd "$@"
