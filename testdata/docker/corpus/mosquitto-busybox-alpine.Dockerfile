# mosquitto 2.0.18: built from source in one stage, shipped on busybox:1.36-glibc.
ARG MOSQUITTO_VERSION=2.0.18
ARG MOSQUITTO_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM --platform=$BUILDPLATFORM alpine:3.20 AS build
ARG TARGETARCH
ARG MOSQUITTO_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers cmake openssl-dev cjson-dev
RUN curl -fsSLo /tmp/src.tar.gz "https://mosquitto.org/files/source/mosquitto-2.0.18.tar.gz" \
 && echo "${MOSQUITTO_SHA256}  /tmp/src.tar.gz" | sha256sum -c - \
 && mkdir -p /usr/src/mosquitto \
 && tar -xf /tmp/src.tar.gz -C /usr/src/mosquitto --strip-components=1 \
 && rm /tmp/src.tar.gz
WORKDIR /usr/src/mosquitto
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr/local -DWITH_SRV=OFF -DDOCUMENTATION=OFF \
      -DCMAKE_C_FLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" \
 && cmake --build build -j "$(nproc)" \
 && DESTDIR=/out cmake --install build --strip
RUN ldd /out/usr/local/sbin/mosquitto 2>&1 | grep -q 'not a dynamic' || echo 'expected a static binary'

FROM busybox:1.36-glibc
LABEL org.opencontainers.image.title="mosquitto" \
      org.opencontainers.image.version="2.0.18" \
      org.opencontainers.image.source="https://example.org/mosquitto"
COPY --from=build --chmod=0755 /out/usr/local/sbin/mosquitto /usr/local/sbin/mosquitto
EXPOSE 1883
USER 65534:65534
HEALTHCHECK NONE
ENTRYPOINT ["/usr/local/sbin/mosquitto"]
CMD ["--port", "1883"]
