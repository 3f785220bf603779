# syntax=docker/dockerfile:1
# lighttpd 1.4.76: built from source in one stage, shipped on debian:12-slim.
ARG LIGHTTPD_VERSION=1.4.76
ARG LIGHTTPD_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM --platform=$BUILDPLATFORM debian:12-slim AS build
ARG TARGETARCH
ARG LIGHTTPD_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils meson ninja-build libpcre2-dev zlib1g-dev libssl-dev \
 && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/src.tar.gz "https://download.lighttpd.net/lighttpd/releases-1.4.x/lighttpd-1.4.76.tar.xz" \
 && echo "${LIGHTTPD_SHA256}  /tmp/src.tar.gz" | sha256sum -c - \
 && mkdir -p /usr/src/lighttpd \
 && tar -xf /tmp/src.tar.gz -C /usr/src/lighttpd --strip-components=1 \
 && rm /tmp/src.tar.gz
WORKDIR /usr/src/lighttpd
RUN meson setup build --prefix=/usr/local --buildtype=release -Dwith_openssl=true -Dwith_zlib=enabled \
 && ninja -C build \
 && DESTDIR=/out meson install -C build --strip

FROM debian:12-slim
LABEL org.opencontainers.image.title="lighttpd" \
      org.opencontainers.image.version="1.4.76" \
      org.opencontainers.image.source="https://example.org/lighttpd"
COPY --from=build --chmod=0755 /out/usr/local/sbin/lighttpd /usr/local/sbin/lighttpd
EXPOSE 80
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /nonexistent --shell /usr/sbin/nologin app
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/sbin/lighttpd --version || exit 1
ENTRYPOINT ["/usr/local/sbin/lighttpd"]
CMD ["--port", "80"]
