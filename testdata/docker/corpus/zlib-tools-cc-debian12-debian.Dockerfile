# zlib-tools 1.3.1: built from source in one stage, shipped on gcr.io/distroless/cc-debian12:nonroot.
ARG ZLIB_TOOLS_VERSION=1.3.1
ARG ZLIB_TOOLS_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM debian:12-slim AS build
ARG ZLIB_TOOLS_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils cmake \
 && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/var/cache/src \
    test -f /var/cache/src/zlib-tools-1.3.1.tar || curl -fsSL -o /var/cache/src/zlib-tools-1.3.1.tar https://zlib.net/zlib-1.3.1.tar.gz; \
    mkdir -p /usr/src/zlib-tools \
    && tar -xf /var/cache/src/zlib-tools-1.3.1.tar -C /usr/src/zlib-tools --strip-components=1
WORKDIR /usr/src/zlib-tools
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr/local -DZLIB_BUILD_EXAMPLES=ON \
      -DCMAKE_C_FLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" \
 && cmake --build build -j "$(nproc)" \
 && DESTDIR=/out cmake --install build --strip

FROM gcr.io/distroless/cc-debian12:nonroot
LABEL org.opencontainers.image.title="zlib-tools" \
      org.opencontainers.image.version="1.3.1" \
      org.opencontainers.image.source="https://example.org/zlib-tools"
COPY --from=build --chmod=0755 /out/usr/local/bin/minigzip /usr/local/bin/minigzip
USER nonroot
HEALTHCHECK --interval=30s --timeout=5s CMD ["/usr/local/bin/minigzip", "--version"]
ENTRYPOINT ["/usr/local/bin/minigzip"]
CMD ["--help"]
