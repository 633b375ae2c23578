#!/usr/bin/env bash
# Starts what the end-to-end tests need on this machine, on 127.0.0.1 only:
# Debian's dockerd (vfs storage, no bridge or iptables: nothing reaches a
# network) and Debian's docker-registry. Idempotent; run as root.
set -euo pipefail
state=${MINISHOP_SERVICES_DIR:-/tmp/minishop-services}
registry_addr=${MINISHOP_TEST_REGISTRY:-127.0.0.1:5000}
mkdir -p "$state"

if ! docker info >/dev/null 2>&1; then
  echo "starting dockerd"
  nohup dockerd --storage-driver=vfs --bridge=none --iptables=false --ip-masq=false \
    --data-root "$state/docker" --exec-root "$state/docker-exec" --pidfile "$state/dockerd.pid" \
    >"$state/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { tail -20 "$state/dockerd.log"; echo "dockerd did not start" >&2; exit 1; }
fi

if ! curl -fsS "http://$registry_addr/v2/" >/dev/null 2>&1; then
  echo "starting docker-registry on $registry_addr"
  cat >"$state/registry.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $state/registry
  delete:
    enabled: true
http:
  addr: $registry_addr
YAML
  nohup docker-registry serve "$state/registry.yml" >"$state/registry.log" 2>&1 &
  for _ in $(seq 1 30); do curl -fsS "http://$registry_addr/v2/" >/dev/null 2>&1 && break; sleep 1; done
  curl -fsS "http://$registry_addr/v2/" >/dev/null || { tail -20 "$state/registry.log"; echo "registry did not start" >&2; exit 1; }
fi
echo "docker $(docker version --format '{{.Server.Version}}') and registry $registry_addr ready"
