# A PostgreSQL extension compiled against the server headers and added to the official image.
ARG PG_MAJOR=16
FROM postgres:${PG_MAJOR}-bookworm AS build
ARG PG_MAJOR
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential postgresql-server-dev-${PG_MAJOR} \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /usr/src/pg_ext
COPY Makefile pg_ext.control ./
COPY sql/ sql/
COPY src/ src/
RUN make USE_PGXS=1 && make USE_PGXS=1 install DESTDIR=/out

FROM postgres:${PG_MAJOR}-bookworm
ARG PG_MAJOR
COPY --from=build /out/usr/ /usr/
COPY initdb/ /docker-entrypoint-initdb.d/
HEALTHCHECK --interval=10s --timeout=5s CMD pg_isready -U "$POSTGRES_USER" || exit 1
