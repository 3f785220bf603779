# haproxy 2.9.6: built from source in one stage, shipped on alpine:3.20.
ARG HAPROXY_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG HAPROXY_SHA256
SHELL ["/bin/sh", "-eux", "-c"]
RUN apk add --no-cache build-base pkgconf curl xz linux-headers openssl-dev lua5.4-dev pcre2-dev linux-headers
ADD --checksum=sha256:${HAPROXY_SHA256} https://www.haproxy.org/download/2.9/src/haproxy-2.9.6.tar.gz /tmp/src.tar
RUN mkdir -p /usr/src/haproxy && tar -xf /tmp/src.tar -C /usr/src/haproxy --strip-components=1
WORKDIR /usr/src/haproxy
ENV CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie"
RUN make -j"$(nproc)" TARGET=linux-glibc USE_OPENSSL=1 USE_PCRE2=1 USE_LUA=1 \
 && make install TARGET=linux-glibc USE_OPENSSL=1 USE_PCRE2=1 USE_LUA=1 DESTDIR=/out

FROM alpine:3.20
LABEL org.opencontainers.image.title="haproxy" \
      org.opencontainers.image.version="2.9.6" \
      org.opencontainers.image.source="https://example.org/haproxy"
RUN apk add --no-cache ca-certificates libssl3
COPY --from=build --chmod=0755 /out/usr/local/sbin/haproxy /usr/local/sbin/haproxy
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER 10001:10001
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/sbin/haproxy --version || exit 1
ENTRYPOINT ["/usr/local/sbin/haproxy"]
CMD ["--port", "8080"]
