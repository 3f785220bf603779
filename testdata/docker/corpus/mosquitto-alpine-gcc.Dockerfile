# mosquitto 2.0.18: built from source in one stage, shipped on alpine:3.20.
ARG MOSQUITTO_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM gcc:13.2-bookworm AS build
ARG MOSQUITTO_SHA256
ENV DEBIAN_FRONTEND=noninteractive
SHELL ["/bin/sh", "-eux", "-c"]
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils cmake libssl-dev libcjson-dev \
 && rm -rf /var/lib/apt/lists/*
ADD --checksum=sha256:${MOSQUITTO_SHA256} https://mosquitto.org/files/source/mosquitto-2.0.18.tar.gz /tmp/src.tar
RUN mkdir -p /usr/src/mosquitto && tar -xf /tmp/src.tar -C /usr/src/mosquitto --strip-components=1
WORKDIR /usr/src/mosquitto
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr/local -DWITH_SRV=OFF -DDOCUMENTATION=OFF \
      -DCMAKE_C_FLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" \
 && cmake --build build -j "$(nproc)" \
 && DESTDIR=/out cmake --install build --strip

FROM alpine:3.20
LABEL org.opencontainers.image.title="mosquitto" \
      org.opencontainers.image.version="2.0.18" \
      org.opencontainers.image.source="https://example.org/mosquitto"
RUN apk add --no-cache ca-certificates libssl3
COPY --from=build --chmod=0755 /out/usr/local/sbin/mosquitto /usr/local/sbin/mosquitto
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER 10001:10001
ENTRYPOINT ["/usr/local/sbin/mosquitto"]
CMD ["--port", "1883"]
