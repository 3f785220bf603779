# memcached 1.6.26: built from source in one stage, shipped on gcr.io/distroless/cc-debian12:nonroot.
ARG MEMCACHED_VERSION=1.6.26
ARG MEMCACHED_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM ubuntu:24.04 AS build
ARG MEMCACHED_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils autoconf automake libtool libevent-dev libsasl2-dev \
 && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/var/cache/src \
    test -f /var/cache/src/memcached-1.6.26.tar || curl -fsSL -o /var/cache/src/memcached-1.6.26.tar https://memcached.org/files/memcached-1.6.26.tar.gz; \
    mkdir -p /usr/src/memcached \
    && tar -xf /var/cache/src/memcached-1.6.26.tar -C /usr/src/memcached --strip-components=1
WORKDIR /usr/src/memcached
RUN ./configure --prefix=/usr/local --enable-sasl --enable-tls CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/memcached

FROM gcr.io/distroless/cc-debian12:nonroot
LABEL org.opencontainers.image.title="memcached" \
      org.opencontainers.image.version="1.6.26" \
      org.opencontainers.image.source="https://example.org/memcached"
COPY --from=build --chmod=0755 /out/usr/local/bin/memcached /usr/local/bin/memcached
EXPOSE 11211
USER nonroot
HEALTHCHECK --interval=30s --timeout=5s CMD ["/usr/local/bin/memcached", "--version"]
ENTRYPOINT ["/usr/local/bin/memcached"]
CMD ["--port", "11211"]
