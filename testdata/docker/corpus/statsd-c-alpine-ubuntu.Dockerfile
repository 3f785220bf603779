# syntax=docker/dockerfile:1
# statsd-c 2.1.0: built from source in one stage, shipped on alpine:3.20.
ARG STATSD_C_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM ubuntu:24.04 AS build
ARG STATSD_C_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils libevent-dev \
 && rm -rf /var/lib/apt/lists/*
ADD --checksum=sha256:${STATSD_C_SHA256} https://example.org/statsd-c-2.1.0.tar.gz /tmp/src.tar
RUN mkdir -p /usr/src/statsd-c && tar -xf /tmp/src.tar -C /usr/src/statsd-c --strip-components=1
WORKDIR /usr/src/statsd-c
ENV CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie"
RUN make -j"$(nproc)" PREFIX=/usr/local \
 && make install PREFIX=/usr/local DESTDIR=/out

FROM alpine:3.20
LABEL org.opencontainers.image.title="statsd-c" \
      org.opencontainers.image.version="2.1.0" \
      org.opencontainers.image.source="https://example.org/statsd-c"
RUN apk add --no-cache ca-certificates libssl3
COPY --from=build --chmod=0755 /out/usr/local/bin/statsd /usr/local/bin/statsd
EXPOSE 8125/udp
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER 10001:10001
ENTRYPOINT ["/usr/local/bin/statsd"]
CMD ["--port", "8125"]
