# syntax=docker/dockerfile:1
# mosquitto 2.0.18: built from source in one stage, shipped on ubuntu:24.04.
ARG MOSQUITTO_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM ubuntu:24.04 AS build
ARG MOSQUITTO_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils cmake libssl-dev libcjson-dev \
 && rm -rf /var/lib/apt/lists/*
ADD https://mosquitto.org/files/source/mosquitto-2.0.18.tar.gz /tmp/
RUN mkdir -p /usr/src/mosquitto && tar -xf /tmp/mosquitto-2.0.18.tar.gz -C /usr/src/mosquitto --strip-components=1
WORKDIR /usr/src/mosquitto
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr/local -DWITH_SRV=OFF -DDOCUMENTATION=OFF \
      -DCMAKE_C_FLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" \
 && cmake --build build -j "$(nproc)" \
 && DESTDIR=/out cmake --install build --strip

FROM ubuntu:24.04
LABEL org.opencontainers.image.title="mosquitto" \
      org.opencontainers.image.version="2.0.18" \
      org.opencontainers.image.source="https://example.org/mosquitto"
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates libssl3 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/usr/local/ /usr/local/
EXPOSE 1883
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /nonexistent --shell /usr/sbin/nologin app
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/sbin/mosquitto --version || exit 1
ENTRYPOINT ["/usr/local/sbin/mosquitto"]
CMD ["--port", "1883"]
