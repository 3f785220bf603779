# A developer image: compilers, debuggers, analyzers.
FROM ubuntu:24.04
ARG USERNAME=dev
ARG USER_UID=1000
ARG USER_GID=$USER_UID
RUN apt-get update && export DEBIAN_FRONTEND=noninteractive \
    && apt-get -y install --no-install-recommends \
       build-essential clang clang-tools lld gdb valgrind cmake ninja-build meson \
       git ca-certificates curl python3 python3-pip bear cppcheck \
    && groupadd --gid $USER_GID $USERNAME \
    && useradd --uid $USER_UID --gid $USER_GID -m $USERNAME \
    && rm -rf /var/lib/apt/lists/*
USER $USERNAME
WORKDIR /workspaces
