# coturn 4.6.2: built from source in one stage, shipped on scratch.
ARG COTURN_VERSION=4.6.2
ARG COTURN_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG COTURN_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers autoconf automake libtool libevent-dev openssl-dev sqlite-dev
RUN curl -fsSLo /tmp/src.tar.gz "https://github.com/coturn/coturn/archive/4.6.2.tar.gz" \
 && echo "${COTURN_SHA256}  /tmp/src.tar.gz" | sha256sum -c - \
 && mkdir -p /usr/src/coturn \
 && tar -xf /tmp/src.tar.gz -C /usr/src/coturn --strip-components=1 \
 && rm /tmp/src.tar.gz
WORKDIR /usr/src/coturn
RUN ./configure --prefix=/usr/local --prefix=/usr/local CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/turnserver
RUN ldd /out/usr/local/bin/turnserver 2>&1 | grep -q 'not a dynamic' || echo 'expected a static binary'

FROM scratch
LABEL org.opencontainers.image.title="coturn" \
      org.opencontainers.image.version="4.6.2" \
      org.opencontainers.image.source="https://example.org/coturn"
COPY --from=build --chmod=0755 /out/usr/local/bin/turnserver /usr/local/bin/turnserver
USER 65534:65534
HEALTHCHECK --interval=30s --timeout=5s CMD ["/usr/local/bin/turnserver", "--version"]
ENTRYPOINT ["/usr/local/bin/turnserver"]
CMD ["--port", "3478"]
