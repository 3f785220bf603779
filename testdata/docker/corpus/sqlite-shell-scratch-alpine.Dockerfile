# sqlite-shell 3450200: built from source in one stage, shipped on scratch.
ARG SQLITE_SHELL_VERSION=3450200
ARG SQLITE_SHELL_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG SQLITE_SHELL_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers autoconf automake libtool readline-dev
RUN curl -fsSLo /tmp/src.tar.gz "https://www.sqlite.org/2024/sqlite-autoconf-3450200.tar.gz" \
 && echo "${SQLITE_SHELL_SHA256}  /tmp/src.tar.gz" | sha256sum -c - \
 && mkdir -p /usr/src/sqlite-shell \
 && tar -xf /tmp/src.tar.gz -C /usr/src/sqlite-shell --strip-components=1 \
 && rm /tmp/src.tar.gz
WORKDIR /usr/src/sqlite-shell
RUN ./configure --prefix=/usr/local --enable-readline --disable-static CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/sqlite3
RUN ldd /out/usr/local/bin/sqlite3 2>&1 | grep -q 'not a dynamic' || echo 'expected a static binary'

FROM scratch
LABEL org.opencontainers.image.title="sqlite-shell" \
      org.opencontainers.image.version="3450200" \
      org.opencontainers.image.source="https://example.org/sqlite-shell"
COPY --from=build --chmod=0755 /out/usr/local/bin/sqlite3 /usr/local/bin/sqlite3
USER 65534:65534
HEALTHCHECK --interval=30s --timeout=5s CMD ["/usr/local/bin/sqlite3", "--version"]
ENTRYPOINT ["/usr/local/bin/sqlite3"]
CMD ["--help"]
