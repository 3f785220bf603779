# curl 8.7.1: built from source in one stage, shipped on cgr.dev/chainguard/glibc-dynamic:latest.
ARG CURL_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM ubuntu:24.04 AS build
ARG CURL_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils cmake libssl-dev zlib1g-dev libnghttp2-dev \
 && rm -rf /var/lib/apt/lists/*
ADD https://curl.se/download/curl-8.7.1.tar.xz /tmp/
RUN mkdir -p /usr/src/curl && tar -xf /tmp/curl-8.7.1.tar.xz -C /usr/src/curl --strip-components=1
WORKDIR /usr/src/curl
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr/local -DCURL_USE_OPENSSL=ON -DBUILD_SHARED_LIBS=OFF \
      -DCMAKE_C_FLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" \
 && cmake --build build -j "$(nproc)" \
 && DESTDIR=/out cmake --install build --strip

FROM cgr.dev/chainguard/glibc-dynamic:latest
LABEL org.opencontainers.image.title="curl" \
      org.opencontainers.image.version="8.7.1" \
      org.opencontainers.image.source="https://example.org/curl"
COPY --from=build /out/usr/local/ /usr/local/
USER nonroot
ENTRYPOINT ["/usr/local/bin/curl"]
CMD ["--help"]
