FROM alpine:3.20 AS build
ARG UNBOUND_VERSION=1.19.3
RUN apk add --no-cache build-base openssl-dev expat-dev libevent-dev nghttp2-dev curl
RUN curl -fsSLO https://nlnetlabs.nl/downloads/unbound/unbound-${UNBOUND_VERSION}.tar.gz \
 && tar xzf unbound-${UNBOUND_VERSION}.tar.gz
WORKDIR /unbound-${UNBOUND_VERSION}
RUN ./configure --prefix=/opt/unbound --with-libevent --with-libnghttp2 --enable-fully-static \
        CFLAGS="-O2 -fstack-protector-strong" \
 && make -j4 && make install && strip /opt/unbound/sbin/unbound

FROM alpine:3.20
RUN apk add --no-cache ca-certificates drill \
 && addgroup -S unbound && adduser -S -G unbound -H unbound
COPY --from=build /opt/unbound /opt/unbound
COPY unbound.conf /opt/unbound/etc/unbound/unbound.conf
EXPOSE 53/tcp 53/udp
USER unbound
HEALTHCHECK --interval=30s CMD drill @127.0.0.1 cloudflare.com || exit 1
ENTRYPOINT ["/opt/unbound/sbin/unbound", "-d", "-c", "/opt/unbound/etc/unbound/unbound.conf"]
