# lighttpd 1.4.76: built from source in one stage, shipped on ubuntu:24.04.
ARG LIGHTTPD_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG LIGHTTPD_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers meson samurai pcre2-dev zlib-dev openssl-dev
ADD --checksum=sha256:${LIGHTTPD_SHA256} https://download.lighttpd.net/lighttpd/releases-1.4.x/lighttpd-1.4.76.tar.xz /tmp/src.tar
RUN mkdir -p /usr/src/lighttpd && tar -xf /tmp/src.tar -C /usr/src/lighttpd --strip-components=1
WORKDIR /usr/src/lighttpd
RUN meson setup build --prefix=/usr/local --buildtype=release -Dwith_openssl=true -Dwith_zlib=enabled \
 && ninja -C build \
 && DESTDIR=/out meson install -C build --strip

FROM ubuntu:24.04
LABEL org.opencontainers.image.title="lighttpd" \
      org.opencontainers.image.version="1.4.76" \
      org.opencontainers.image.source="https://example.org/lighttpd"
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates libssl3 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build --chmod=0755 /out/usr/local/sbin/lighttpd /usr/local/sbin/lighttpd
EXPOSE 80
VOLUME ["/var/lib/lighttpd"]
WORKDIR /var/lib/lighttpd
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /nonexistent --shell /usr/sbin/nologin app
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/sbin/lighttpd --version || exit 1
ENTRYPOINT ["/usr/local/sbin/lighttpd"]
CMD ["--port", "80"]
