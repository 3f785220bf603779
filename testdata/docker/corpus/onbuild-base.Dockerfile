# An ONBUILD base image for C projects, in the style of the old *-onbuild images.
FROM gcc:13.2
WORKDIR /usr/src/app
ONBUILD COPY . /usr/src/app
ONBUILD RUN make -j"$(nproc)" && make install PREFIX=/usr/local
ONBUILD ARG BUILD_FLAGS=-O2
CMD ["./app"]
