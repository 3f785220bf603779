# syntax=docker/dockerfile:1
# tinyproxy 1.11.1: built from source in one stage, shipped on alpine:3.20.
ARG TINYPROXY_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM gcc:13.2-bookworm AS build
ARG TINYPROXY_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils autoconf automake libtool \
 && rm -rf /var/lib/apt/lists/*
ADD --checksum=sha256:${TINYPROXY_SHA256} https://github.com/tinyproxy/tinyproxy/releases/download/1.11.1/tinyproxy-1.11.1.tar.xz /tmp/src.tar
RUN mkdir -p /usr/src/tinyproxy && tar -xf /tmp/src.tar -C /usr/src/tinyproxy --strip-components=1
WORKDIR /usr/src/tinyproxy
RUN ./configure --prefix=/usr/local --enable-transparent CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/tinyproxy

FROM alpine:3.20
LABEL org.opencontainers.image.title="tinyproxy" \
      org.opencontainers.image.version="1.11.1" \
      org.opencontainers.image.source="https://example.org/tinyproxy"
RUN apk add --no-cache ca-certificates libssl3
COPY --from=build --chmod=0755 /out/usr/local/bin/tinyproxy /usr/local/bin/tinyproxy
EXPOSE 8888
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER 10001:10001
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/bin/tinyproxy --version || exit 1
ENTRYPOINT ["/usr/local/bin/tinyproxy"]
CMD ["--port", "8888"]
