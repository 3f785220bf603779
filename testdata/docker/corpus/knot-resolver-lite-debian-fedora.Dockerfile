# knot-resolver-lite 0.3.0: built from source in one stage, shipped on debian:12-slim.
ARG KNOT_RESOLVER_LITE_VERSION=0.3.0
ARG KNOT_RESOLVER_LITE_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM fedora:40 AS build
ARG KNOT_RESOLVER_LITE_SHA256
RUN dnf install -y gcc make pkgconf-pkg-config curl xz tar meson ninja-build libuv-devel gnutls-devel lmdb-devel \
 && dnf clean all
RUN curl -fsSLo /tmp/src.tar.gz "https://example.org/kresd-lite-0.3.0.tar.gz" \
 && echo "${KNOT_RESOLVER_LITE_SHA256}  /tmp/src.tar.gz" | sha256sum -c - \
 && mkdir -p /usr/src/knot-resolver-lite \
 && tar -xf /tmp/src.tar.gz -C /usr/src/knot-resolver-lite --strip-components=1 \
 && rm /tmp/src.tar.gz
WORKDIR /usr/src/knot-resolver-lite
RUN meson setup build --prefix=/usr/local --buildtype=release -Dmanaged_ta=disabled \
 && ninja -C build \
 && DESTDIR=/out meson install -C build --strip

FROM debian:12-slim
LABEL org.opencontainers.image.title="knot-resolver-lite" \
      org.opencontainers.image.version="0.3.0" \
      org.opencontainers.image.source="https://example.org/knot-resolver-lite"
COPY --from=build --chmod=0755 /out/usr/local/sbin/kresd /usr/local/sbin/kresd
EXPOSE 53/udp
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /nonexistent --shell /usr/sbin/nologin app
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/sbin/kresd --version || exit 1
ENTRYPOINT ["/usr/local/sbin/kresd"]
CMD ["--port", "53"]
