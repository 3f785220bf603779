# syntax=docker/dockerfile:1.6
# A static C service built with musl and shipped on distroless.
ARG ALPINE_VERSION=3.19

FROM --platform=$BUILDPLATFORM alpine:${ALPINE_VERSION} AS build
ARG TARGETARCH
RUN apk add --no-cache build-base linux-headers
WORKDIR /src
COPY Makefile ./
COPY src/ ./src/
COPY include/ ./include/
RUN --mount=type=cache,target=/root/.cache \
    make CC=gcc CFLAGS="-O2 -fstack-protector-strong -D_FORTIFY_SOURCE=2 -fPIE" \
         LDFLAGS="-static-pie -Wl,-z,relro,-z,now" \
    && strip --strip-unneeded build/echod

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build --chown=nonroot:nonroot /src/build/echod /usr/local/bin/echod
USER nonroot:nonroot
EXPOSE 7777/tcp
ENTRYPOINT ["/usr/local/bin/echod"]
CMD ["--listen", "0.0.0.0:7777"]
