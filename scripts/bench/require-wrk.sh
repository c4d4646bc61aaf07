# Sourced by the bench-*.sh scripts that load a server with wrk (Debian package): installs it when run as root,
# otherwise says how.
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing wrk from Debian's packages" >&2
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else
    echo "error: the benchmark needs wrk: sudo apt-get install wrk" >&2
    exit 1
  fi
fi
