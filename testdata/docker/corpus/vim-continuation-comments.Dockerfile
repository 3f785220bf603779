FROM debian:12-slim

RUN apt-get update && apt-get install -y --no-install-recommends \
        # compilers
        gcc \
        libc6-dev \

        # tools
        make \
        pkg-config \
    && rm -rf /var/lib/apt/lists/*

# Label values with escapes and quotes.
LABEL description="A service with \"quoted\" text" \
      multi.line="first \
second" \
      empty=""

ARG A=1 B="two words" C
ENV PATH=/opt/bin:$PATH \
    MODE=${MODE:-production}
USER 1000
CMD ["/opt/bin/svc"]
