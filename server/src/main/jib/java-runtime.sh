#!/usr/bin/env bash
# The Java runtime of the container image, made from the JDK that runs the build, so building the image
# needs no base image from a registry (Jib starts "FROM scratch" and adds this folder):
#   /opt/java   a jlink'd runtime with the modules the server uses (about 60 MB instead of a JDK's 300);
#   /lib*, /usr/lib*   the shared libraries that runtime links against (glibc, libz, libstdc++...),
#               copied from this machine as ldd finds them, at the same paths, for the same dynamic loader;
#   /tmp, /data writable folders (the JVM's temporary files; the embedded database).
# Linux with glibc only (ldd): a Debian or Ubuntu build machine, which is what CI is.
#
# usage: java-runtime.sh <output folder> <JDK home>
set -euo pipefail
out="$1"
jdk="$2"

# jdeps on the server's classpath, less what only optional code paths use (H2's tools, javassist's debugger).
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.security.jgss
modules+=,java.sql,java.xml,jdk.crypto.ec,jdk.management,jdk.unsupported

rm -rf "$out"
mkdir -p "$out/opt" "$out/tmp" "$out/data"
"$jdk/bin/jlink" --add-modules "$modules" --output "$out/opt/java" \
  --strip-debug --no-header-files --no-man-pages --compress=2

# A JDK whose lib/security/cacerts is a link into /etc (Debian) gives jlink the link's target's content;
# make sure the image has a real trust store, or TLS to a managed PostgreSQL fails.
if [ ! -s "$out/opt/java/lib/security/cacerts" ] && [ -s "$jdk/lib/security/cacerts" ]; then
  cp -L "$jdk/lib/security/cacerts" "$out/opt/java/lib/security/cacerts"
fi

# Libraries: what the launcher, the JVM and the non-GUI native libraries load, each at the path ldd finds
# it, the dynamic loader included (/lib64/ld-linux-x86-64.so.2, named in every executable). Without an
# ld.so.cache the loader searches its built-in folders, which are those paths. The runtime's own
# libraries are found by ldd too and skipped. AWT's and the sound libraries stay unresolved on purpose:
# java.desktop is there for java.beans, and nothing draws or plays.
find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) \
    ! -name 'libawt*' ! -name 'libjawt*' ! -name 'libfontmanager*' ! -name 'libsplashscreen*' \
    ! -name 'liblcms*' ! -name 'libjavajpeg*' ! -name 'libmlib_image*' ! -name 'libjsound*' -print0 |
  xargs -0 -n1 ldd 2>/dev/null |
  awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' |
  grep -v "^$out/" |
  sort -u |
  while read -r lib; do
    mkdir -p "$out$(dirname "$lib")"
    cp -L "$lib" "$out$lib"
  done

# Name the user the image runs as (65532, as in distroless images), so tools that ask get an answer.
mkdir -p "$out/etc"
printf 'root:x:0:0:root:/root:/sbin/nologin\npairprog:x:65532:65532:pairprog:/data:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\npairprog:x:65532:\n' > "$out/etc/group"
echo "java runtime for the image: $(du -sh "$out" | cut -f1) in $out"
