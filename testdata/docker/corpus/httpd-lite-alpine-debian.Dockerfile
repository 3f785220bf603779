# httpd-lite 0.5.2: built from source in one stage, shipped on alpine:3.20.
ARG HTTPD_LITE_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM debian:12-slim AS build
ARG HTTPD_LITE_SHA256
ENV DEBIAN_FRONTEND=noninteractive
SHELL ["/bin/sh", "-eux", "-c"]
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils meson ninja-build libmicrohttpd-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/httpd-lite
COPY Makefile meson.build ./
COPY src/ src/
COPY include/ include/
RUN meson setup build --prefix=/usr/local --buildtype=release -Db_pie=true \
 && ninja -C build \
 && DESTDIR=/out meson install -C build --strip

FROM alpine:3.20
LABEL org.opencontainers.image.title="httpd-lite" \
      org.opencontainers.image.version="0.5.2" \
      org.opencontainers.image.source="https://example.org/httpd-lite"
RUN apk add --no-cache ca-certificates libssl3
COPY --from=build /out/usr/local/ /usr/local/
VOLUME ["/var/lib/httpd-lite"]
WORKDIR /var/lib/httpd-lite
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER 10001:10001
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/bin/httpd-lite --version || exit 1
ENTRYPOINT ["/usr/local/bin/httpd-lite"]
CMD ["--port", "8080"]
