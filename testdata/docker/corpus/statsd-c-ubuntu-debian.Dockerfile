# statsd-c 2.1.0: built from source in one stage, shipped on ubuntu:24.04.
ARG STATSD_C_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM debian:12-slim AS build
ARG STATSD_C_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils libevent-dev \
 && rm -rf /var/lib/apt/lists/*
ADD https://example.org/statsd-c-2.1.0.tar.gz /tmp/
RUN mkdir -p /usr/src/statsd-c && tar -xf /tmp/statsd-c-2.1.0.tar.gz -C /usr/src/statsd-c --strip-components=1
WORKDIR /usr/src/statsd-c
ENV CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie"
RUN make -j"$(nproc)" PREFIX=/usr/local \
 && make install PREFIX=/usr/local DESTDIR=/out

FROM ubuntu:24.04
LABEL org.opencontainers.image.title="statsd-c" \
      org.opencontainers.image.version="2.1.0" \
      org.opencontainers.image.source="https://example.org/statsd-c"
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates libssl3 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/usr/local/ /usr/local/
EXPOSE 8125/udp
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /nonexistent --shell /usr/sbin/nologin app
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/bin/statsd --version || exit 1
ENTRYPOINT ["/usr/local/bin/statsd"]
CMD ["--port", "8125"]
