# zlib-tools 1.3.1: built from source in one stage, shipped on debian:12-slim.
ARG ZLIB_TOOLS_VERSION=1.3.1
ARG ZLIB_TOOLS_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM ubuntu:24.04 AS build
ARG ZLIB_TOOLS_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils cmake \
 && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/src.tar.gz "https://zlib.net/zlib-1.3.1.tar.gz" \
 && echo "${ZLIB_TOOLS_SHA256}  /tmp/src.tar.gz" | sha256sum -c - \
 && mkdir -p /usr/src/zlib-tools \
 && tar -xf /tmp/src.tar.gz -C /usr/src/zlib-tools --strip-components=1 \
 && rm /tmp/src.tar.gz
WORKDIR /usr/src/zlib-tools
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr/local -DZLIB_BUILD_EXAMPLES=ON \
      -DCMAKE_C_FLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" \
 && cmake --build build -j "$(nproc)" \
 && DESTDIR=/out cmake --install build --strip

FROM debian:12-slim
LABEL org.opencontainers.image.title="zlib-tools" \
      org.opencontainers.image.version="1.3.1" \
      org.opencontainers.image.source="https://example.org/zlib-tools"
COPY --from=build --chmod=0755 /out/usr/local/bin/minigzip /usr/local/bin/minigzip
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /nonexistent --shell /usr/sbin/nologin app
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/bin/minigzip --version || exit 1
ENTRYPOINT ["/usr/local/bin/minigzip"]
CMD ["--help"]
