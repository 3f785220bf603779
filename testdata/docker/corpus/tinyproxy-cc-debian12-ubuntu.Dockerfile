# syntax=docker/dockerfile:1
# tinyproxy 1.11.1: built from source in one stage, shipped on gcr.io/distroless/cc-debian12:nonroot.
ARG TINYPROXY_VERSION=1.11.1
ARG TINYPROXY_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM ubuntu:24.04 AS build
ARG TINYPROXY_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils autoconf automake libtool \
 && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/src.tar.gz "https://github.com/tinyproxy/tinyproxy/releases/download/1.11.1/tinyproxy-1.11.1.tar.xz" \
 && echo "${TINYPROXY_SHA256}  /tmp/src.tar.gz" | sha256sum -c - \
 && mkdir -p /usr/src/tinyproxy \
 && tar -xf /tmp/src.tar.gz -C /usr/src/tinyproxy --strip-components=1 \
 && rm /tmp/src.tar.gz
WORKDIR /usr/src/tinyproxy
RUN ./configure --prefix=/usr/local --enable-transparent CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/tinyproxy

FROM gcr.io/distroless/cc-debian12:nonroot
LABEL org.opencontainers.image.title="tinyproxy" \
      org.opencontainers.image.version="1.11.1" \
      org.opencontainers.image.source="https://example.org/tinyproxy"
COPY --from=build --chmod=0755 /out/usr/local/bin/tinyproxy /usr/local/bin/tinyproxy
EXPOSE 8888
USER nonroot
HEALTHCHECK NONE
ENTRYPOINT ["/usr/local/bin/tinyproxy"]
CMD ["--port", "8888"]
