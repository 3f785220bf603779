# httpd-lite 0.5.2: built from source in one stage, shipped on gcr.io/distroless/cc-debian12:nonroot.
ARG HTTPD_LITE_VERSION=0.5.2
ARG HTTPD_LITE_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM fedora:40 AS build
ARG HTTPD_LITE_SHA256
RUN dnf install -y gcc make pkgconf-pkg-config curl xz tar meson ninja-build libmicrohttpd-devel \
 && dnf clean all
WORKDIR /usr/src/httpd-lite
COPY Makefile meson.build ./
COPY src/ src/
COPY include/ include/
RUN meson setup build --prefix=/usr/local --buildtype=release -Db_pie=true \
 && ninja -C build \
 && DESTDIR=/out meson install -C build --strip

FROM gcr.io/distroless/cc-debian12:nonroot
LABEL org.opencontainers.image.title="httpd-lite" \
      org.opencontainers.image.version="0.5.2" \
      org.opencontainers.image.source="https://example.org/httpd-lite"
COPY --from=build --chmod=0755 /out/usr/local/bin/httpd-lite /usr/local/bin/httpd-lite
USER nonroot
ENTRYPOINT ["/usr/local/bin/httpd-lite"]
CMD ["--port", "8080"]
