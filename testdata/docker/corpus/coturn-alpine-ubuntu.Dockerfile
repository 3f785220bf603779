# coturn 4.6.2: built from source in one stage, shipped on alpine:3.20.
ARG COTURN_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM ubuntu:24.04 AS build
ARG COTURN_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils autoconf automake libtool libevent-dev libssl-dev libsqlite3-dev \
 && rm -rf /var/lib/apt/lists/*
ADD https://github.com/coturn/coturn/archive/4.6.2.tar.gz /tmp/
RUN mkdir -p /usr/src/coturn && tar -xf /tmp/4.6.2.tar.gz -C /usr/src/coturn --strip-components=1
WORKDIR /usr/src/coturn
RUN ./configure --prefix=/usr/local --prefix=/usr/local CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/turnserver

FROM alpine:3.20
LABEL org.opencontainers.image.title="coturn" \
      org.opencontainers.image.version="4.6.2" \
      org.opencontainers.image.source="https://example.org/coturn"
RUN apk add --no-cache ca-certificates libssl3
COPY --from=build /out/usr/local/ /usr/local/
EXPOSE 3478
VOLUME ["/var/lib/coturn"]
WORKDIR /var/lib/coturn
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER 10001:10001
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/bin/turnserver --version || exit 1
ENTRYPOINT ["/usr/local/bin/turnserver"]
CMD ["--port", "3478"]
