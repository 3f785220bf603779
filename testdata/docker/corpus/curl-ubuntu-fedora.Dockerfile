# syntax=docker/dockerfile:1
# curl 8.7.1: built from source in one stage, shipped on ubuntu:24.04.
ARG CURL_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM fedora:40 AS build
ARG CURL_SHA256
RUN dnf install -y gcc make pkgconf-pkg-config curl xz tar cmake openssl-devel zlib-devel libnghttp2-devel \
 && dnf clean all
ADD https://curl.se/download/curl-8.7.1.tar.xz /tmp/
RUN mkdir -p /usr/src/curl && tar -xf /tmp/curl-8.7.1.tar.xz -C /usr/src/curl --strip-components=1
WORKDIR /usr/src/curl
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr/local -DCURL_USE_OPENSSL=ON -DBUILD_SHARED_LIBS=OFF \
      -DCMAKE_C_FLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" \
 && cmake --build build -j "$(nproc)" \
 && DESTDIR=/out cmake --install build --strip

FROM ubuntu:24.04
LABEL org.opencontainers.image.title="curl" \
      org.opencontainers.image.version="8.7.1" \
      org.opencontainers.image.source="https://example.org/curl"
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates libssl3 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/usr/local/ /usr/local/
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /nonexistent --shell /usr/sbin/nologin app
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/bin/curl --version || exit 1
ENTRYPOINT ["/usr/local/bin/curl"]
CMD ["--help"]
