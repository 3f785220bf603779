# knot-resolver-lite 0.3.0: built from source in one stage, shipped on alpine:3.20.
ARG KNOT_RESOLVER_LITE_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM alpine:3.20 AS build
ARG KNOT_RESOLVER_LITE_SHA256
RUN apk add --no-cache build-base pkgconf curl xz linux-headers meson samurai libuv-dev gnutls-dev lmdb-dev
ADD https://example.org/kresd-lite-0.3.0.tar.gz /tmp/
RUN mkdir -p /usr/src/knot-resolver-lite && tar -xf /tmp/kresd-lite-0.3.0.tar.gz -C /usr/src/knot-resolver-lite --strip-components=1
WORKDIR /usr/src/knot-resolver-lite
RUN meson setup build --prefix=/usr/local --buildtype=release -Dmanaged_ta=disabled \
 && ninja -C build \
 && DESTDIR=/out meson install -C build --strip

FROM alpine:3.20
LABEL org.opencontainers.image.title="knot-resolver-lite" \
      org.opencontainers.image.version="0.3.0" \
      org.opencontainers.image.source="https://example.org/knot-resolver-lite"
RUN apk add --no-cache ca-certificates libssl3
COPY --from=build /out/usr/local/ /usr/local/
EXPOSE 53/udp
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER 10001:10001
HEALTHCHECK NONE
ENTRYPOINT ["/usr/local/sbin/kresd"]
CMD ["--port", "53"]
