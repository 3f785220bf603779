# Modelled on the official busybox image: a rootfs tarball on scratch.
FROM scratch
ADD busybox.tar.xz /
CMD ["sh"]
