# syntax=docker/dockerfile:1
# knot-resolver-lite 0.3.0: built from source in one stage, shipped on busybox:1.36-glibc.
ARG KNOT_RESOLVER_LITE_VERSION=0.3.0
ARG KNOT_RESOLVER_LITE_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM --platform=$BUILDPLATFORM alpine:3.20 AS build
ARG TARGETARCH
ARG KNOT_RESOLVER_LITE_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers meson samurai libuv-dev gnutls-dev lmdb-dev
RUN --mount=type=cache,target=/var/cache/src \
    test -f /var/cache/src/knot-resolver-lite-0.3.0.tar || curl -fsSL -o /var/cache/src/knot-resolver-lite-0.3.0.tar https://example.org/kresd-lite-0.3.0.tar.gz; \
    mkdir -p /usr/src/knot-resolver-lite \
    && tar -xf /var/cache/src/knot-resolver-lite-0.3.0.tar -C /usr/src/knot-resolver-lite --strip-components=1
WORKDIR /usr/src/knot-resolver-lite
RUN meson setup build --prefix=/usr/local --buildtype=release -Dmanaged_ta=disabled \
 && ninja -C build \
 && DESTDIR=/out meson install -C build --strip
RUN ldd /out/usr/local/sbin/kresd 2>&1 | grep -q 'not a dynamic' || echo 'expected a static binary'

FROM busybox:1.36-glibc
LABEL org.opencontainers.image.title="knot-resolver-lite" \
      org.opencontainers.image.version="0.3.0" \
      org.opencontainers.image.source="https://example.org/knot-resolver-lite"
COPY --from=build --chmod=0755 /out/usr/local/sbin/kresd /usr/local/sbin/kresd
EXPOSE 53/udp
USER 65534:65534
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/sbin/kresd --version || exit 1
ENTRYPOINT exec /usr/local/sbin/kresd "$@"
