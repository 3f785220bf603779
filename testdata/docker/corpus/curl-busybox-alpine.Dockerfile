# curl 8.7.1: built from source in one stage, shipped on busybox:1.36-glibc.
ARG CURL_VERSION=8.7.1
ARG CURL_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG CURL_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers cmake openssl-dev zlib-dev nghttp2-dev
RUN curl -fsSLo /tmp/src.tar.gz "https://curl.se/download/curl-8.7.1.tar.xz" \
 && echo "${CURL_SHA256}  /tmp/src.tar.gz" | sha256sum -c - \
 && mkdir -p /usr/src/curl \
 && tar -xf /tmp/src.tar.gz -C /usr/src/curl --strip-components=1 \
 && rm /tmp/src.tar.gz
WORKDIR /usr/src/curl
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr/local -DCURL_USE_OPENSSL=ON -DBUILD_SHARED_LIBS=OFF \
      -DCMAKE_C_FLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" \
 && cmake --build build -j "$(nproc)" \
 && DESTDIR=/out cmake --install build --strip
RUN ldd /out/usr/local/bin/curl 2>&1 | grep -q 'not a dynamic' || echo 'expected a static binary'

FROM busybox:1.36-glibc
LABEL org.opencontainers.image.title="curl" \
      org.opencontainers.image.version="8.7.1" \
      org.opencontainers.image.source="https://example.org/curl"
COPY --from=build --chmod=0755 /out/usr/local/bin/curl /usr/local/bin/curl
VOLUME ["/var/lib/curl"]
WORKDIR /var/lib/curl
USER 65534:65534
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/bin/curl --version || exit 1
ENTRYPOINT ["/usr/local/bin/curl"]
CMD ["--help"]
