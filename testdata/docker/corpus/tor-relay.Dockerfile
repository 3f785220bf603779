FROM debian:12-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends \
      build-essential libevent-dev libssl-dev zlib1g-dev curl ca-certificates \
    && rm -rf /var/lib/apt/lists/*
ARG TOR_VERSION=0.4.8.10
RUN curl -fsSL https://dist.torproject.org/tor-${TOR_VERSION}.tar.gz | tar -xz -C /usr/src
WORKDIR /usr/src/tor-${TOR_VERSION}
RUN ./configure --disable-asciidoc --disable-unittests --prefix=/usr/local \
 && make -j"$(nproc)" && make install

FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends libevent-2.1-7 libssl3 zlib1g \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home /var/lib/tor debian-tor \
 && mkdir -p /var/lib/tor && chown debian-tor /var/lib/tor && chmod 700 /var/lib/tor
COPY --from=build /usr/local/bin/tor /usr/local/bin/tor
COPY torrc /etc/tor/torrc
USER debian-tor
EXPOSE 9001
HEALTHCHECK NONE
ENTRYPOINT ["tor", "-f", "/etc/tor/torrc"]
