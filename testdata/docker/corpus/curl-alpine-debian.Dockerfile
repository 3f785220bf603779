# curl 8.7.1: built from source in one stage, shipped on alpine:3.20.
ARG CURL_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM debian:12-slim AS build
ARG CURL_SHA256
ENV DEBIAN_FRONTEND=noninteractive
SHELL ["/bin/sh", "-eux", "-c"]
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils cmake libssl-dev zlib1g-dev libnghttp2-dev \
 && rm -rf /var/lib/apt/lists/*
ADD --checksum=sha256:${CURL_SHA256} https://curl.se/download/curl-8.7.1.tar.xz /tmp/src.tar
RUN mkdir -p /usr/src/curl && tar -xf /tmp/src.tar -C /usr/src/curl --strip-components=1
WORKDIR /usr/src/curl
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr/local -DCURL_USE_OPENSSL=ON -DBUILD_SHARED_LIBS=OFF \
      -DCMAKE_C_FLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" \
 && cmake --build build -j "$(nproc)" \
 && DESTDIR=/out cmake --install build --strip

FROM alpine:3.20
LABEL org.opencontainers.image.title="curl" \
      org.opencontainers.image.version="8.7.1" \
      org.opencontainers.image.source="https://example.org/curl"
RUN apk add --no-cache ca-certificates libssl3
COPY --from=build --chmod=0755 /out/usr/local/bin/curl /usr/local/bin/curl
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER 10001:10001
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/bin/curl --version || exit 1
ENTRYPOINT ["/usr/local/bin/curl"]
CMD ["--help"]
