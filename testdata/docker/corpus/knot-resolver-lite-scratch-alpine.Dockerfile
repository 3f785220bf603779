# knot-resolver-lite 0.3.0: built from source in one stage, shipped on scratch.
ARG KNOT_RESOLVER_LITE_VERSION=0.3.0
ARG KNOT_RESOLVER_LITE_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG KNOT_RESOLVER_LITE_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers meson samurai libuv-dev gnutls-dev lmdb-dev
RUN curl -fsSLo /tmp/src.tar.gz "https://example.org/kresd-lite-0.3.0.tar.gz" \
 && echo "${KNOT_RESOLVER_LITE_SHA256}  /tmp/src.tar.gz" | sha256sum -c - \
 && mkdir -p /usr/src/knot-resolver-lite \
 && tar -xf /tmp/src.tar.gz -C /usr/src/knot-resolver-lite --strip-components=1 \
 && rm /tmp/src.tar.gz
WORKDIR /usr/src/knot-resolver-lite
RUN meson setup build --prefix=/usr/local --buildtype=release -Dmanaged_ta=disabled \
 && ninja -C build \
 && DESTDIR=/out meson install -C build --strip
RUN ldd /out/usr/local/sbin/kresd 2>&1 | grep -q 'not a dynamic' || echo 'expected a static binary'

FROM scratch
LABEL org.opencontainers.image.title="knot-resolver-lite" \
      org.opencontainers.image.version="0.3.0" \
      org.opencontainers.image.source="https://example.org/knot-resolver-lite"
COPY --from=build --chmod=0755 /out/usr/local/sbin/kresd /usr/local/sbin/kresd
USER 65534:65534
ENTRYPOINT ["/usr/local/sbin/kresd"]
CMD ["--port", "53"]
