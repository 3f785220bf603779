# tinyproxy 1.11.1: built from source in one stage, shipped on scratch.
ARG TINYPROXY_VERSION=1.11.1
ARG TINYPROXY_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG TINYPROXY_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers autoconf automake libtool
RUN --mount=type=cache,target=/var/cache/src \
    test -f /var/cache/src/tinyproxy-1.11.1.tar || curl -fsSL -o /var/cache/src/tinyproxy-1.11.1.tar https://github.com/tinyproxy/tinyproxy/releases/download/1.11.1/tinyproxy-1.11.1.tar.xz; \
    mkdir -p /usr/src/tinyproxy \
    && tar -xf /var/cache/src/tinyproxy-1.11.1.tar -C /usr/src/tinyproxy --strip-components=1
WORKDIR /usr/src/tinyproxy
RUN ./configure --prefix=/usr/local --enable-transparent CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/tinyproxy
RUN ldd /out/usr/local/bin/tinyproxy 2>&1 | grep -q 'not a dynamic' || echo 'expected a static binary'

FROM scratch
LABEL org.opencontainers.image.title="tinyproxy" \
      org.opencontainers.image.version="1.11.1" \
      org.opencontainers.image.source="https://example.org/tinyproxy"
COPY --from=build --chmod=0755 /out/usr/local/bin/tinyproxy /usr/local/bin/tinyproxy
EXPOSE 8888
VOLUME ["/var/lib/tinyproxy"]
WORKDIR /var/lib/tinyproxy
STOPSIGNAL SIGTERM
USER 65534:65534
HEALTHCHECK --interval=30s --timeout=5s CMD ["/usr/local/bin/tinyproxy", "--version"]
ENTRYPOINT ["/usr/local/bin/tinyproxy"]
CMD ["--port", "8888"]
