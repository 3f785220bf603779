# statsd-c 2.1.0: built from source in one stage, shipped on busybox:1.36-glibc.
ARG STATSD_C_VERSION=2.1.0
ARG STATSD_C_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG STATSD_C_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers libevent-dev
RUN curl -fsSLo /tmp/src.tar.gz "https://example.org/statsd-c-2.1.0.tar.gz" \
 && echo "${STATSD_C_SHA256}  /tmp/src.tar.gz" | sha256sum -c - \
 && mkdir -p /usr/src/statsd-c \
 && tar -xf /tmp/src.tar.gz -C /usr/src/statsd-c --strip-components=1 \
 && rm /tmp/src.tar.gz
WORKDIR /usr/src/statsd-c
ENV CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie"
RUN make -j"$(nproc)" PREFIX=/usr/local \
 && make install PREFIX=/usr/local DESTDIR=/out
RUN ldd /out/usr/local/bin/statsd 2>&1 | grep -q 'not a dynamic' || echo 'expected a static binary'

FROM busybox:1.36-glibc
LABEL org.opencontainers.image.title="statsd-c" \
      org.opencontainers.image.version="2.1.0" \
      org.opencontainers.image.source="https://example.org/statsd-c"
COPY --from=build --chmod=0755 /out/usr/local/bin/statsd /usr/local/bin/statsd
USER 65534:65534
HEALTHCHECK NONE
ENTRYPOINT ["/usr/local/bin/statsd"]
CMD ["--port", "8125"]
