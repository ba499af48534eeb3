#!/usr/bin/env bash
# gradkit's autograder, step 1 of 2: Gradescope runs this once, as root, when it builds the image
# (Ubuntu 22.04 by default; the network is on here and only here). It installs the JDK the package
# was made for unless one is there, adds the unprivileged user student code runs as, and makes the
# files grading needs readable to the grader only where they must be. Grading itself (run_autograder)
# needs neither Maven nor the network: the grader, the library, its jars and the grading tests are in
# gradkit/ next to this file.
set -euo pipefail
cd "$(dirname "$0")"

JDK=$(sed -n 's/^jdk=//p' gradkit/settings.properties)
STUDENT=student

# A full JDK (javac too: the grader compiles each exercise) of release $JDK in /usr/lib/jvm that works:
# it must compile and run a one-line program (a JDK whose files are damaged may still say its version).
find_jdk() {
  local dir version probe
  probe=$(mktemp -d)
  echo 'class Probe { public static void main(String[] a) { System.out.println(new java.lang.ref.WeakReference<>("ok").get()); } }' \
    > "$probe/Probe.java"
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [[ -x $dir/bin/java && -x $dir/bin/javac && -f $dir/release ]] || continue
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$dir/release")
    if [[ $version == "$JDK" && $("$dir/bin/java" "$probe/Probe.java" 2> /dev/null) == ok ]]; then
      rm -rf "$probe"
      echo "$dir"
      return 0
    fi
  done
  rm -rf "$probe"
  return 1
}

# Ubuntu's OpenJDK when its archive has this release, else Eclipse Temurin from Adoptium's archive.
install_jdk() {
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  if apt-get install -y -q --no-install-recommends "openjdk-$JDK-jdk-headless"; then
    return
  fi
  apt-get install -y -q --no-install-recommends wget gpg ca-certificates
  wget -qO - https://packages.adoptium.net/artifactory/api/gpg/key/public | gpg --dearmor > /usr/share/keyrings/adoptium.gpg
  echo "deb [signed-by=/usr/share/keyrings/adoptium.gpg] https://packages.adoptium.net/artifactory/deb $(sed -n "s/^VERSION_CODENAME=//p" /etc/os-release) main" \
    > /etc/apt/sources.list.d/adoptium.list
  apt-get update -q
  apt-get install -y -q --no-install-recommends "temurin-$JDK-jdk"
}

if ! java_home=$(find_jdk); then
  echo "setup.sh: installing JDK $JDK"
  install_jdk
  java_home=$(find_jdk) || { echo "setup.sh: no JDK $JDK after installing it" >&2; exit 1; }
fi
echo "$java_home" > gradkit/java-home
echo "setup.sh: grading with $java_home"

# The user the test JVMs run as (the grader passes -Dgradkit.runAs=student): no home, no login, a
# group of its own, so it can neither signal the grader (root) nor write its results.
if ! id -u "$STUDENT" > /dev/null 2>&1; then
  useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "$STUDENT"
fi
for tool in setpriv prlimit timeout; do
  command -v "$tool" > /dev/null || { echo "setup.sh: $tool is missing (util-linux, coreutils)" >&2; exit 1; }
done

# The grader and its jars are readable by all (the test JVMs load them); the grading tests' sources are
# root's alone (the test JVM gets its own exercise's compiled test, never the others' sources).
chmod -R a+rX gradkit
chmod 700 gradkit/tests
chmod 755 run_autograder setup.sh
