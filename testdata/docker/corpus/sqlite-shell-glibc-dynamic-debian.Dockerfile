# syntax=docker/dockerfile:1
# sqlite-shell 3450200: built from source in one stage, shipped on cgr.dev/chainguard/glibc-dynamic:latest.
ARG SQLITE_SHELL_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM --platform=$BUILDPLATFORM debian:12-slim AS build
ARG TARGETARCH
ARG SQLITE_SHELL_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils autoconf automake libtool libreadline-dev \
 && rm -rf /var/lib/apt/lists/*
ADD --checksum=sha256:${SQLITE_SHELL_SHA256} https://www.sqlite.org/2024/sqlite-autoconf-3450200.tar.gz /tmp/src.tar
RUN mkdir -p /usr/src/sqlite-shell && tar -xf /tmp/src.tar -C /usr/src/sqlite-shell --strip-components=1
WORKDIR /usr/src/sqlite-shell
RUN ./configure --prefix=/usr/local --enable-readline --disable-static CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/sqlite3

FROM cgr.dev/chainguard/glibc-dynamic:latest
LABEL org.opencontainers.image.title="sqlite-shell" \
      org.opencontainers.image.version="3450200" \
      org.opencontainers.image.source="https://example.org/sqlite-shell"
COPY --from=build --chmod=0755 /out/usr/local/bin/sqlite3 /usr/local/bin/sqlite3
VOLUME ["/var/lib/sqlite-shell"]
WORKDIR /var/lib/sqlite-shell
USER nonroot
HEALTHCHECK --interval=30s --timeout=5s CMD ["/usr/local/bin/sqlite3", "--version"]
ENTRYPOINT ["/usr/local/bin/sqlite3"]
CMD ["--help"]
