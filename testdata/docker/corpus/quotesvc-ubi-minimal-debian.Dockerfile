# syntax=docker/dockerfile:1
# quotesvc 1.0.0: built from source in one stage, shipped on registry.access.redhat.com/ubi9/ubi-minimal:9.4.
ARG QUOTESVC_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM --platform=$BUILDPLATFORM debian:12-slim AS build
ARG TARGETARCH
ARG QUOTESVC_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/quotesvc
COPY --link . .
RUN cc -O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE -Iinclude -o /out/usr/local/bin/quotesvc src/*.c -Wl,-z,relro,-z,now -pie \
 && strip /out/usr/local/bin/quotesvc

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
LABEL org.opencontainers.image.title="quotesvc" \
      org.opencontainers.image.version="1.0.0" \
      org.opencontainers.image.source="https://example.org/quotesvc"
RUN microdnf install -y ca-certificates openssl-libs \
 && microdnf clean all
COPY --from=build /out/usr/local/ /usr/local/
EXPOSE 7070
USER 1001
HEALTHCHECK NONE
ENTRYPOINT ["/usr/local/bin/quotesvc"]
CMD ["--port", "7070"]
