# coturn 4.6.2: built from source in one stage, shipped on gcr.io/distroless/cc-debian12:nonroot.
ARG COTURN_VERSION=4.6.2
ARG COTURN_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM debian:12-slim AS build
ARG COTURN_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils autoconf automake libtool libevent-dev libssl-dev libsqlite3-dev \
 && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,target=/var/cache/src \
    test -f /var/cache/src/coturn-4.6.2.tar || curl -fsSL -o /var/cache/src/coturn-4.6.2.tar https://github.com/coturn/coturn/archive/4.6.2.tar.gz; \
    mkdir -p /usr/src/coturn \
    && tar -xf /var/cache/src/coturn-4.6.2.tar -C /usr/src/coturn --strip-components=1
WORKDIR /usr/src/coturn
RUN ./configure --prefix=/usr/local --prefix=/usr/local CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie" \
 && make -j"$(nproc)" \
 && make install DESTDIR=/out \
 && strip /out/usr/local/bin/turnserver

FROM gcr.io/distroless/cc-debian12:nonroot
LABEL org.opencontainers.image.title="coturn" \
      org.opencontainers.image.version="4.6.2" \
      org.opencontainers.image.source="https://example.org/coturn"
COPY --from=build --chmod=0755 /out/usr/local/bin/turnserver /usr/local/bin/turnserver
EXPOSE 3478
USER nonroot
ENTRYPOINT ["/usr/local/bin/turnserver"]
CMD ["--port", "3478"]
