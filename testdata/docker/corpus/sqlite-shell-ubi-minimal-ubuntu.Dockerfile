# sqlite-shell 3450200: built from source in one stage, shipped on registry.access.redhat.com/ubi9/ubi-minimal:9.4.
ARG SQLITE_SHELL_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM ubuntu:24.04 AS build
ARG SQLITE_SHELL_SHA256
ENV DEBIAN_FRONTEND=noninteractive
SHELL ["/bin/sh", "-eux", "-c"]
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils autoconf automake libtool libreadline-dev \
 && rm -rf /var/lib/apt/lists/*
ADD https://www.sqlite.org/2024/sqlite-autoconf-3450200.tar.gz /tmp/
RUN mkdir -p /usr/src/sqlite-shell && tar -xf /tmp/sqlite-autoconf-3450200.tar.gz -C /usr/src/sqlite-shell --strip-components=1
WORKDIR /usr/src/sqlite-shell
RUN ./configure --prefix=/usr/local --enable-readline --disable-static CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/sqlite3

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
LABEL org.opencontainers.image.title="sqlite-shell" \
      org.opencontainers.image.version="3450200" \
      org.opencontainers.image.source="https://example.org/sqlite-shell"
RUN microdnf install -y ca-certificates openssl-libs \
 && microdnf clean all
COPY --from=build /out/usr/local/ /usr/local/
USER 1001
HEALTHCHECK NONE
ENTRYPOINT ["/usr/local/bin/sqlite3"]
CMD ["--help"]
