# tinyproxy 1.11.1: built from source in one stage, shipped on cgr.dev/chainguard/glibc-dynamic:latest.
ARG TINYPROXY_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG TINYPROXY_SHA256
SHELL ["/bin/sh", "-eux", "-c"]
RUN apk add --no-cache build-base pkgconf curl xz linux-headers autoconf automake libtool
ADD https://github.com/tinyproxy/tinyproxy/releases/download/1.11.1/tinyproxy-1.11.1.tar.xz /tmp/
RUN mkdir -p /usr/src/tinyproxy && tar -xf /tmp/tinyproxy-1.11.1.tar.xz -C /usr/src/tinyproxy --strip-components=1
WORKDIR /usr/src/tinyproxy
RUN ./configure --prefix=/usr/local --enable-transparent CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/tinyproxy

FROM cgr.dev/chainguard/glibc-dynamic:latest
LABEL org.opencontainers.image.title="tinyproxy" \
      org.opencontainers.image.version="1.11.1" \
      org.opencontainers.image.source="https://example.org/tinyproxy"
COPY --from=build /out/usr/local/ /usr/local/
USER nonroot
HEALTHCHECK --interval=30s --timeout=5s CMD ["/usr/local/bin/tinyproxy", "--version"]
ENTRYPOINT ["/usr/local/bin/tinyproxy"]
CMD ["--port", "8888"]
