# syntax=docker/dockerfile:1
# echod 0.9.0: built from source in one stage, shipped on alpine:3.20.
ARG ECHOD_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM fedora:40 AS build
ARG ECHOD_SHA256
RUN dnf install -y gcc make pkgconf-pkg-config curl xz tar openssl-devel \
 && dnf clean all
WORKDIR /usr/src/echod
COPY --link . .
ENV CFLAGS="-O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE" LDFLAGS="-Wl,-z,relro,-z,now -pie"
RUN make -j"$(nproc)" PREFIX=/usr/local \
 && make install PREFIX=/usr/local DESTDIR=/out

FROM alpine:3.20
LABEL org.opencontainers.image.title="echod" \
      org.opencontainers.image.version="0.9.0" \
      org.opencontainers.image.source="https://example.org/echod"
RUN apk add --no-cache ca-certificates libssl3
COPY --from=build --chmod=0755 /out/usr/local/bin/echod /usr/local/bin/echod
EXPOSE 7
RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app
USER 10001:10001
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD /usr/local/bin/echod --version || exit 1
ENTRYPOINT ["/usr/local/bin/echod"]
CMD ["--port", "7"]
