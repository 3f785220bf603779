# quotesvc 1.0.0: built from source in one stage, shipped on gcr.io/distroless/cc-debian12:nonroot.
ARG QUOTESVC_VERSION=1.0.0
ARG QUOTESVC_SHA256=0000000000000000000000000000000000000000000000000000000000000000

FROM gcc:13.2-bookworm AS build
ARG QUOTESVC_SHA256
ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ca-certificates curl xz-utils \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/quotesvc
COPY Makefile meson.build ./
COPY src/ src/
COPY include/ include/
RUN cc -O2 -g -fstack-protector-strong -D_FORTIFY_SOURCE=3 -fPIE -Iinclude -o /out/usr/local/bin/quotesvc src/*.c -Wl,-z,relro,-z,now -pie \
 && strip /out/usr/local/bin/quotesvc

FROM gcr.io/distroless/cc-debian12:nonroot
LABEL org.opencontainers.image.title="quotesvc" \
      org.opencontainers.image.version="1.0.0" \
      org.opencontainers.image.source="https://example.org/quotesvc"
COPY --from=build --chmod=0755 /out/usr/local/bin/quotesvc /usr/local/bin/quotesvc
STOPSIGNAL SIGTERM
USER nonroot
HEALTHCHECK --interval=30s --timeout=5s CMD ["/usr/local/bin/quotesvc", "--version"]
ENTRYPOINT ["/usr/local/bin/quotesvc"]
CMD ["--port", "7070"]
