# knot-resolver-lite 0.3.0: built from source in one stage, shipped on ubuntu:24.04.
ARG KNOT_RESOLVER_LITE_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM gcc:13.2-bookworm AS build
ARG KNOT_RESOLVER_LITE_SHA256
ENV DEBIAN_FRONTEND=noninteractive
SHELL ["/bin/sh", "-eux", "-c"]
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils meson ninja-build libuv1-dev libgnutls28-dev liblmdb-dev \
 && rm -rf /var/lib/apt/lists/*
ADD --checksum=sha256:${KNOT_RESOLVER_LITE_SHA256} https://example.org/kresd-lite-0.3.0.tar.gz /tmp/src.tar
RUN mkdir -p /usr/src/knot-resolver-lite && tar -xf /tmp/src.tar -C /usr/src/knot-resolver-lite --strip-components=1
WORKDIR /usr/src/knot-resolver-lite
RUN meson setup build --prefix=/usr/local --buildtype=release -Dmanaged_ta=disabled \
 && ninja -C build \
 && DESTDIR=/out meson install -C build --strip

FROM ubuntu:24.04
LABEL org.opencontainers.image.title="knot-resolver-lite" \
      org.opencontainers.image.version="0.3.0" \
      org.opencontainers.image.source="https://example.org/knot-resolver-lite"
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates libssl3 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build --chmod=0755 /out/usr/local/sbin/kresd /usr/local/sbin/kresd
VOLUME ["/var/lib/knot-resolver-lite"]
WORKDIR /var/lib/knot-resolver-lite
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /nonexistent --shell /usr/sbin/nologin app
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/sbin/kresd --version || exit 1
ENTRYPOINT ["/usr/local/sbin/kresd"]
CMD ["--port", "53"]
