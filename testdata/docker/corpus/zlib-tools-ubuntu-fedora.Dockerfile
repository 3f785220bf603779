# zlib-tools 1.3.1: built from source in one stage, shipped on ubuntu:24.04.
ARG ZLIB_TOOLS_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM fedora:40 AS build
ARG ZLIB_TOOLS_SHA256
SHELL ["/bin/sh", "-eux", "-c"]
RUN dnf install -y gcc make pkgconf-pkg-config curl xz tar cmake \
 && dnf clean all
ADD --checksum=sha256:${ZLIB_TOOLS_SHA256} https://zlib.net/zlib-1.3.1.tar.gz /tmp/src.tar
RUN mkdir -p /usr/src/zlib-tools && tar -xf /tmp/src.tar -C /usr/src/zlib-tools --strip-components=1
WORKDIR /usr/src/zlib-tools
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr/local -DZLIB_BUILD_EXAMPLES=ON \
      -DCMAKE_C_FLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" \
 && cmake --build build -j "$(nproc)" \
 && DESTDIR=/out cmake --install build --strip

FROM ubuntu:24.04
LABEL org.opencontainers.image.title="zlib-tools" \
      org.opencontainers.image.version="1.3.1" \
      org.opencontainers.image.source="https://example.org/zlib-tools"
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates libssl3 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build --chmod=0755 /out/usr/local/bin/minigzip /usr/local/bin/minigzip
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /nonexistent --shell /usr/sbin/nologin app
USER app
HEALTHCHECK NONE
ENTRYPOINT ["/usr/local/bin/minigzip"]
CMD ["--help"]
