FROM rust:1.77-bookworm AS builder
WORKDIR /usr/src/app
COPY Cargo.toml Cargo.lock ./
RUN mkdir src && echo "fn main() {}" > src/main.rs && cargo build --release && rm -rf src
COPY src ./src
RUN touch src/main.rs && cargo build --release --locked

FROM gcr.io/distroless/cc-debian12
COPY --from=builder /usr/src/app/target/release/app /usr/local/bin/app
USER nonroot
ENTRYPOINT ["/usr/local/bin/app"]
