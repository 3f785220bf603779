# syntax=docker/dockerfile:1
# lighttpd 1.4.76: built from source in one stage, shipped on alpine:3.20.
ARG LIGHTTPD_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM fedora:40 AS build
ARG LIGHTTPD_SHA256
RUN dnf install -y gcc make pkgconf-pkg-config curl xz tar meson ninja-build pcre2-devel zlib-devel openssl-devel \
 && dnf clean all
ADD https://download.lighttpd.net/lighttpd/releases-1.4.x/lighttpd-1.4.76.tar.xz /tmp/
RUN mkdir -p /usr/src/lighttpd && tar -xf /tmp/lighttpd-1.4.76.tar.xz -C /usr/src/lighttpd --strip-components=1
WORKDIR /usr/src/lighttpd
RUN meson setup build --prefix=/usr/local --buildtype=release -Dwith_openssl=true -Dwith_zlib=enabled \
 && ninja -C build \
 && DESTDIR=/out meson install -C build --strip

FROM alpine:3.20
LABEL org.opencontainers.image.title="lighttpd" \
      org.opencontainers.image.version="1.4.76" \
      org.opencontainers.image.source="https://example.org/lighttpd"
RUN apk add --no-cache ca-certificates libssl3
COPY --from=build /out/usr/local/ /usr/local/
EXPOSE 80
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER 10001:10001
HEALTHCHECK NONE
ENTRYPOINT ["/usr/local/sbin/lighttpd"]
CMD ["--port", "80"]
