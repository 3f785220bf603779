# syntax=docker/dockerfile:1
# sqlite-shell 3450200: built from source in one stage, shipped on debian:12-slim.
ARG SQLITE_SHELL_VERSION=3450200
ARG SQLITE_SHELL_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM fedora:40 AS build
ARG SQLITE_SHELL_SHA256
RUN dnf install -y gcc make pkgconf-pkg-config curl xz tar autoconf automake libtool readline-devel \
 && dnf clean all
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

FROM debian:12-slim
LABEL org.opencontainers.image.title="sqlite-shell" \
      org.opencontainers.image.version="3450200" \
      org.opencontainers.image.source="https://example.org/sqlite-shell"
COPY --from=build --chmod=0755 /out/usr/local/bin/sqlite3 /usr/local/bin/sqlite3
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /nonexistent --shell /usr/sbin/nologin app
USER app
ENTRYPOINT ["/usr/local/bin/sqlite3"]
CMD ["--help"]
