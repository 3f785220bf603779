# memcached 1.6.26: built from source in one stage, shipped on ubuntu:24.04.
ARG MEMCACHED_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM debian:12-slim AS build
ARG MEMCACHED_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils autoconf automake libtool libevent-dev libsasl2-dev \
 && rm -rf /var/lib/apt/lists/*
ADD --checksum=sha256:${MEMCACHED_SHA256} https://memcached.org/files/memcached-1.6.26.tar.gz /tmp/src.tar
RUN mkdir -p /usr/src/memcached && tar -xf /tmp/src.tar -C /usr/src/memcached --strip-components=1
WORKDIR /usr/src/memcached
RUN ./configure --prefix=/usr/local --enable-sasl --enable-tls CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/memcached

FROM ubuntu:24.04
LABEL org.opencontainers.image.title="memcached" \
      org.opencontainers.image.version="1.6.26" \
      org.opencontainers.image.source="https://example.org/memcached"
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates libssl3 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build --chmod=0755 /out/usr/local/bin/memcached /usr/local/bin/memcached
EXPOSE 11211
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /nonexistent --shell /usr/sbin/nologin app
USER app
HEALTHCHECK NONE
ENTRYPOINT ["/usr/local/bin/memcached"]
CMD ["--port", "11211"]
