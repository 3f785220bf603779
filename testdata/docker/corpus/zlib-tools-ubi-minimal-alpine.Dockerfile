# syntax=docker/dockerfile:1
# zlib-tools 1.3.1: built from source in one stage, shipped on registry.access.redhat.com/ubi9/ubi-minimal:9.4.
ARG ZLIB_TOOLS_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG ZLIB_TOOLS_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers cmake
ADD https://zlib.net/zlib-1.3.1.tar.gz /tmp/
RUN mkdir -p /usr/src/zlib-tools && tar -xf /tmp/zlib-1.3.1.tar.gz -C /usr/src/zlib-tools --strip-components=1
WORKDIR /usr/src/zlib-tools
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr/local -DZLIB_BUILD_EXAMPLES=ON \
      -DCMAKE_C_FLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" \
 && cmake --build build -j "$(nproc)" \
 && DESTDIR=/out cmake --install build --strip

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
LABEL org.opencontainers.image.title="zlib-tools" \
      org.opencontainers.image.version="1.3.1" \
      org.opencontainers.image.source="https://example.org/zlib-tools"
RUN microdnf install -y ca-certificates openssl-libs \
 && microdnf clean all
COPY --from=build /out/usr/local/ /usr/local/
VOLUME ["/var/lib/zlib-tools"]
WORKDIR /var/lib/zlib-tools
USER 1001
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/bin/minigzip --version || exit 1
ENTRYPOINT ["/usr/local/bin/minigzip"]
CMD ["--help"]
