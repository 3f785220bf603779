# syntax=docker/dockerfile:1
# statsd-c 2.1.0: built from source in one stage, shipped on debian:12-slim.
ARG STATSD_C_VERSION=2.1.0
ARG STATSD_C_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM gcc:13.2-bookworm AS build
ARG STATSD_C_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils libevent-dev \
 && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/var/cache/src \
    test -f /var/cache/src/statsd-c-2.1.0.tar || curl -fsSL -o /var/cache/src/statsd-c-2.1.0.tar https://example.org/statsd-c-2.1.0.tar.gz; \
    mkdir -p /usr/src/statsd-c \
    && tar -xf /var/cache/src/statsd-c-2.1.0.tar -C /usr/src/statsd-c --strip-components=1
WORKDIR /usr/src/statsd-c
ENV CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie"
RUN make -j"$(nproc)" PREFIX=/usr/local \
 && make install PREFIX=/usr/local DESTDIR=/out

FROM debian:12-slim
LABEL org.opencontainers.image.title="statsd-c" \
      org.opencontainers.image.version="2.1.0" \
      org.opencontainers.image.source="https://example.org/statsd-c"
COPY --from=build --chmod=0755 /out/usr/local/bin/statsd /usr/local/bin/statsd
EXPOSE 8125/udp
VOLUME ["/var/lib/statsd-c"]
WORKDIR /var/lib/statsd-c
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /nonexistent --shell /usr/sbin/nologin app
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/bin/statsd --version || exit 1
ENTRYPOINT exec /usr/local/bin/statsd "$@"
