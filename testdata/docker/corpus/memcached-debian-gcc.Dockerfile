# syntax=docker/dockerfile:1
# memcached 1.6.26: built from source in one stage, shipped on debian:12-slim.
ARG MEMCACHED_VERSION=1.6.26
ARG MEMCACHED_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM gcc:13.2-bookworm AS build
ARG MEMCACHED_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils autoconf automake libtool libevent-dev libsasl2-dev \
 && rm -rf /var/lib/apt/lists/*
RUN curl -fsSLo /tmp/src.tar.gz "https://memcached.org/files/memcached-1.6.26.tar.gz" \
 && echo "${MEMCACHED_SHA256}  /tmp/src.tar.gz" | sha256sum -c - \
 && mkdir -p /usr/src/memcached \
 && tar -xf /tmp/src.tar.gz -C /usr/src/memcached --strip-components=1 \
 && rm /tmp/src.tar.gz
WORKDIR /usr/src/memcached
RUN ./configure --prefix=/usr/local --enable-sasl --enable-tls CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/memcached

FROM debian:12-slim
LABEL org.opencontainers.image.title="memcached" \
      org.opencontainers.image.version="1.6.26" \
      org.opencontainers.image.source="https://example.org/memcached"
COPY --from=build --chmod=0755 /out/usr/local/bin/memcached /usr/local/bin/memcached
EXPOSE 11211
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /nonexistent --shell /usr/sbin/nologin app
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/bin/memcached --version || exit 1
ENTRYPOINT ["/usr/local/bin/memcached"]
CMD ["--port", "11211"]
