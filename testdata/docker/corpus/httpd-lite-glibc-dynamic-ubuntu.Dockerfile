# httpd-lite 0.5.2: built from source in one stage, shipped on cgr.dev/chainguard/glibc-dynamic:latest.
ARG HTTPD_LITE_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM ubuntu:24.04 AS build
ARG HTTPD_LITE_SHA256
ENV DEBIAN_FRONTEND=noninteractive
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

FROM cgr.dev/chainguard/glibc-dynamic:latest
LABEL org.opencontainers.image.title="httpd-lite" \
      org.opencontainers.image.version="0.5.2" \
      org.opencontainers.image.source="https://example.org/httpd-lite"
COPY --from=build --chmod=0755 /out/usr/local/bin/httpd-lite /usr/local/bin/httpd-lite
EXPOSE 8080
USER nonroot
HEALTHCHECK NONE
ENTRYPOINT ["/usr/local/bin/httpd-lite"]
CMD ["--port", "8080"]
