# syntax=docker/dockerfile:1.6
FROM alpine:3.20 AS build
RUN apk add --no-cache build-base
ADD --keep-git-dir=true https://github.com/example/libfoo.git#v2.1.0 /src/libfoo
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d \
    https://example.org/libbar-1.0.tar.gz /src/
WORKDIR /src/libfoo
RUN make && make install DESTDIR=/out

FROM alpine:3.20
COPY --from=build /out/ /
USER nobody
HEALTHCHECK NONE
CMD ["foo"]
