# sqlite-shell 3450200: built from source in one stage, shipped on gcr.io/distroless/cc-debian12:nonroot.
ARG SQLITE_SHELL_VERSION=3450200
ARG SQLITE_SHELL_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG SQLITE_SHELL_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers autoconf automake libtool readline-dev
RUN --mount=type=cache,target=/var/cache/src \
    test -f /var/cache/src/sqlite-shell-3450200.tar || curl -fsSL -o /var/cache/src/sqlite-shell-3450200.tar https://www.sqlite.org/2024/sqlite-autoconf-3450200.tar.gz; \
    mkdir -p /usr/src/sqlite-shell \
    && tar -xf /var/cache/src/sqlite-shell-3450200.tar -C /usr/src/sqlite-shell --strip-components=1
WORKDIR /usr/src/sqlite-shell
RUN ./configure --prefix=/usr/local --enable-readline --disable-static CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/sqlite3

FROM gcr.io/distroless/cc-debian12:nonroot
LABEL org.opencontainers.image.title="sqlite-shell" \
      org.opencontainers.image.version="3450200" \
      org.opencontainers.image.source="https://example.org/sqlite-shell"
COPY --from=build --chmod=0755 /out/usr/local/bin/sqlite3 /usr/local/bin/sqlite3
STOPSIGNAL SIGTERM
USER nonroot
HEALTHCHECK --interval=30s --timeout=5s CMD ["/usr/local/bin/sqlite3", "--version"]
ENTRYPOINT ["/usr/local/bin/sqlite3"]
CMD ["--help"]
