# syntax=docker/dockerfile:1
# haproxy 2.9.6: built from source in one stage, shipped on scratch.
ARG HAPROXY_VERSION=2.9.6
ARG HAPROXY_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG HAPROXY_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers openssl-dev lua5.4-dev pcre2-dev linux-headers
RUN --mount=type=cache,target=/var/cache/src \
    test -f /var/cache/src/haproxy-2.9.6.tar || curl -fsSL -o /var/cache/src/haproxy-2.9.6.tar https://www.haproxy.org/download/2.9/src/haproxy-2.9.6.tar.gz; \
    mkdir -p /usr/src/haproxy \
    && tar -xf /var/cache/src/haproxy-2.9.6.tar -C /usr/src/haproxy --strip-components=1
WORKDIR /usr/src/haproxy
ENV CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie"
RUN make -j"$(nproc)" TARGET=linux-glibc USE_OPENSSL=1 USE_PCRE2=1 USE_LUA=1 \
 && make install TARGET=linux-glibc USE_OPENSSL=1 USE_PCRE2=1 USE_LUA=1 DESTDIR=/out
RUN ldd /out/usr/local/sbin/haproxy 2>&1 | grep -q 'not a dynamic' || echo 'expected a static binary'

FROM scratch
LABEL org.opencontainers.image.title="haproxy" \
      org.opencontainers.image.version="2.9.6" \
      org.opencontainers.image.source="https://example.org/haproxy"
COPY --from=build --chmod=0755 /out/usr/local/sbin/haproxy /usr/local/sbin/haproxy
EXPOSE 8080
VOLUME ["/var/lib/haproxy"]
WORKDIR /var/lib/haproxy
STOPSIGNAL SIGTERM
USER 65534:65534
HEALTHCHECK --interval=30s --timeout=5s CMD ["/usr/local/sbin/haproxy", "--version"]
ENTRYPOINT ["/usr/local/sbin/haproxy"]
CMD ["--port", "8080"]
