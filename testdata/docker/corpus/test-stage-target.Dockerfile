# syntax=docker/dockerfile:1
# Build with --target test in CI, default target ships the service.
FROM gcc:13.2-bookworm AS base
WORKDIR /src
COPY . .

FROM base AS test
RUN make check CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer"

FROM base AS build
RUN make CFLAGS="-O2 -D_FORTIFY_SOURCE=2 -fstack-protector-strong" LDFLAGS="-Wl,-z,now" \
 && install -D -m 0755 build/svc /out/svc

FROM debian:12-slim AS runtime
COPY --from=build /out/svc /usr/local/bin/svc
RUN useradd -r -u 10001 svc
USER svc
HEALTHCHECK CMD ["/usr/local/bin/svc", "--check"]
ENTRYPOINT ["/usr/local/bin/svc"]
